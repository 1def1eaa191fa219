// The sidebar chat view. The host owns the truth (active connection, selected session, drafts in globalState);
// the webview renders and asks. A send carries the session the user saw and is refused if the host disagrees.
// It polls nothing itself: sessions, the badge and new messages come from the live model (LiveSessions).
import * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { type Services } from '../services/services';
import { ContextKey, setContextKey } from '../core/contextKeys';
import { type Connection } from '../connections/connection';
import { type DraftStore } from '../shared/draftStore';
import {
	emptyDraft,
	type ErrorInfo,
	type HostMessage,
	parseWebviewMessage,
	type SessionItem,
	type WebviewMessage,
} from '../shared/protocol';
import { Disposable } from '../util/disposable';
import { localResourceRoots } from './webviewHtml';
import { chatViewHtml, describeTypedSession, sendFromView } from './chatViewParts';
import { SelectionMemory, toErrorInfo } from './viewSupport';
import { runSessionAction } from './viewActions';
import { type LiveMessages, type LiveSessions } from './liveSessions';
import { liveSessionItems } from './liveItems';
import { toConversation } from './viewModel';
import { ComposerBridge, FROM_CHAT_VIEW } from './composerBridge';

export const CHAT_VIEW_ID = 'superofficeChat.chatView';

export class ChatViewProvider extends Disposable implements vscode.WebviewViewProvider {
	private view: vscode.WebviewView | undefined;
	private viewDisposables: vscode.Disposable[] = [];
	private readonly drafts: DraftStore;
	private readonly selection: SelectionMemory;
	private resolvedAt = 0;
	private selected: number | undefined;
	private connectionId: string | undefined;
	private sessionsCache: SessionItem[] = [];
	private readonly lastMessageId = new Map<number, number>();
	private loadingMessages = new Set<number>();
	private ready = false;
	/** A session to show once the webview is ready (Reply on a notification, the status bar). */
	private pending: { sessionId: number; focusComposer: boolean } | undefined;
	private readonly composer: ComposerBridge;

	constructor(
		private readonly deps: Services,
		private readonly live: LiveSessions,
	) {
		super();
		this.drafts = deps.drafts;
		this.selection = new SelectionMemory(deps.globalState);
		this.composer = this._register(new ComposerBridge(deps, live, (m) => this.post(m), this));
		this._register(deps.connections.onDidChange(() => this.onConnectionsChanged()));
		this._register(live.onDidChange(() => this.onLiveChanged()));
		this._register(live.onDidReceiveMessages((m) => this.onLiveMessages(m)));
	}

	/** Opens the view on a session; with `focusComposer`, the caret lands in the message box. */
	async reveal(sessionId: number, focusComposer: boolean): Promise<void> {
		this.pending = { sessionId, focusComposer };
		await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
		if (this.view && this.ready && this.connectionId === this.deps.connections.active()?.id) await this.showPending();
	}

	/** The session the view shows, if any. */
	get selectedSessionId(): number | undefined {
		return this.selected;
	}
	resolveWebviewView(view: vscode.WebviewView): void {
		this.resolvedAt = performance.now();
		this.disposeView();
		this.view = view;
		view.webview.options = { enableScripts: true, localResourceRoots: localResourceRoots(this.deps.extensionUri) };
		view.webview.html = chatViewHtml(view.webview, this.deps.extensionUri);
		this.ready = false;
		this.viewDisposables.push(
			view.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
			view.onDidChangeVisibility(() => {
				// shown again: the webview reloads its document (no retainContextWhenHidden) and says ready anew
				if (view.visible) this.resolvedAt = performance.now();
				else this.ready = false;
				this.updateOnScreen();
			}),
			view.onDidDispose(() => {
				this.disposeView();
				this.view = undefined;
				this.ready = false;
				this.updateOnScreen();
			}),
		);
		this.updateBadge();
	}

	/** `superofficeChat.refreshView`: sessions and the conversation again. */
	async refresh(): Promise<void> {
		await Promise.all([
			this.live.refreshNow(),
			this.view && this.selected !== undefined ? this.loadMessages(this.selected, true) : undefined,
		]);
	}

	override dispose(): void {
		this.disposeView();
		this.live.setViewerShown(false);
		super.dispose();
	}

	/** What the live model knows now, to the webview and the badge. */
	private onLiveChanged(): void {
		this.updateBadge();
		if (this.ready && this.connectionId === this.live.snapshot.connectionId) this.postSessions();
	}

	private onLiveMessages(m: LiveMessages): void {
		if (!this.ready || m.connectionId !== this.connectionId || m.sessionId !== this.selected) return;
		const messages = toConversation(m.messages);
		const last = messages.at(-1);
		if (!last) return;
		if (last.id > (this.lastMessageId.get(m.sessionId) ?? 0)) this.lastMessageId.set(m.sessionId, last.id);
		this.post({ type: 'messagesLoaded', sessionId: m.sessionId, messages, replace: false });
	}

	private updateBadge(): void {
		if (!this.view) return;
		const v = this.live.snapshot.view;
		this.view.badge =
			v.badge > 0 ? { value: v.badge, tooltip: vscode.l10n.t('{0} need a reply, {1} in queue', v.needsYou, v.inQueue) } : undefined;
	}

	/** The session counts as on screen while the view is visible and ready. */
	private updateOnScreen(): void {
		const shown = this.view?.visible === true && this.ready;
		this.live.setViewerShown(shown);
		this.live.setOnScreen(this.connectionId, shown ? this.selected : undefined);
		this.composer.viewChanged(this.ready, this.connectionId, this.selected);
	}

	private postSessions(): void {
		const snap = this.live.snapshot;
		if (snap.connectionId !== this.connectionId) return this.post({ type: 'sessionsLoading' });
		if (snap.error !== undefined && (!snap.primed || snap.status === 'signedOut' || snap.status === 'authPaused')) {
			this.post({ type: 'sessionsFailed', error: this.errorInfo(snap.error) });
			return;
		}
		this.sessionsCache = liveSessionItems(snap.view.rows, (id) => this.live.topicName(id));
		// Only a list the model has read counts as loaded; until then (starting, switching, signing in) it is loading.
		if (!snap.primed) this.post({ type: 'sessionsLoading' });
		else this.post({ type: 'sessionsLoaded', sessions: this.sessionsCache });
	}

	private async showPending(): Promise<void> {
		const p = this.pending;
		if (!p) return;
		this.pending = undefined;
		await this.select(p.sessionId);
		if (p.focusComposer) this.post({ type: 'focusComposer', sessionId: p.sessionId });
	}

	private disposeView(): void {
		for (const d of this.viewDisposables.splice(0)) d.dispose();
	}

	private post(message: HostMessage): void {
		void this.view?.webview.postMessage(message);
	}

	private onMessage(raw: unknown): void {
		const msg = parseWebviewMessage(raw);
		if (!msg) {
			this.deps.log.warn('chat view: ignored a malformed message from the webview');
			return;
		}
		void this.handle(msg).catch((err) => this.deps.log.failure('chat view', err));
	}

	private async handle(msg: WebviewMessage): Promise<void> {
		switch (msg.type) {
			case 'ready':
				this.deps.log.info(
					`chat view interactive in ${Math.round(performance.now() - this.resolvedAt)} ms (webview script ${Math.round(msg.interactiveMs)} ms)`,
				);
				await this.init();
				return;
			case 'selectSession':
				await this.select(msg.sessionId);
				return;
			case 'refresh':
				await this.refresh();
				return;
			case 'draftChanged':
				if (this.deps.connections.get(msg.connectionId)) await this.drafts.set(msg.connectionId, msg.sessionId, msg.draft, FROM_CHAT_VIEW);
				return;
			case 'send':
				await this.send(msg);
				return;
			case 'showLog':
				await vscode.commands.executeCommand(CommandId.showLog);
				return;
			case 'pickUp':
			case 'sessionAction':
				await runSessionAction(msg.type === 'pickUp' ? 'pickUp' : msg.action, this.connectionId, msg.sessionId);
				return;
			case 'focusChanged':
				await setContextKey(ContextKey.chatViewFocused, msg.focused);
				return;
			case 'webviewError':
				this.deps.log.error(`chat view (webview): ${msg.message}${msg.stack ? `\n${msg.stack}` : ''}`);
				return;
			default:
				await this.composer.handle(msg);
		}
	}

	private async init(): Promise<void> {
		const connection = this.deps.connections.active();
		if (connection?.id !== this.connectionId) {
			this.connectionId = connection?.id;
			this.selected = connection ? this.selection.get(connection.id) : undefined;
			this.sessionsCache = [];
			this.lastMessageId.clear();
		}
		if (connection && this.pending) {
			// Open straight on the session asked for (Reply), not first on the remembered one.
			this.selected = this.pending.sessionId;
			await this.selection.set(connection.id, this.selected);
		}
		this.ready = true;
		if (this.live.snapshot.connectionId === this.connectionId) {
			this.sessionsCache = liveSessionItems(this.live.snapshot.view.rows, (id) => this.live.topicName(id));
		}
		this.post({
			type: 'init',
			connection: connection ? { id: connection.id, name: connection.name, baseUrl: connection.baseUrl } : undefined,
			sessions: this.sessionsCache,
			selectedSessionId: this.selected,
			draft: connection && this.selected !== undefined ? this.drafts.get(connection.id, this.selected) : undefined,
		});
		this.updateOnScreen();
		if (!connection) return;
		if (this.pending) await this.showPending();
		this.postSessions();
		await this.refresh();
	}

	private onConnectionsChanged(): void {
		if (this.view && this.deps.connections.active()?.id !== this.connectionId) void this.init();
	}

	private errorInfo(err: unknown): ErrorInfo {
		return toErrorInfo(err, this.deps.connections.active()?.name);
	}

	private async select(sessionId: number): Promise<void> {
		const connection = this.deps.connections.active();
		if (!connection) return;
		this.selected = sessionId;
		this.updateOnScreen();
		await this.selection.set(connection.id, sessionId);
		const known = this.sessionsCache.find((s) => s.id === sessionId);
		this.postSelected(connection.id, sessionId, known);
		await Promise.all([this.loadMessages(sessionId, true), known ? undefined : this.loadSession(connection, sessionId)]);
	}

	private postSelected(connectionId: string, sessionId: number, session: SessionItem | undefined): void {
		this.post({ type: 'sessionSelected', sessionId, session, draft: this.drafts.get(connectionId, sessionId) ?? emptyDraft() });
	}

	/** A typed-in id that is not in the list: show who it is (or the error, e.g. not found). */
	private async loadSession(connection: Connection, sessionId: number): Promise<void> {
		const typed = await describeTypedSession(this.deps, connection, sessionId);
		if (!typed || this.selected !== sessionId) return;
		this.composer.typedSessionShown(connection.id, sessionId, typed);
		this.postSelected(connection.id, sessionId, typed.item);
	}

	private async loadMessages(sessionId: number, replace: boolean): Promise<void> {
		if (this.loadingMessages.has(sessionId)) return;
		this.loadingMessages.add(sessionId);
		try {
			const { client } = await this.deps.clients.forActive();
			const after = replace ? undefined : this.lastMessageId.get(sessionId);
			const messages = toConversation(await client.getMessages(sessionId, after));
			const last = messages.at(-1);
			if (last && last.id > (this.lastMessageId.get(sessionId) ?? 0)) this.lastMessageId.set(sessionId, last.id);
			if (replace || messages.length > 0) this.post({ type: 'messagesLoaded', sessionId, messages, replace });
		} catch (err) {
			this.deps.log.failure(`chat view: loading messages of session ${sessionId}`, err);
			this.post({ type: 'messagesFailed', sessionId, error: this.errorInfo(err) });
		} finally {
			this.loadingMessages.delete(sessionId);
		}
	}

	private async send(msg: Extract<WebviewMessage, { type: 'send' }>): Promise<void> {
		const lastKnown = this.lastMessageId.get(msg.sessionId);
		this.post(await sendFromView(this.deps, this.drafts, msg, this.selected, (e) => this.errorInfo(e), lastKnown));
		if (this.selected === msg.sessionId) await this.loadMessages(msg.sessionId, false);
	}
}
