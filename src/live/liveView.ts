// What the badge, the status bar and the chat view show, derived from the live state and the context:
// needs-you first, then the queue (both oldest waiting first), then the rest (latest activity first).
import {
	type LiveContext,
	type LiveState,
	type TrackedSession,
	isIncoming,
	isOthers,
	isSeen,
	isWatched,
	latestCustomer,
} from './liveModel';
import { SNIPPET_LENGTH, truncate } from './sanitize';
import { type ChatSessionStatus } from '../api/types';

export interface LiveRow {
	id: number;
	status: ChatSessionStatus;
	customer?: string;
	topicId?: number;
	/** The customer wrote last and the agent has not seen it (and the session is not someone else's). */
	needsYou: boolean;
	inQueue: boolean;
	/** Customer messages after the last agent message that the agent has not seen (at least 1 when waiting unseen). */
	unread: number;
	/** The last message as plain text, cut to SNIPPET_LENGTH. */
	snippet: string;
	/** Server time (ms) since when the customer waits; for the rest, the last activity. */
	since?: number;
	/** Assigned to another agent (only known when the context names `me`). */
	others: boolean;
	/**
	 * A pending transfer: `incoming` is addressed to the agent (Accept / Reject); `pending` is the agent's own chat
	 * offered to a colleague (or any, while `me` is unknown). Transfers between two colleagues are not shown.
	 */
	transfer?: 'incoming' | 'pending';
}

export interface LiveView {
	rows: LiveRow[];
	/** Sessions waiting for the agent: needs-you, in-queue and incoming transfers. What WebviewView.badge shows. */
	badge: number;
	needsYou: number;
	inQueue: number;
	/** Transfers addressed to the agent, waiting for Accept or Reject. */
	incoming: number;
	/** Unread customer messages over all sessions. */
	unread: number;
}

const HIDDEN: readonly ChatSessionStatus[] = ['Deleted', 'Invalid'];

export function rowOf(t: TrackedSession, ctx: LiveContext): LiveRow {
	const s = t.session;
	const mark = ctx.seen(s.id);
	const watched = isWatched(s.id, ctx);
	const others = isOthers(t, ctx);
	const latest = latestCustomer(t);
	const waiting = (s.status === 'CustomerLast' || s.status === 'InQueue') && !watched && latest !== undefined && !isSeen(mark, latest);
	const counted = watched ? 0 : t.customer.reduce((n, p) => (isSeen(mark, p) ? n : n + 1), 0);
	const unread = Math.max(counted, waiting ? 1 : 0);
	const needsYou = s.status === 'CustomerLast' && waiting && !others;
	const inQueue = s.status === 'InQueue';
	const firstUnseen = t.customer.find((p) => !isSeen(mark, p));
	const since = needsYou ? (firstUnseen?.at ?? s.whenIdle) : inQueue ? (s.whenRequested ?? s.whenIdle) : s.whenIdle;
	const row: LiveRow = { id: s.id, status: s.status, needsYou, inQueue, unread, snippet: truncate(s.lastMessage, SNIPPET_LENGTH), others };
	if (isIncoming(t, ctx)) row.transfer = 'incoming';
	else if (s.transferToId !== undefined && !others) row.transfer = 'pending';
	if (s.customer !== undefined) row.customer = s.customer;
	if (s.topicId !== undefined) row.topicId = s.topicId;
	if (since !== undefined) row.since = since;
	return row;
}

function group(r: LiveRow): number {
	return r.needsYou || r.transfer === 'incoming' ? 0 : r.inQueue ? 1 : 2;
}

export function compareRows(a: LiveRow, b: LiveRow): number {
	const g = group(a) - group(b);
	if (g !== 0) return g;
	const sa = a.since ?? Infinity;
	const sb = b.since ?? Infinity;
	if (sa !== sb) {
		// Unknown times go last in every group.
		if (group(a) === 2) return sa === Infinity ? 1 : sb === Infinity ? -1 : sb - sa;
		return sa - sb;
	}
	return a.id - b.id;
}

export function liveView(state: LiveState, ctx: LiveContext): LiveView {
	const rows: LiveRow[] = [];
	let needsYou = 0;
	let inQueue = 0;
	let incoming = 0;
	let unread = 0;
	for (const t of state.sessions.values()) {
		if (HIDDEN.includes(t.session.status)) continue;
		const r = rowOf(t, ctx);
		rows.push(r);
		if (r.needsYou) needsYou++;
		if (r.inQueue) inQueue++;
		if (r.transfer === 'incoming') incoming++;
		if (!r.others) unread += r.unread;
	}
	rows.sort(compareRows);
	return { rows, badge: needsYou + inQueue + incoming, needsYou, inQueue, incoming, unread };
}
