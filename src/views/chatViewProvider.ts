// The sidebar chat view. The host owns the truth (active connection, selected session, drafts in globalState);
// the webview renders and asks. A send carries the session the user saw and is refused if the host disagrees.
import * as vscode from 'vscode';
import { type ChatClient, isApiError } from '../api';
import { CommandId } from '../core/commandIds';
import { describeError } from '../errors/describeError';
import { type Services } from '../services/services';
import { pollIntervalSeconds, Setting } from '../core/config';
import { type Connection } from '../connections/connection';
import { type DraftStore } from '../shared/draftStore';
import {
	assertNever,
	type ConnectionInfo,
	emptyDraft,
	type ErrorInfo,
	type HostMessage,
	parseWebviewMessage,
	type SessionItem,
	type WebviewMessage,
} from '../shared/protocol';
import { Disposable } from '../util/disposable';
import { sendToSession } from '../sending/sendToSession';
import { statusLabel } from '../sessions/sessionDirectory';
import { buildWebviewHtml, localResourceRoots } from './webviewHtml';
import { webviewStrings } from './webviewStrings';
import { sessionItemFromEntity, toConversation, toMessageDraft, toSessionItem } from './viewModel';

export const CHAT_VIEW_ID = 'superofficeChat.chatView';
const SELECTION_KEY = 'superofficeChat.chatView.selection';

export class ChatViewProvider extends Disposable implements vscode.WebviewViewProvider {
	private view: vscode.WebviewView | undefined;
	private viewDisposables: vscode.Disposable[] = [];
	private readonly drafts: DraftStore;
	private resolvedAt = 0;
	private selected: number | undefined;
	private connectionId: string | undefined;
	private sessionsCache: SessionItem[] = [];
	private readonly lastMessageId = new Map<number, number>();
	private pollTimer: ReturnType<typeof setInterval> | undefined;
	private loadingMessages = new Set<number>();

	constructor(private readonly deps: Services) {
		super();
		this.drafts = deps.drafts;
		this._register(deps.connections.onDidChange(() => this.onConnectionsChanged()));
		this._register(deps.clients.onDidChange(() => this.refresh()));
		this._register(deps.settings.on([Setting.pollIntervalSeconds], () => this.restartPolling()));
	}

	resolveWebviewView(view: vscode.WebviewView): void {
		this.resolvedAt = performance.now();
		this.disposeView();
		this.view = view;
		view.webview.options = { enableScripts: true, localResourceRoots: localResourceRoots(this.deps.extensionUri) };
		view.webview.html = buildWebviewHtml({
			webview: view.webview,
			extensionUri: this.deps.extensionUri,
			title: vscode.l10n.t('SuperOffice Chat'),
			script: 'dist/webview.js',
			styles: ['dist/codicons/codicon.css', 'media/chatView.css'],
			lang: vscode.env.language,
			strings: webviewStrings(),
		});
		this.viewDisposables.push(
			view.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
			view.onDidChangeVisibility(() => {
				// shown again: the webview reloads its document (no retainContextWhenHidden) and says ready anew
				if (view.visible) this.resolvedAt = performance.now();
				if (view.visible) this.restartPolling();
				else this.stopPolling();
			}),
			view.onDidDispose(() => {
				this.stopPolling();
				this.disposeView();
				this.view = undefined;
			}),
		);
	}

	/** `superofficeChat.refreshView`: sessions and the conversation again. */
	async refresh(): Promise<void> {
		if (!this.view) return;
		await Promise.all([this.loadSessions(), this.selected !== undefined ? this.loadMessages(this.selected, true) : undefined]);
	}

	override dispose(): void {
		this.stopPolling();
		this.disposeView();
		super.dispose();
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
				if (this.deps.connections.get(msg.connectionId)) await this.drafts.set(msg.connectionId, msg.sessionId, msg.draft);
				return;
			case 'send':
				await this.send(msg);
				return;
			case 'showLog':
				await vscode.commands.executeCommand(CommandId.showLog);
				return;
			case 'webviewError':
				this.deps.log.error(`chat view (webview): ${msg.message}${msg.stack ? `\n${msg.stack}` : ''}`);
				return;
			default:
				assertNever(msg);
		}
	}

	private connectionInfo(c: Connection): ConnectionInfo {
		return { id: c.id, name: c.name, baseUrl: c.baseUrl };
	}

	private rememberedSelection(connectionId: string): number | undefined {
		const map = this.deps.globalState.get<Record<string, unknown>>(SELECTION_KEY) ?? {};
		const v = map[connectionId];
		return typeof v === 'number' ? v : undefined;
	}

	private async remember(connectionId: string, sessionId: number): Promise<void> {
		const map = { ...(this.deps.globalState.get<Record<string, unknown>>(SELECTION_KEY) ?? {}), [connectionId]: sessionId };
		await this.deps.globalState.update(SELECTION_KEY, map);
	}

	private async init(): Promise<void> {
		const connection = this.deps.connections.active();
		if (connection?.id !== this.connectionId) {
			this.connectionId = connection?.id;
			this.selected = connection ? this.rememberedSelection(connection.id) : undefined;
			this.sessionsCache = [];
			this.lastMessageId.clear();
		}
		this.post({
			type: 'init',
			connection: connection ? this.connectionInfo(connection) : undefined,
			sessions: this.sessionsCache,
			selectedSessionId: this.selected,
			draft: connection && this.selected !== undefined ? this.drafts.get(connection.id, this.selected) : undefined,
		});
		if (!connection) return;
		this.restartPolling();
		await this.refresh();
	}

	private onConnectionsChanged(): void {
		if (this.view && this.deps.connections.active()?.id !== this.connectionId) void this.init();
	}

	private async client(): Promise<{ connection: Connection; client: ChatClient }> {
		return this.deps.clients.forActive();
	}

	private errorInfo(err: unknown): ErrorInfo {
		const described = describeError(err, { connectionName: this.deps.connections.active()?.name });
		const message = described?.message ?? vscode.l10n.t('Cancelled.');
		const info: ErrorInfo = { message, retryable: isApiError(err) ? err.retryable : false };
		if (isApiError(err) && err.field) info.field = err.field;
		return info;
	}

	private async loadSessions(): Promise<void> {
		this.post({ type: 'sessionsLoading' });
		try {
			const { connection, client } = await this.client();
			const sessions = (await this.deps.sessions.load(connection, client)).map(toSessionItem).map(withStatusText);
			this.sessionsCache = sessions;
			this.post({ type: 'sessionsLoaded', sessions });
		} catch (err) {
			this.deps.log.failure('chat view: loading sessions', err);
			this.post({ type: 'sessionsFailed', error: this.errorInfo(err) });
		}
	}

	private async select(sessionId: number): Promise<void> {
		const connection = this.deps.connections.active();
		if (!connection) return;
		this.selected = sessionId;
		await this.remember(connection.id, sessionId);
		const known = this.sessionsCache.find((s) => s.id === sessionId);
		this.post({ type: 'sessionSelected', sessionId, session: known, draft: this.drafts.get(connection.id, sessionId) ?? emptyDraft() });
		await Promise.all([this.loadMessages(sessionId, true), known ? undefined : this.loadSession(connection, sessionId)]);
	}

	/** A typed-in id that is not in the list: show who it is (or the error, e.g. not found). */
	private async loadSession(connection: Connection, sessionId: number): Promise<void> {
		try {
			const client = await this.deps.clients.forConnection(connection);
			const session = withStatusText(sessionItemFromEntity(await client.getSession(sessionId)));
			if (this.selected === sessionId) {
				this.post({ type: 'sessionSelected', sessionId, session, draft: this.drafts.get(connection.id, sessionId) ?? emptyDraft() });
			}
		} catch (err) {
			this.deps.log.failure(`chat view: loading session ${sessionId}`, err);
		}
	}

	private async loadMessages(sessionId: number, replace: boolean): Promise<void> {
		if (this.loadingMessages.has(sessionId)) return;
		this.loadingMessages.add(sessionId);
		try {
			const { client } = await this.client();
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
		const fail = (error: ErrorInfo) => this.post({ type: 'sendFailed', requestId: msg.requestId, sessionId: msg.sessionId, error });
		const connection = this.deps.connections.active();
		// the target shown is the target sent to: a stale view is refused, never redirected
		if (!connection || connection.id !== msg.connectionId || this.selected !== msg.sessionId) {
			fail({ message: vscode.l10n.t('The recipient changed. Check the session and send again.'), retryable: true });
			return;
		}
		try {
			const posted = await sendToSession(this.deps, {
				connection,
				sessionId: msg.sessionId,
				message: toMessageDraft(msg.draft),
				source: 'chat view',
				announce: false,
				lastKnownMessageId: this.lastMessageId.get(msg.sessionId),
			});
			await this.drafts.clear(connection.id, msg.sessionId);
			const messageId = posted.ChatMessageId ?? 0;
			this.post({ type: 'sendSucceeded', requestId: msg.requestId, sessionId: msg.sessionId, messageId, whenPosted: posted.WhenPosted });
		} catch (err) {
			this.deps.log.failure(`chat view: sending to session ${msg.sessionId}`, err);
			fail(this.errorInfo(err));
		}
		if (this.selected === msg.sessionId) await this.loadMessages(msg.sessionId, false);
	}

	private restartPolling(): void {
		this.stopPolling();
		const seconds = pollIntervalSeconds();
		if (!this.view?.visible || seconds <= 0) return;
		this.pollTimer = setInterval(() => {
			if (this.selected !== undefined && this.view?.visible) void this.loadMessages(this.selected, false);
		}, seconds * 1000);
	}

	private stopPolling(): void {
		if (this.pollTimer !== undefined) clearInterval(this.pollTimer);
		this.pollTimer = undefined;
	}
}

function withStatusText(s: SessionItem): SessionItem {
	const text = statusLabel(s.status);
	return text ? { ...s, statusText: text } : s;
}
