// The live sessions reducer: successive session lists and message batches in, per-session facts and the
// notifications to raise out. Pure and synchronous; what the agent has seen comes in through the context.
import { type LiveMessage, type LiveSession } from './sanitize';

export type NotificationMode = 'off' | 'queue' | 'all';

/** What the agent has seen in a session: the newest message id and its server time (ms). */
export interface SeenMark {
	messageId: number;
	at: number;
}

/** Inputs that are not server data: settings, focus, what is on screen, the seen store. Read at every action. */
export interface LiveContext {
	mode: NotificationMode;
	muted: boolean;
	/** The VS Code window has focus. */
	focused: boolean;
	/** The session the chat view shows (when the view is visible), if any. */
	onScreen?: number;
	seen: (sessionId: number) => SeenMark | undefined;
	/** The signed-in agent's AssociateId: sessions assigned to someone else never "need you". */
	me?: number;
	/** A customer message later than this after the last notification starts a new burst. Default 10 minutes. */
	burstGapMs?: number;
}

export const DEFAULT_BURST_GAP_MS = 10 * 60_000;
/** Unread customer messages remembered per session; the count saturates beyond it. */
export const MAX_TRACKED_UNREAD = 100;

export interface Point {
	/** 0 when unknown. */
	id: number;
	at?: number;
}

export interface TrackedSession {
	readonly session: LiveSession;
	/** Highest message id fetched; 0 = never fetched. */
	readonly maxMessageId: number;
	readonly lastAgentMessageId: number;
	/** Customer messages after the last agent message, oldest first (bounded). */
	readonly customer: readonly (Point & { text: string })[];
	/** Server time of the last activity known when the session was first listed; older messages are history. */
	readonly baselineAt: number;
	/** The message that raised the current burst's notification. */
	readonly burst?: Point & { agentId: number };
}

export interface LiveState {
	/** True once the first list went through: the start-up snapshot never raises notifications. */
	readonly primed: boolean;
	readonly sessions: ReadonlyMap<number, TrackedSession>;
}

export type LiveAction =
	{ type: 'sessions'; sessions: readonly LiveSession[] } | { type: 'messages'; sessionId: number; messages: readonly LiveMessage[] };

export interface LiveNotification {
	/** `transfer`: a colleague transfers the session to the agent. */
	kind: 'queue' | 'message' | 'transfer';
	sessionId: number;
	customer?: string;
	/** Plain text of the newest customer message (or the session's last message for a queue entry). */
	text: string;
}

export interface SeenUpdate {
	sessionId: number;
	mark: SeenMark;
}

export interface LiveStep {
	state: LiveState;
	notifications: LiveNotification[];
	/** Marks to write to the seen store (the session is on screen in a focused window). */
	seen: SeenUpdate[];
	/** Sessions whose status, LastMessage or WhenIdle changed, or that are new: their messages are worth fetching. */
	changed: number[];
}

export function emptyLive(): LiveState {
	return { primed: false, sessions: new Map() };
}

/** Is a message (id and/or server time) covered by the seen mark? */
export function isSeen(mark: SeenMark | undefined, p: Point): boolean {
	if (!mark) return false;
	return (p.id > 0 && p.id <= mark.messageId) || (p.at !== undefined && p.at <= mark.at);
}

/** The newest customer activity: the last tracked customer message, or the session's WhenIdle when newer. */
export function latestCustomer(t: TrackedSession): Point | undefined {
	const last = t.customer.at(-1);
	const idle = t.session.whenIdle;
	if (last && (idle === undefined || last.at === undefined || last.at >= idle)) return last;
	return idle === undefined ? last : { id: 0, at: idle };
}

export function isOthers(t: TrackedSession, ctx: LiveContext): boolean {
	return ctx.me !== undefined && t.session.ownerId !== undefined && t.session.ownerId !== ctx.me;
}

/** A transfer addressed to the agent (only known when the context names `me`). */
export function isIncoming(t: TrackedSession, ctx: LiveContext): boolean {
	return ctx.me !== undefined && t.session.transferToId === ctx.me;
}

/** In front of the agent right now: counts as seen, and never notifies. */
export function isWatched(sessionId: number, ctx: LiveContext): boolean {
	return ctx.focused && ctx.onScreen === sessionId;
}

/** The mark that says "everything known in this session is seen", for when the agent opens or reads it. */
export function seenMarkFor(state: LiveState, sessionId: number): SeenMark | undefined {
	const t = state.sessions.get(sessionId);
	if (!t) return undefined;
	const at = Math.max(t.session.whenIdle ?? 0, t.customer.at(-1)?.at ?? 0);
	if (t.maxMessageId === 0 && at === 0) return undefined;
	return { messageId: t.maxMessageId, at };
}

function changed(a: LiveSession, b: LiveSession): boolean {
	return a.status !== b.status || a.lastMessage !== b.lastMessage || a.whenIdle !== b.whenIdle;
}

function allows(ctx: LiveContext, kind: LiveNotification['kind']): boolean {
	if (ctx.muted || ctx.mode === 'off') return false;
	// A chat offered to the agent (the queue, a transfer) counts as new work; `queue` mode shows only those.
	return ctx.mode === 'all' || kind !== 'message';
}

/** Still inside the burst that already notified: no agent message, nothing seen since, and not too long ago. */
function inBurst(t: TrackedSession, p: Point, ctx: LiveContext): boolean {
	const b = t.burst;
	if (!b || b.agentId !== t.lastAgentMessageId || isSeen(ctx.seen(t.session.id), b)) return false;
	if (p.at === undefined || b.at === undefined) return true;
	return p.at - b.at < (ctx.burstGapMs ?? DEFAULT_BURST_GAP_MS);
}

function watchedSeen(state: LiveState, sessionId: number, ctx: LiveContext): SeenUpdate[] {
	if (!isWatched(sessionId, ctx)) return [];
	const mark = seenMarkFor(state, sessionId);
	const old = ctx.seen(sessionId);
	if (!mark || (old && mark.messageId <= old.messageId && mark.at <= old.at)) return [];
	return [{ sessionId, mark }];
}

function onSessions(state: LiveState, list: readonly LiveSession[], ctx: LiveContext): LiveStep {
	const next = new Map<number, TrackedSession>();
	const notifications: LiveNotification[] = [];
	const changedIds: number[] = [];
	for (const s of list) {
		const old = state.sessions.get(s.id);
		let t: TrackedSession = old
			? old.session === s
				? old
				: { ...old, session: s }
			: {
					session: s,
					maxMessageId: 0,
					lastAgentMessageId: 0,
					customer: [],
					baselineAt: state.primed ? -Infinity : (s.whenIdle ?? Infinity),
				};
		if (!old || changed(old.session, s)) changedIds.push(s.id);
		const entered = s.status === 'InQueue' && (!old || old.session.status !== 'InQueue');
		if (state.primed && entered) {
			const p: Point = { id: 0, at: s.whenIdle ?? s.whenRequested };
			const quiet = isSeen(ctx.seen(s.id), p) || isWatched(s.id, ctx) || inBurst(t, p, ctx);
			if (!quiet && allows(ctx, 'queue')) {
				notifications.push({ kind: 'queue', sessionId: s.id, ...(s.customer ? { customer: s.customer } : {}), text: s.lastMessage });
				t = { ...t, burst: { ...p, agentId: t.lastAgentMessageId } };
			}
		}
		// One toast per transfer: when it becomes addressed to the agent, not on every poll while it waits.
		if (state.primed && isIncoming(t, ctx) && old?.session.transferToId !== s.transferToId && allows(ctx, 'transfer')) {
			notifications.push({ kind: 'transfer', sessionId: s.id, ...(s.customer ? { customer: s.customer } : {}), text: s.lastMessage });
		}
		next.set(s.id, t);
	}
	// No seen marks here: the session on screen gets its messages next, and that batch marks it seen.
	return { state: { primed: true, sessions: next }, notifications, seen: [], changed: changedIds };
}

function onMessages(state: LiveState, sessionId: number, messages: readonly LiveMessage[], ctx: LiveContext): LiveStep {
	const old = state.sessions.get(sessionId);
	const none: LiveStep = { state, notifications: [], seen: [], changed: [] };
	if (!old || messages.length === 0) return none;
	let maxId = old.maxMessageId;
	let agentId = old.lastAgentMessageId;
	let customer = old.customer.slice();
	const fresh: (Point & { text: string })[] = [];
	for (const m of messages) {
		if (m.id <= old.maxMessageId) continue; // already counted (an overlapping batch)
		maxId = Math.max(maxId, m.id);
		if (m.type === 'ToCustomer') {
			// An agent answered: what the customer wrote before is no longer waiting.
			agentId = Math.max(agentId, m.id);
			customer = [];
			fresh.length = 0;
		} else if (m.type === 'ToUser') {
			const p = { id: m.id, text: m.text, ...(m.at !== undefined ? { at: m.at } : {}) };
			customer.push(p);
			const isNew = old.maxMessageId > 0 || (m.at !== undefined ? m.at > old.baselineAt : state.primed && old.baselineAt === -Infinity);
			if (isNew) fresh.push(p);
		}
	}
	const mark = ctx.seen(sessionId);
	// Seen messages no longer count; dropping them keeps a long chat's state small.
	customer = customer.filter((p) => !isSeen(mark, p));
	if (customer.length > MAX_TRACKED_UNREAD) customer = customer.slice(customer.length - MAX_TRACKED_UNREAD);
	let t: TrackedSession = { ...old, maxMessageId: maxId, lastAgentMessageId: agentId, customer };
	const notifications: LiveNotification[] = [];
	const unseen = fresh.filter((p) => !isSeen(mark, p));
	const newest = unseen.at(-1);
	if (state.primed && newest && !isWatched(sessionId, ctx) && !isOthers(t, ctx) && allows(ctx, 'message') && !inBurst(t, newest, ctx)) {
		const s = t.session;
		notifications.push({ kind: 'message', sessionId, ...(s.customer ? { customer: s.customer } : {}), text: newest.text });
		t = { ...t, burst: { id: newest.id, ...(newest.at !== undefined ? { at: newest.at } : {}), agentId } };
	}
	const sessions = new Map(state.sessions);
	sessions.set(sessionId, t);
	const nextState: LiveState = { primed: state.primed, sessions };
	return { state: nextState, notifications, seen: watchedSeen(nextState, sessionId, ctx), changed: [] };
}

export function reduceLive(state: LiveState, action: LiveAction, ctx: LiveContext): LiveStep {
	switch (action.type) {
		case 'sessions':
			return onSessions(state, action.sessions, ctx);
		case 'messages':
			return onMessages(state, action.sessionId, action.messages, ctx);
		default: {
			const never: never = action;
			throw new Error(`unknown live action ${JSON.stringify(never)}`);
		}
	}
}
