// One poller per connection. A step is one ForCurrentUser request, then Messages?after= only for sessions that
// changed (status, LastMessage, WhenIdle) or are on screen. Timers are injected, so tests step it by hand.
import { type RequestOptions, isApiError } from '../api';
import { type LiveContext, type LiveNotification, type LiveState, type SeenUpdate, emptyLive, reduceLive } from './liveModel';
import { type LiveView, liveView } from './liveView';
import { type BackoffOptions, PollSchedule } from './pollSchedule';
import { type LiveMessage, sanitizeMessages, sanitizeSessions } from './sanitize';

/** What the poller needs from the API; ChatClient fits as it is. */
export interface LiveClient {
	/** GET /api/v1/ChatSession/ForCurrentUser */
	listSessions(o?: RequestOptions): Promise<unknown>;
	/** GET /api/v1/ChatSession/{id}/Messages?after= */
	getMessages(sessionId: number, after?: number, o?: RequestOptions): Promise<unknown>;
}

export interface LiveTimers {
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

export interface LivePollerOptions {
	client: LiveClient;
	/** Read afresh for every reduction (focus, on screen, mode, mute, seen store). */
	context: () => LiveContext;
	/** Normal delay between steps; 0 = only when asked (refreshNow). */
	intervalMs: number;
	timers?: LiveTimers;
	backoff?: BackoffOptions;
	/** Messages requests per step at most; the rest wait for the next step. Default 5. */
	maxMessageRequests?: number;
	onStep?: (result: PollResult) => void;
	/** Every message batch, for a chat view that shows the conversation on screen. */
	onMessages?: (sessionId: number, messages: readonly LiveMessage[]) => void;
}

export type PollerStatus = 'stopped' | 'running' | 'authPaused';

export interface PollResult {
	ok: boolean;
	requests: { list: number; messages: number };
	notifications: LiveNotification[];
	/** Marks to write to the seen store. */
	seen: SeenUpdate[];
	view: LiveView;
	/** One line for the log (data that was refused or cut, failed requests); never server text or secrets. */
	problem?: string;
	error?: unknown;
	/** When the next automatic step runs; undefined when none is scheduled. */
	nextInMs?: number;
}

const WORTH_FETCHING = new Set(['InQueue', 'CustomerLast', 'UserLast']);

function describe(e: unknown): string {
	return isApiError(e) ? e.message : e instanceof Error ? e.name : 'unexpected failure';
}

function isAuthFailure(e: unknown): boolean {
	return isApiError(e) && (e.kind === 'unauthorized' || e.kind === 'forbidden');
}

class RefusedData extends Error {}

export class LivePoller {
	private model: LiveState = emptyLive();
	private readonly schedule: PollSchedule;
	private readonly timers: LiveTimers;
	private readonly dirty = new Set<number>();
	private timer: unknown;
	private inflight: Promise<PollResult> | undefined;
	private abort: AbortController | undefined;
	private _status: PollerStatus = 'stopped';

	constructor(private readonly o: LivePollerOptions) {
		this.schedule = new PollSchedule(o.intervalMs, o.backoff);
		this.timers = o.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
	}

	get state(): LiveState {
		return this.model;
	}

	get status(): PollerStatus {
		return this._status;
	}

	/** The view for the current state and context, without a request (e.g. after the agent read a session). */
	view(): LiveView {
		return liveView(this.model, this.o.context());
	}

	/** Polls now, then on the schedule. */
	start(): void {
		if (this._status !== 'stopped') return;
		this._status = 'running';
		void this.step();
	}

	/** No more steps; a step in flight is cancelled. */
	stop(): void {
		this._status = 'stopped';
		this.clearTimer();
		this.abort?.abort();
	}

	/** After an auth failure: the user signed in again. */
	resume(): void {
		if (this._status !== 'authPaused') return;
		this.schedule.resume();
		this._status = 'running';
		void this.step();
	}

	/** A step now (Refresh); not while paused for auth. */
	refreshNow(): Promise<PollResult> | undefined {
		if (this._status === 'authPaused') return undefined;
		this.clearTimer();
		return this.step();
	}

	dispose(): void {
		this.stop();
	}

	/** One poll step; concurrent calls share the step in flight. */
	step(): Promise<PollResult> {
		this.inflight ??= this.run().finally(() => (this.inflight = undefined));
		return this.inflight;
	}

	private async run(): Promise<PollResult> {
		const abort = new AbortController();
		this.abort = abort;
		const o = { signal: abort.signal };
		const requests = { list: 0, messages: 0 };
		const notifications: LiveNotification[] = [];
		const seen: SeenUpdate[] = [];
		const problems: string[] = [];
		let ok = false;
		let error: unknown;
		let nextInMs: number | undefined;
		try {
			requests.list++;
			const listed = sanitizeSessions(await this.o.client.listSessions(o));
			if (!listed.ok) throw new RefusedData(listed.problem);
			if (listed.problem) problems.push(listed.problem);
			const step = reduceLive(this.model, { type: 'sessions', sessions: listed.items }, this.o.context());
			this.model = step.state;
			notifications.push(...step.notifications);
			seen.push(...step.seen);
			for (const id of step.changed) this.dirty.add(id);
			for (const id of this.targets()) {
				if (abort.signal.aborted) break;
				requests.messages++;
				await this.fetchMessages(id, o, notifications, seen, problems);
			}
			ok = true;
			nextInMs = this.schedule.succeeded();
		} catch (e) {
			error = e;
			if (e instanceof RefusedData) problems.push(e.message);
			else problems.push(`chat sessions: ${describe(e)}`);
			if (abort.signal.aborted) nextInMs = undefined;
			else if (isAuthFailure(e)) {
				this.schedule.authFailed();
				if (this._status === 'running') this._status = 'authPaused';
			} else nextInMs = this.schedule.failed(isApiError(e) ? e.retryAfterMs : undefined);
		} finally {
			if (this.abort === abort) this.abort = undefined;
		}
		if (this._status === 'running' && nextInMs !== undefined && this.o.intervalMs > 0) this.arm(nextInMs);
		else nextInMs = undefined;
		const result: PollResult = { ok, requests, notifications, seen, view: this.view(), ...(nextInMs !== undefined ? { nextInMs } : {}) };
		if (problems.length > 0) result.problem = problems.join('; ');
		if (error !== undefined) result.error = error;
		this.o.onStep?.(result);
		return result;
	}

	/** Changed sessions still worth a look (open ones), plus the one on screen; waiting ones first; capped. */
	private targets(): number[] {
		const ctx = this.o.context();
		for (const id of this.dirty) {
			const t = this.model.sessions.get(id);
			if (!t || !WORTH_FETCHING.has(t.session.status)) this.dirty.delete(id);
		}
		const rank = (id: number): number => {
			const s = this.model.sessions.get(id)?.session.status;
			return id === ctx.onScreen ? 0 : s === 'CustomerLast' ? 1 : s === 'InQueue' ? 2 : 3;
		};
		const ids = [...this.dirty];
		if (ctx.onScreen !== undefined && this.model.sessions.has(ctx.onScreen) && !this.dirty.has(ctx.onScreen)) ids.push(ctx.onScreen);
		return ids.sort((a, b) => rank(a) - rank(b) || a - b).slice(0, this.o.maxMessageRequests ?? 5);
	}

	private async fetchMessages(
		id: number,
		o: RequestOptions,
		notifications: LiveNotification[],
		seen: SeenUpdate[],
		problems: string[],
	): Promise<void> {
		const t = this.model.sessions.get(id);
		if (!t) return;
		const after = Math.max(t.maxMessageId, this.o.context().seen(id)?.messageId ?? 0);
		try {
			const got = sanitizeMessages(await this.o.client.getMessages(id, after > 0 ? after : undefined, o));
			// Refused data is not retried: the same answer would come back.
			this.dirty.delete(id);
			if (!got.ok) return void problems.push(`session ${id}: ${got.problem}`);
			if (got.problem) problems.push(`session ${id}: ${got.problem}`);
			const step = reduceLive(this.model, { type: 'messages', sessionId: id, messages: got.items }, this.o.context());
			this.model = step.state;
			notifications.push(...step.notifications);
			seen.push(...step.seen);
			if (got.items.length > 0) this.o.onMessages?.(id, got.items);
		} catch (e) {
			if (isAuthFailure(e) || (isApiError(e) && e.kind === 'cancelled')) throw e;
			// A session that is gone needs no retry; anything else is tried again next step.
			if (isApiError(e) && e.kind === 'notFound') this.dirty.delete(id);
			problems.push(`messages of session ${id}: ${describe(e)}`);
		}
	}

	private arm(ms: number): void {
		this.clearTimer();
		this.timer = this.timers.setTimeout(() => {
			this.timer = undefined;
			void this.step();
		}, ms);
	}

	private clearTimer(): void {
		if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
		this.timer = undefined;
	}
}
