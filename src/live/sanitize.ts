// Server data for the live model is checked and capped here, once, so the reducer can trust its input: a list
// that is not an array is refused; bad entries are skipped, huge lists and texts are cut, each with one reason.
import { CHAT_MESSAGE_TYPES, CHAT_SESSION_STATUSES, type ChatMessageType, type ChatSessionStatus } from '../shared/wireEnums';

/** More sessions than this in one list are ignored (open ones are kept first). */
export const MAX_LIVE_SESSIONS = 500;
/** More messages than this in one batch: only the newest are kept. */
export const MAX_LIVE_MESSAGES = 200;
/** Longer server text is cut before any other work, so a 1 MB field costs no more than a short one. */
export const MAX_RAW_TEXT = 4096;
/** What a snippet shows at most. */
export const SNIPPET_LENGTH = 100;

/** A chat session as the live model keeps it: only what it needs, in plain types. */
export interface LiveSession {
	id: number;
	status: ChatSessionStatus;
	customer?: string;
	topicId?: number;
	/** `User.AssociateId`: the agent the session is assigned to. */
	ownerId?: number;
	/** `TransferTo.AssociateId`: the agent a pending transfer is addressed to. */
	transferToId?: number;
	/** `LastMessage` as plain text (markup removed, whitespace collapsed, capped). */
	lastMessage: string;
	/** Server times in ms since the epoch. */
	whenIdle?: number;
	whenRequested?: number;
}

export interface LiveMessage {
	id: number;
	type: ChatMessageType;
	/** Plain text, capped. */
	text: string;
	/** `WhenPosted` in ms since the epoch. */
	at?: number;
}

export type Sanitized<T> = { ok: true; items: T[]; problem?: string } | { ok: false; problem: string };

const OPEN: readonly string[] = ['InQueue', 'CustomerLast', 'UserLast'];
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function isRecord(v: unknown): v is Record<string, unknown> {
	return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isId(v: unknown): v is number {
	return typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
}

function timeOf(v: unknown): number | undefined {
	if (typeof v !== 'string') return undefined;
	const t = Date.parse(v);
	return Number.isFinite(t) ? t : undefined;
}

/** Markup and entities out, whitespace collapsed, control characters gone; the raw text is capped first. */
export function plainText(raw: unknown, max = MAX_RAW_TEXT): string {
	if (typeof raw !== 'string' || raw === '') return '';
	const text = raw
		.slice(0, MAX_RAW_TEXT)
		.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
		.replace(/<br\s*\/?>|<\/(p|div|li)>/gi, ' ')
		.replace(/<\/?[a-z!?/][^>]*(>|$)/gi, '')
		.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (m, e: string) => {
			const lower = e.toLowerCase();
			if (lower in ENTITIES) return ENTITIES[lower];
			const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? Number(lower.slice(1)) : NaN;
			return Number.isInteger(code) && code > 31 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
		})
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return truncate(text, max);
}

/** Cuts at `max` characters with an ellipsis, never inside a surrogate pair. */
export function truncate(text: string, max = SNIPPET_LENGTH): string {
	if (text.length <= max) return text;
	let cut = max - 1;
	const code = text.charCodeAt(cut - 1);
	if (code >= 0xd800 && code <= 0xdbff) cut--;
	return `${text.slice(0, cut).trimEnd()}…`;
}

function reason(parts: string[]): string | undefined {
	return parts.length === 0 ? undefined : parts.join('; ');
}

/** `GET .../ChatSession/ForCurrentUser` → live sessions. Refuses anything but an array. */
export function sanitizeSessions(raw: unknown): Sanitized<LiveSession> {
	if (!Array.isArray(raw)) return { ok: false, problem: `the session list is not an array (got ${raw === null ? 'null' : typeof raw})` };
	let noId = 0;
	let duplicate = 0;
	let longText = 0;
	const seen = new Set<number>();
	const open: LiveSession[] = [];
	const rest: LiveSession[] = [];
	for (const e of raw) {
		if (!isRecord(e) || !isId(e.ChatSessionId)) {
			noId++;
			continue;
		}
		if (seen.has(e.ChatSessionId)) {
			duplicate++;
			continue;
		}
		seen.add(e.ChatSessionId);
		if (typeof e.LastMessage === 'string' && e.LastMessage.length > MAX_RAW_TEXT) longText++;
		const s: LiveSession = {
			id: e.ChatSessionId,
			status: (CHAT_SESSION_STATUSES as readonly unknown[]).includes(e.Status) ? (e.Status as ChatSessionStatus) : 'Invalid',
			lastMessage: plainText(e.LastMessage),
		};
		const customer = [e.CustomerName, e.CustomerAlias, e.CustomerEmail].find((v) => typeof v === 'string' && v.trim() !== '');
		if (typeof customer === 'string') s.customer = truncate(plainText(customer, 200), 80);
		if (isId(e.TopicId)) s.topicId = e.TopicId;
		if (isRecord(e.User) && isId(e.User.AssociateId)) s.ownerId = e.User.AssociateId;
		if (isRecord(e.TransferTo) && isId(e.TransferTo.AssociateId)) s.transferToId = e.TransferTo.AssociateId;
		const idle = timeOf(e.WhenIdle);
		if (idle !== undefined) s.whenIdle = idle;
		const requested = timeOf(e.WhenRequested);
		if (requested !== undefined) s.whenRequested = requested;
		(OPEN.includes(s.status) ? open : rest).push(s);
	}
	const all = open.concat(rest);
	const parts: string[] = [];
	if (noId > 0) parts.push(`${noId} session${noId === 1 ? '' : 's'} without an id skipped`);
	if (duplicate > 0) parts.push(`${duplicate} duplicate session${duplicate === 1 ? '' : 's'} skipped`);
	if (all.length > MAX_LIVE_SESSIONS) {
		parts.push(`${all.length - MAX_LIVE_SESSIONS} of ${all.length} sessions beyond ${MAX_LIVE_SESSIONS} ignored`);
	}
	if (longText > 0) parts.push(`${longText} LastMessage over ${MAX_RAW_TEXT} characters cut`);
	const problem = reason(parts);
	const items = all.length > MAX_LIVE_SESSIONS ? all.slice(0, MAX_LIVE_SESSIONS) : all;
	return problem === undefined ? { ok: true, items } : { ok: true, items, problem };
}

/** `GET .../Messages?after=` → live messages in id order (the newest MAX_LIVE_MESSAGES). Refuses anything but an array. */
export function sanitizeMessages(raw: unknown): Sanitized<LiveMessage> {
	if (!Array.isArray(raw)) return { ok: false, problem: `the message list is not an array (got ${raw === null ? 'null' : typeof raw})` };
	let noId = 0;
	let longText = 0;
	const items: LiveMessage[] = [];
	for (const e of raw) {
		if (!isRecord(e) || !isId(e.ChatMessageId)) {
			noId++;
			continue;
		}
		if (typeof e.Message === 'string' && e.Message.length > MAX_RAW_TEXT) longText++;
		const type = (CHAT_MESSAGE_TYPES as readonly unknown[]).includes(e.Type) ? (e.Type as ChatMessageType) : 'Invalid';
		const m: LiveMessage = { id: e.ChatMessageId, type, text: plainText(e.Message) };
		const at = timeOf(e.WhenPosted);
		if (at !== undefined) m.at = at;
		items.push(m);
	}
	items.sort((a, b) => a.id - b.id);
	const parts: string[] = [];
	if (noId > 0) parts.push(`${noId} message${noId === 1 ? '' : 's'} without an id skipped`);
	if (items.length > MAX_LIVE_MESSAGES) {
		parts.push(`${items.length - MAX_LIVE_MESSAGES} older messages beyond ${MAX_LIVE_MESSAGES} ignored`);
	}
	if (longText > 0) parts.push(`${longText} message${longText === 1 ? '' : 's'} over ${MAX_RAW_TEXT} characters cut`);
	const kept = items.length > MAX_LIVE_MESSAGES ? items.slice(items.length - MAX_LIVE_MESSAGES) : items;
	const problem = reason(parts);
	return problem === undefined ? { ok: true, items: kept } : { ok: true, items: kept, problem };
}
