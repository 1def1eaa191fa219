// The recipient bar's session actions: Transfer…, Put Back in Queue…, Open Transcript… as small buttons (each
// reachable with Tab). A click asks the host to run the command on the selected session; the command confirms.
import type { SessionAction } from '../shared/protocol';
import type { StringKey } from '../shared/strings';
import { selectedSession, type ViewState } from '../shared/viewState';
import { el } from './dom';

type T = (k: StringKey, ...args: (string | number)[]) => string;

export interface RecipientActions {
	readonly root: HTMLElement;
	render(s: ViewState): void;
}

const BUTTONS: readonly { action: SessionAction; id: string; label: StringKey; aria: StringKey; icon: string }[] = [
	{ action: 'transfer', id: 'action-transfer', label: 'transferAction', aria: 'transferActionFor', icon: 'arrow-swap' },
	{ action: 'resetSession', id: 'action-reset', label: 'resetAction', aria: 'resetActionFor', icon: 'debug-step-back' },
	{ action: 'openTranscript', id: 'action-transcript', label: 'transcriptAction', aria: 'transcriptActionFor', icon: 'file-text' },
];

export function recipientActions(t: T, run: (action: SessionAction, sessionId: number) => void): RecipientActions {
	let sessionId: number | undefined;
	const buttons = BUTTONS.map((b) => {
		const button = el(
			'button',
			{ id: b.id, type: 'button', class: 'secondary small' },
			el('span', { class: `codicon codicon-${b.icon}`, 'aria-hidden': 'true' }),
			t(b.label),
		);
		button.addEventListener('click', () => {
			if (sessionId !== undefined) run(b.action, sessionId);
		});
		return { ...b, button };
	});
	const root = el(
		'div',
		{ id: 'recipient-actions', class: 'recipient-actions', role: 'group', 'aria-label': t('sessionActions') },
		...buttons.map((b) => b.button),
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
				if (b.action === 'transfer') b.button.disabled = !assigned || session?.transfer !== undefined;
				else if (b.action === 'resetSession') b.button.disabled = !assigned;
				if (session) b.button.setAttribute('aria-label', t(b.aria, session.customer));
				else b.button.removeAttribute('aria-label');
			}
		},
	};
}
