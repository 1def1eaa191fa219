// The chat view's composer and Outbox list on the host side: the Outbox of the active connection (and Retry / Edit /
// Discard through the openOutbox command), quick replies through insertQuickReply, the send-key setting, and drafts
// changed elsewhere (Add Selection to Draft, Outbox Edit) shown in the open composer (rules: shared/draftRefresh.ts).
import * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { sendKeySetting, Setting } from '../core/config';
import { type Services } from '../services/services';
import { type DraftChange, type DraftChangeInfo, draftKey } from '../shared/draftStore';
import { outboxRows } from '../shared/outboxRows';
import { assertNever, type ComposerMessage, emptyDraft, type HostMessage } from '../shared/protocol';
import { Disposable } from '../util/disposable';
import { type LiveSessions } from './liveSessions';

/** The writer tag of the chat view's own draft writes: they are never echoed back to it. */
const CHAT_VIEW_DRAFT_SOURCE = 'chatView';
export const FROM_CHAT_VIEW: DraftChangeInfo = { source: CHAT_VIEW_DRAFT_SOURCE };

export class ComposerBridge extends Disposable {
	private ready = false;
	private connectionId: string | undefined;
	private selected: number | undefined;
	/** Drafts changed while the webview could not hear it (closed, or another connection): told after its next init. */
	private readonly missed = new Map<string, { connectionId: string; sessionId: number }>();
	private typed: { connectionId: string; sessionId: number; customer?: string; topicId?: number } | undefined;

	constructor(
		private readonly s: Services,
		private readonly live: LiveSessions,
		private readonly post: (m: HostMessage) => void,
		/** Shows a session in the view (with the caret in the composer). */
		private readonly view: { reveal(sessionId: number, focusComposer: boolean): Promise<void> },
	) {
		super();
		this._register(s.drafts.onDidChange((c) => this.onDraftChanged(c)));
		this._register(s.outbox.onDidChange(() => this.postOutbox()));
		this._register(s.settings.on([Setting.sendKey], () => this.postSettings()));
	}

	/** The provider's state after every change of it; a freshly ready view (or connection) gets the whole picture. */
	viewChanged(ready: boolean, connectionId: string | undefined, selected: number | undefined): void {
		const fresh = ready && (!this.ready || connectionId !== this.connectionId);
		this.ready = ready;
		this.connectionId = connectionId;
		this.selected = selected;
		if (!fresh) return;
		this.postSettings();
		this.postOutbox();
		for (const [key, m] of this.missed) {
			if (m.connectionId !== connectionId) continue;
			this.missed.delete(key);
			const draft = this.s.drafts.get(m.connectionId, m.sessionId) ?? emptyDraft();
			this.post({ type: 'draftUpdated', sessionId: m.sessionId, draft, missed: true });
		}
	}

	async handle(msg: ComposerMessage): Promise<void> {
		switch (msg.type) {
			case 'outboxAction':
				await this.outboxAction(msg.id, msg.action);
				return;
			case 'quickReply':
				await this.quickReply(msg.requestId, msg.sessionId);
				return;
			default:
				assertNever(msg);
		}
	}

	private onDraftChanged(c: DraftChange): void {
		if (c.source === CHAT_VIEW_DRAFT_SOURCE) return;
		if (!this.ready || c.connectionId !== this.connectionId) {
			this.missed.set(draftKey(c.connectionId, c.sessionId), { connectionId: c.connectionId, sessionId: c.sessionId });
			return;
		}
		const msg: HostMessage = { type: 'draftUpdated', sessionId: c.sessionId, draft: c.draft ?? emptyDraft() };
		if (c.appended) msg.appended = c.appended;
		this.post(msg);
	}

	private postSettings(): void {
		if (this.ready) this.post({ type: 'composerSettings', sendKey: sendKeySetting() });
	}

	private postOutbox(): void {
		if (this.ready) this.post({ type: 'outboxChanged', items: outboxRows(this.s.outbox.list(), this.connectionId) });
	}

	/** Through the openOutbox command, so the palette and the view act alike (read-back first, errors shown there). */
	private async outboxAction(id: string, action: 'retry' | 'edit' | 'discard'): Promise<void> {
		const item = this.s.outbox.list().find((i) => i.id === id);
		try {
			const result = await vscode.commands.executeCommand<{ kind: string } | undefined>(CommandId.openOutbox, { id, action });
			if (result?.kind === 'edited' && item) await this.view.reveal(item.sessionId, true);
		} finally {
			this.post({ type: 'outboxActionDone', id });
			this.postOutbox();
		}
	}

	/** The view shows a session typed in by id, which the list does not have: its details for a quick reply. */
	typedSessionShown(connectionId: string, sessionId: number, details: { customer?: string; topicId?: number }): void {
		this.typed = { connectionId, sessionId, ...details };
	}

	/** The host's quick pick (insertQuickReply) for the session on screen; the text goes back for editing, never sent. */
	private async quickReply(requestId: string, sessionId: number): Promise<void> {
		let text: string | undefined;
		try {
			if (this.ready && this.connectionId !== undefined && sessionId === this.selected) {
				const typed = this.typed?.connectionId === this.connectionId && this.typed.sessionId === sessionId ? this.typed : undefined;
				const row = this.live.snapshot.view.rows.find((r) => r.id === sessionId) ?? typed;
				const topic = this.live.topicName(row?.topicId);
				text = await vscode.commands.executeCommand<string | undefined>(CommandId.insertQuickReply, {
					connectionId: this.connectionId,
					sessionId,
					...(row?.customer ? { customer: row.customer.slice(0, 200) } : {}),
					...(topic ? { topic: topic.slice(0, 200) } : {}),
				});
			}
		} finally {
			this.post({ type: 'quickReplyInserted', requestId, sessionId, ...(typeof text === 'string' ? { text } : {}) });
		}
	}
}
