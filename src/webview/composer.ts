// The composer's own parts in the webview: the send key (setting superofficeChat.sendKey) and its placeholder, quick
// replies (the Quick reply button, or `/` in an empty message: the host's quick pick; the text is inserted at the
// caret for editing, never sent), drafts changed elsewhere (rules: shared/draftRefresh.ts) and the Outbox list.
import { isMacPlatform, isSendKeystroke, opensQuickReply, type SendKey, sendHint } from '../shared/composerKeys';
import { caretAfter, refreshedDraft } from '../shared/draftRefresh';
import { sameDraft } from '../shared/draft';
import { draftKey, type DraftStore } from '../shared/draftStore';
import { type OutboxRow } from '../shared/outboxRows';
import {
	type ComposerHostMessage,
	type DraftData,
	emptyDraft,
	type HostMessage,
	type OutboxAction,
	type WebviewMessage,
} from '../shared/protocol';
import type { StringKey } from '../shared/strings';
import { type ViewState } from '../shared/viewState';
import { button, el, type Elements, icon, onClick } from './dom';

type T = (k: StringKey, ...args: (string | number)[]) => string;

export interface ComposerContext {
	e: Elements;
	t: T;
	post(m: WebviewMessage): void;
	state(): ViewState;
	drafts: DraftStore;
	readComposer(): DraftData;
	writeComposer(d: DraftData): void;
	/** Saves the composer's draft and tells the host (at once with `flush`). */
	draftChanged(flush?: boolean): void;
	updateCount(): void;
}

export interface Composer {
	/** Every host message passes here first (it notes what the host holds); returns true when it was the composer's. */
	observe(msg: HostMessage): msg is ComposerHostMessage;
	/** The webview told the host this draft. */
	synced(connectionId: string, sessionId: number, draft: DraftData): void;
	isSendKey(ev: KeyboardEvent): boolean;
}

function platform(): string {
	const n = navigator as Navigator & { userAgentData?: { platform?: string } };
	return n.userAgentData?.platform || n.platform || n.userAgent;
}

export function setupComposer(ctx: ComposerContext): Composer {
	const { e, t } = ctx;
	const mac = isMacPlatform(platform());
	let sendKey: SendKey = 'ctrlEnter';
	/** What the host holds per session, as far as this webview knows (the base of the draft refresh rules). */
	const hostCopy = new Map<string, DraftData>();
	let quick: { requestId: string; sessionId: number; start: number; end: number; slash: boolean } | undefined;
	let outbox: OutboxRow[] = [];
	const busy = new Set<string>();

	const setPlaceholder = (): void => {
		const hint = sendHint(sendKey, mac);
		e.text.placeholder = t(hint.key, ...hint.args);
	};
	setPlaceholder();

	// ---- quick replies ----
	const quickButton = button(
		{ id: 'quick-reply', class: 'secondary', title: t('quickReplyHint'), 'aria-label': t('quickReplyHint') },
		icon('reply'),
		el('span', {}, t('quickReply')),
	);
	// left in the send row; the recipient and Send stay together on the right
	(e.send.parentElement ?? e.send).prepend(quickButton);

	const askQuickReply = (slash: boolean): void => {
		const s = ctx.state();
		if (quick || !s.connection || s.selectedSessionId === undefined) return;
		const requestId = crypto.randomUUID();
		quick = { requestId, sessionId: s.selectedSessionId, start: e.text.selectionStart, end: e.text.selectionEnd, slash };
		quickButton.disabled = true;
		ctx.post({ type: 'quickReply', requestId, sessionId: s.selectedSessionId });
	};

	const onQuickReply = (msg: Extract<HostMessage, { type: 'quickReplyInserted' }>): void => {
		if (!quick || quick.requestId !== msg.requestId) return;
		const q = quick;
		quick = undefined;
		quickButton.disabled = false;
		if (ctx.state().selectedSessionId !== q.sessionId) return;
		// cancelled after `/`: the slash is typed after all, so a literal `/` stays possible
		const text = msg.text ?? (q.slash && e.text.value === '' ? '/' : undefined);
		if (text !== undefined) {
			const len = e.text.value.length;
			e.text.setRangeText(text, Math.min(q.start, len), Math.min(q.end, len), 'end');
			ctx.updateCount();
			ctx.draftChanged(true);
		}
		e.text.focus();
	};

	onClick(quickButton, () => askQuickReply(false));
	e.text.addEventListener('keydown', (ev) => {
		if (!opensQuickReply(ev, e.text.value)) return;
		ev.preventDefault();
		askQuickReply(true);
	});

	// ---- drafts changed elsewhere ----
	const onDraftUpdated = (msg: Extract<HostMessage, { type: 'draftUpdated' }>): void => {
		const s = ctx.state();
		if (!s.connection) return;
		const key = draftKey(s.connection.id, msg.sessionId);
		if (msg.sessionId !== s.selectedSessionId) {
			// not on screen: the host's copy is the newest (the view hands its draft over before it switches away)
			hostCopy.set(key, msg.draft);
			void ctx.drafts.set(s.connection.id, msg.sessionId, msg.draft);
			return;
		}
		const shown = ctx.readComposer();
		const next = refreshedDraft(shown, hostCopy.get(key), msg);
		hostCopy.set(key, msg.draft);
		if (next) {
			const focused = document.activeElement === e.text;
			const [start, end] = [e.text.selectionStart, e.text.selectionEnd];
			ctx.writeComposer(next);
			if (focused) e.text.setSelectionRange(caretAfter(shown.text, next.text, start), caretAfter(shown.text, next.text, end));
		}
		// both copies agree again: the host gets what the composer shows when that differs from its own
		if (!sameDraft(ctx.readComposer(), msg.draft)) ctx.draftChanged(true);
		else void ctx.drafts.set(s.connection.id, msg.sessionId, msg.draft);
	};

	// ---- the Outbox list ----
	const list = el('ul', { id: 'outbox-list', class: 'outbox-list' });
	const heading = el('h2', { id: 'outbox-heading', class: 'outbox-heading' });
	const section = el('section', { id: 'outbox', class: 'outbox', 'aria-labelledby': 'outbox-heading', hidden: '' }, heading, list);
	(e.text.closest('section') ?? e.send).before(section);

	const actionButton = (row: OutboxRow, action: OutboxAction): HTMLButtonElement => {
		const key = `outbox${action === 'retry' ? 'Retry' : action === 'edit' ? 'Edit' : 'Discard'}` as const;
		const aria = t(`${key}Label`, row.customer);
		const b = button(
			{ class: `secondary outbox-${action}`, 'data-action': action, 'aria-label': aria, title: aria },
			action === 'retry' ? icon('refresh') : action === 'edit' ? icon('edit') : icon('trash'),
			el('span', {}, t(key)),
		);
		b.disabled = busy.has(row.id);
		return onClick(b, () => {
			if (busy.has(row.id)) return;
			busy.add(row.id);
			renderOutbox();
			ctx.post({ type: 'outboxAction', id: row.id, action });
		});
	};

	const renderOutbox = (): void => {
		const focused = section.contains(document.activeElement) ? (document.activeElement as HTMLElement) : undefined;
		const was = focused ? { id: focused.closest('li')?.dataset.id, action: focused.dataset.action } : undefined;
		heading.textContent = `${t('outbox')} (${outbox.length})`;
		list.replaceChildren(
			...outbox.map((row) =>
				el(
					'li',
					{ class: `outbox-item ${row.reason}`, 'data-id': row.id, 'aria-busy': String(busy.has(row.id)) },
					el('div', { class: 'outbox-text' }, row.snippet),
					el(
						'div',
						{ class: 'outbox-meta' },
						el('span', { class: 'outbox-target' }, `${row.customer} · #${row.sessionId}`),
						el('span', { class: 'outbox-reason' }, ` · ${t(row.reason === 'unknownOutcome' ? 'outboxMaybePosted' : 'outboxNotSent')}`),
					),
					el('div', { class: 'outbox-actions' }, actionButton(row, 'retry'), actionButton(row, 'edit'), actionButton(row, 'discard')),
				),
			),
		);
		section.hidden = outbox.length === 0;
		// keep the keyboard where it was: the same button of the same row, else the list's first button, else the composer
		if (was) {
			const same = [...list.querySelectorAll<HTMLButtonElement>('button')].find(
				(b) => b.closest('li')?.dataset.id === was.id && b.dataset.action === was.action && !b.disabled,
			);
			(same ?? list.querySelector<HTMLButtonElement>('button:not(:disabled)') ?? e.text).focus();
		}
	};

	return {
		observe(msg): msg is ComposerHostMessage {
			switch (msg.type) {
				case 'init':
					if (msg.connection && msg.selectedSessionId !== undefined) {
						hostCopy.set(draftKey(msg.connection.id, msg.selectedSessionId), msg.draft ?? emptyDraft());
					}
					return false;
				case 'sessionSelected': {
					const c = ctx.state().connection;
					if (c) hostCopy.set(draftKey(c.id, msg.sessionId), msg.draft);
					return false;
				}
				case 'composerSettings':
					sendKey = msg.sendKey;
					setPlaceholder();
					return true;
				case 'quickReplyInserted':
					onQuickReply(msg);
					return true;
				case 'draftUpdated':
					onDraftUpdated(msg);
					return true;
				case 'outboxChanged':
					outbox = msg.items;
					for (const id of [...busy]) if (!outbox.some((r) => r.id === id)) busy.delete(id);
					renderOutbox();
					return true;
				case 'outboxActionDone':
					busy.delete(msg.id);
					renderOutbox();
					return true;
				default:
					return false;
			}
		},
		synced(connectionId, sessionId, draft) {
			hostCopy.set(draftKey(connectionId, sessionId), draft);
		},
		isSendKey: (ev) => isSendKeystroke(ev, sendKey),
	};
}
