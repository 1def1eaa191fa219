// The one host-side model of the active connection's live sessions: a LivePoller (src/live) that the chat view, the
// badge, the status bar and the notifications all read. No request before start() (called once the workbench has
// settled), none while signed out, and after refused credentials none until they change.
import * as vscode from 'vscode';
import { type ChatClient, type ChatMessage, isApiError, type RequestOptions } from '../api';
import { type Connection } from '../connections/connection';
import { notificationMode, pollIntervalSeconds, Setting } from '../core/config';
import {
	emptyLive,
	type LiveClient,
	type LiveContext,
	type LiveNotification,
	LivePoller,
	type LiveView,
	liveView,
	type PollResult,
	seenMarkFor,
	SeenStore,
} from '../live';
import { type Services } from '../services/services';
import { Disposable } from '../util/disposable';
import { isCancellation, isErrorNamed, SignInRequiredError } from '../util/errors';
import { MutedSessions } from './mutedSessions';

export type LiveStatus = 'idle' | 'signedOut' | 'running' | 'authPaused' | 'failing';

export interface LiveSnapshot {
	connectionId?: string;
	status: LiveStatus;
	/** True once the first session list arrived for this connection. */
	primed: boolean;
	view: LiveView;
	/** The failure that stopped or slowed polling, if any. */
	error?: unknown;
}

export interface LiveMessages {
	connectionId: string;
	sessionId: number;
	messages: readonly ChatMessage[];
}

export interface LiveAlert extends LiveNotification {
	connectionId: string;
}

export class LiveSessions extends Disposable {
	private poller: LivePoller | undefined;
	private connection: Connection | undefined;
	private status: LiveStatus = 'idle';
	private error: unknown;
	private started = false;
	private viewerShown = false;
	/** The rebuild under way (or the last one), so an on-demand refresh can wait for the poller it makes. */
	private rebuilding: Promise<void> = Promise.resolve();
	private onScreen: number | undefined;
	private lastProblem: string | undefined;
	private topics = new Map<number, string>();
	private topicsFor: string | undefined;
	/** The agent's AssociateId per connection (null: the server did not say), asked once until the credentials change. */
	private readonly me = new Map<string, number | null>();
	private readonly seen: SeenStore;
	readonly muted: MutedSessions;
	private readonly _onDidChange = this._register(new vscode.EventEmitter<LiveSnapshot>());
	/** The view changed: new data, something read, a status change. */
	readonly onDidChange = this._onDidChange.event;
	private readonly _onDidReceiveMessages = this._register(new vscode.EventEmitter<LiveMessages>());
	/** Every message batch the poller fetched, as the server sent it (the chat view shows the one on screen). */
	readonly onDidReceiveMessages = this._onDidReceiveMessages.event;
	private readonly _onDidNotify = this._register(new vscode.EventEmitter<LiveAlert>());
	/** Something worth a toast (the reducer already applied the mode, mute, burst and on-screen rules). */
	readonly onDidNotify = this._onDidNotify.event;
	private readonly _onDidNeedSignIn = this._register(new vscode.EventEmitter<unknown>());
	/** The server refused the credentials while polling; polling waits for new ones. Fires once per refusal. */
	readonly onDidNeedSignIn = this._onDidNeedSignIn.event;

	constructor(private readonly deps: Services) {
		super();
		this.seen = new SeenStore(deps.globalState);
		this.muted = new MutedSessions(deps.globalState);
		this._register(deps.connections.onDidChange(() => this.onConnectionsChanged()));
		this._register(deps.secrets.onDidChange((id) => this.onSecretChanged(id)));
		this._register(deps.settings.on([Setting.pollIntervalSeconds], () => this.restart()));
		this._register(deps.settings.on([Setting.notifications], () => this.emit()));
		this._register(
			vscode.window.onDidChangeWindowState((s) => {
				if (s.focused && this.onScreen !== undefined) void this.markSeen(this.onScreen);
				else this.emit();
			}),
		);
		this._register({ dispose: () => this.poller?.dispose() });
	}

	/** Begins watching the active connection. Call once the workbench has settled, never from activate() itself. */
	start(): void {
		if (this.started || this.isDisposed) return;
		this.started = true;
		this.restart();
	}

	get snapshot(): LiveSnapshot {
		const view = this.poller ? this.poller.view() : liveView(emptyLive(), this.context());
		const s: LiveSnapshot = { status: this.status, primed: this.poller?.state.primed ?? false, view };
		if (this.connection) s.connectionId = this.connection.id;
		if (this.error !== undefined) s.error = this.error;
		return s;
	}

	topicName(topicId: number | undefined): string | undefined {
		return topicId === undefined ? undefined : this.topics.get(topicId);
	}

	/** Whether a chat view is on screen: with background polling off, it still gets a list after a sign-in or switch. */
	setViewerShown(shown: boolean): void {
		this.viewerShown = shown;
	}

	/** The session the chat view shows while visible (undefined when hidden). Shown in a focused window = read. */
	setOnScreen(connectionId: string | undefined, sessionId: number | undefined): void {
		const id = connectionId !== undefined && connectionId === this.connection?.id ? sessionId : undefined;
		if (id === this.onScreen) return;
		this.onScreen = id;
		if (id !== undefined && vscode.window.state.focused) void this.markSeen(id);
		else this.emit();
	}

	/** Everything known in the session counts as read (the agent opened it). */
	async markSeen(sessionId: number): Promise<void> {
		const c = this.connection;
		const mark = this.poller ? seenMarkFor(this.poller.state, sessionId) : undefined;
		if (c && mark) await this.seen.markSeen(c.id, sessionId, mark);
		this.emit();
	}

	async mute(sessionId: number): Promise<void> {
		if (this.connection) await this.muted.mute(this.connection.id, sessionId);
	}

	/** A poll now (Refresh, or background polling is off); resolves when it is done. */
	async refreshNow(): Promise<void> {
		if (!this.started) this.start();
		await this.rebuilding;
		if (this.status === 'signedOut') {
			this.restart();
			await this.rebuilding;
		}
		await this.poller?.refreshNow();
	}

	private restart(): void {
		this.rebuilding = this.rebuild().catch((e: unknown) => this.deps.log.failure('live sessions', e));
	}

	private context(): LiveContext {
		const id = this.connection?.id ?? '';
		const ctx: LiveContext = {
			mode: notificationMode(),
			muted: false,
			focused: vscode.window.state.focused,
			seen: this.seen.lookup(id),
		};
		if (this.onScreen !== undefined) ctx.onScreen = this.onScreen;
		const me = this.me.get(id);
		if (typeof me === 'number') ctx.me = me;
		return ctx;
	}

	private onConnectionsChanged(): void {
		if (this.started && this.deps.connections.active()?.id !== this.connection?.id) this.restart();
	}

	private onSecretChanged(connectionId: string): void {
		if (!this.started || connectionId !== this.deps.connections.active()?.id) return;
		// New credentials (a sign-in) or none (a sign-out): start over either way; they may belong to someone else.
		this.me.delete(connectionId);
		this.restart();
	}

	/** A fresh poller for the active connection, when it is signed in. */
	private async rebuild(): Promise<void> {
		if (!this.started || this.isDisposed) return;
		this.poller?.dispose();
		this.poller = undefined;
		this.error = undefined;
		this.lastProblem = undefined;
		const c = this.deps.connections.active();
		if (c?.id !== this.connection?.id) this.onScreen = undefined;
		this.connection = c;
		if (!c) return this.setStatus('idle');
		if (!(await this.deps.secrets.has(c.id))) {
			this.error = new SignInRequiredError(c.id, c.name);
			return this.setStatus('signedOut');
		}
		if (this.isDisposed || this.deps.connections.active()?.id !== c.id || this.poller) return;
		const seconds = pollIntervalSeconds();
		const poller = new LivePoller({
			client: this.clientFor(c),
			context: () => this.context(),
			intervalMs: Math.round(seconds * 1000),
			onStep: (r) => this.onStep(poller, c, r),
		});
		this.poller = poller;
		this.setStatus('running');
		this.deps.log.debug(`live sessions: watching ${c.name}${seconds > 0 ? ` every ${seconds} s` : ' on demand only'}`);
		// With 0 nothing runs in the background: only a chat view on screen gets its list (and asks on Refresh).
		if (seconds > 0) poller.start();
		else if (this.viewerShown) await poller.refreshNow();
	}

	/** The poller's view of the API: a client built per request (credentials may change) that shares what it read. */
	private clientFor(c: Connection): LiveClient {
		return {
			listSessions: async (o) => {
				const client = await this.deps.clients.forConnection(c);
				if (!this.me.has(c.id)) this.me.set(c.id, await this.whoAmI(c, client, o));
				if (this.topicsFor !== c.id) {
					this.topicsFor = c.id;
					// Topic names only decorate the rows: a failure here must not stop polling. Asked for together with
					// the sessions (one round trip, not two, before the first list).
					const sessions = client.listSessions(o);
					sessions.catch(() => undefined); // handled by the caller below; not "unhandled" while topics load
					const topics = await client.listTopics(o).catch(() => []);
					this.topics = new Map(topics.filter((t) => t.Name).map((t) => [t.ChatTopicId, t.Name as string]));
					return sessions;
				}
				return client.listSessions(o);
			},
			getMessages: async (sessionId, after, o) => {
				const messages = await (await this.deps.clients.forConnection(c)).getMessages(sessionId, after, o);
				this._onDidReceiveMessages.fire({ connectionId: c.id, sessionId, messages });
				return messages;
			},
		};
	}

	/** Who the agent is, so chats assigned to a colleague never count as needing a reply. Null when unknown. */
	private async whoAmI(c: Connection, client: ChatClient, o: RequestOptions | undefined): Promise<number | null> {
		try {
			return (await this.deps.principals.associateId(c.id, client, o)) ?? null;
		} catch (err) {
			// Refused credentials pause polling as the list would; a cancelled ask is asked again next time.
			if (isCancellation(err) || (isApiError(err) && (err.kind === 'cancelled' || err.kind === 'unauthorized'))) throw err;
			this.deps.log.debug(`live sessions (${c.name}): could not tell who is signed in; every chat counts as yours`);
			return null;
		}
	}

	private onStep(poller: LivePoller, c: Connection, r: PollResult): void {
		if (poller !== this.poller) return;
		const log = this.deps.log;
		for (const u of r.seen) void this.seen.markSeen(c.id, u.sessionId, u.mark);
		if (r.problem && r.problem !== this.lastProblem) log.warn(`live sessions (${c.name}): ${r.problem}`);
		else if (r.problem) log.debug(`live sessions (${c.name}): ${r.problem}`);
		this.lastProblem = r.problem;
		if (r.ok) {
			if (this.status === 'failing') log.info(`live sessions (${c.name}): polling works again`);
			this.error = undefined;
			this.setStatus('running', false);
		} else if (r.error !== undefined && !isCancellation(r.error)) {
			this.onFailure(poller, c, r);
		}
		for (const n of r.notifications) {
			if (!this.muted.has(c.id, n.sessionId)) this._onDidNotify.fire({ ...n, connectionId: c.id });
		}
		this.emit();
	}

	private onFailure(poller: LivePoller, c: Connection, r: PollResult): void {
		const log = this.deps.log;
		const first = this.status !== 'failing';
		this.error = r.error;
		if (isErrorNamed(r.error, SignInRequiredError, 'SignInRequiredError')) {
			poller.stop();
			this.setStatus('signedOut', false);
		} else if (poller.status === 'authPaused') {
			log.failure(`live sessions (${c.name}): polling paused until you sign in again`, r.error);
			this.setStatus('authPaused', false);
			this._onDidNeedSignIn.fire(r.error);
		} else {
			// One visible error (the status bar), one log line at error level per streak; the retries go to debug.
			const next = r.nextInMs !== undefined ? `; next try in ${Math.round(r.nextInMs / 1000)} s` : '';
			if (first) log.failure(`live sessions (${c.name}): polling failed${next}`, r.error);
			else log.debug(`live sessions (${c.name}): still failing${next}`);
			this.setStatus('failing', false);
		}
	}

	private setStatus(status: LiveStatus, emit = true): void {
		this.status = status;
		if (emit) this.emit();
	}

	private emit(): void {
		if (!this.isDisposed) this._onDidChange.fire(this.snapshot);
	}
}
