// The recipient bar's session actions: Transfer…, Put Back in Queue…, Open Transcript… as small buttons (each
// reachable with Tab). A click asks the host to run the command on the selected session; the command confirms.
import type { SessionAction } from '../shared/protocol';
import type { StringKey } from '../shared/strings';
import { selectedSession, type ViewState } from '../shared/viewState';
import { button, el, icon, onClick } from './dom';

type T = (k: StringKey, ...args: (string | number)[]) => string;

export interface RecipientActions {
	readonly root: HTMLElement;
	render(s: ViewState): void;
}

/** Each button's id is `action-<name>`; its label and aria-label are the strings `<name>Action` and `<name>ActionFor`. */
type ButtonName = 'transfer' | 'reset' | 'transcript';
const BUTTONS: readonly { action: SessionAction; name: ButtonName; icon: () => HTMLElement }[] = [
	{ action: 'transfer', name: 'transfer', icon: () => icon('arrow-swap') },
	{ action: 'resetSession', name: 'reset', icon: () => icon('debug-step-back') },
	{ action: 'openTranscript', name: 'transcript', icon: () => icon('file-text') },
];

export function recipientActions(t: T, run: (action: SessionAction, sessionId: number) => void): RecipientActions {
	let sessionId: number | undefined;
	const buttons = BUTTONS.map((b) => {
		const element = onClick(button({ id: `action-${b.name}`, class: 'secondary small' }, b.icon(), t(`${b.name}Action`)), () => {
			if (sessionId !== undefined) run(b.action, sessionId);
		});
		return { ...b, element };
	});
	const root = el(
		'div',
		{ id: 'recipient-actions', class: 'recipient-actions', role: 'group', 'aria-label': t('sessionActions') },
		...buttons.map((b) => b.element),
	);
	root.hidden = true;
	return {
		root,
		render(s) {
			sessionId = s.connection ? s.selectedSessionId : undefined;
			root.hidden = sessionId === undefined;
			const session = selectedSession(s);
			// The agent's own open chat can be handed on; a queued or ended one, or one already offered, cannot.
			const assigned = session?.open === true && session.status !== 'InQueue';
			for (const b of buttons) {
				if (b.action === 'transfer') b.element.disabled = !assigned || session?.transfer !== undefined;
				else if (b.action === 'resetSession') b.element.disabled = !assigned;
				if (session) b.element.setAttribute('aria-label', t(`${b.name}ActionFor`, session.customer));
				else b.element.removeAttribute('aria-label');
			}
		},
	};
}
