// Messages that did not go out (notSent) or may have (unknownOutcome), kept until the user sends, checks or drops
// them. Stored in a key-value store the host provides (globalState): only the message and ids, never a credential.
import { CHAT_MESSAGE_SPECIAL_TYPES, CHAT_MESSAGE_TYPES, type ChatMessageSpecialType, type ChatMessageType } from './wireEnums';

/** The shape of VS Code's Memento, so globalState fits and tests can use a Map. */
export interface KeyValueStore {
	get(key: string): unknown;
	update(key: string, value: unknown): PromiseLike<void>;
}

export type OutboxReason = 'notSent' | 'unknownOutcome';

export interface OutboxItem {
	id: string;
	connectionId: string;
	sessionId: number;
	/** What the user recognises the session by, e.g. the customer's name. */
	customerLabel: string;
	text: string;
	type: ChatMessageType;
	specialType: ChatMessageSpecialType;
	specialParam?: string;
	author?: string;
	reason: OutboxReason;
	/** The newest message id seen before the send, for the read-back (unknownOutcome). */
	lastKnownMessageId?: number;
	/** Milliseconds since the epoch. */
	created: number;
}

export type NewOutboxItem = Omit<OutboxItem, 'id' | 'created'>;

export const OUTBOX_KEY = 'superofficeChat.outbox';
export const MAX_OUTBOX_ITEMS = 50;
export const MAX_OUTBOX_TEXT = 100_000;
const MAX_LABEL = 200;
const MAX_ID = 200;

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const optStr = (v: unknown, max: number): boolean => v === undefined || str(v, max);
const isInt = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= 2147483647;

/** Whether stored data is an item; anything else (an old format, a hand edit) is dropped, never thrown on. */
export function isOutboxItem(v: unknown): v is OutboxItem {
	if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
	const o = v as Record<string, unknown>;
	return (
		str(o.id, MAX_ID) &&
		o.id !== '' &&
		str(o.connectionId, MAX_ID) &&
		isInt(o.sessionId, 1) &&
		str(o.customerLabel, MAX_LABEL) &&
		str(o.text, MAX_OUTBOX_TEXT) &&
		(CHAT_MESSAGE_TYPES as readonly unknown[]).includes(o.type) &&
		(CHAT_MESSAGE_SPECIAL_TYPES as readonly unknown[]).includes(o.specialType) &&
		optStr(o.specialParam, 255) &&
		optStr(o.author, 255) &&
		(o.reason === 'notSent' || o.reason === 'unknownOutcome') &&
		(o.lastKnownMessageId === undefined || isInt(o.lastKnownMessageId, 0)) &&
		typeof o.created === 'number' &&
		Number.isFinite(o.created)
	);
}

/** Only the known fields travel into storage, so nothing else (a token on a caller's object) is ever written. */
function copyItem(i: OutboxItem): OutboxItem {
	const c: OutboxItem = {
		id: i.id,
		connectionId: i.connectionId,
		sessionId: i.sessionId,
		customerLabel: i.customerLabel,
		text: i.text,
		type: i.type,
		specialType: i.specialType,
		reason: i.reason,
		created: i.created,
	};
	if (i.specialParam !== undefined) c.specialParam = i.specialParam;
	if (i.author !== undefined) c.author = i.author;
	if (i.lastKnownMessageId !== undefined) c.lastKnownMessageId = i.lastKnownMessageId;
	return c;
}

export interface OutboxOptions {
	now?: () => number;
	newId?: () => string;
	max?: number;
}

export class Outbox {
	private readonly now: () => number;
	private readonly newId: () => string;
	private readonly max: number;
	private readonly listeners = new Set<() => void>();

	constructor(
		private readonly store: KeyValueStore,
		o: OutboxOptions = {},
	) {
		this.now = o.now ?? Date.now;
		this.newId = o.newId ?? (() => globalThis.crypto.randomUUID());
		this.max = o.max ?? MAX_OUTBOX_ITEMS;
	}

	/** Calls `listener` after every change this instance wrote (the chat view's Outbox list follows it). */
	onDidChange(listener: () => void): { dispose(): void } {
		this.listeners.add(listener);
		return { dispose: () => this.listeners.delete(listener) };
	}

	private async write(items: OutboxItem[]): Promise<void> {
		await this.store.update(OUTBOX_KEY, items);
		for (const l of [...this.listeners]) l();
	}

	/** Oldest first. Corrupt entries are skipped. */
	list(): OutboxItem[] {
		const raw = this.store.get(OUTBOX_KEY);
		if (!Array.isArray(raw)) return [];
		return raw.filter(isOutboxItem).map(copyItem);
	}

	forSession(connectionId: string, sessionId: number): OutboxItem[] {
		return this.list().filter((i) => i.connectionId === connectionId && i.sessionId === sessionId);
	}

	/** Adds an item; the oldest items beyond the bound are dropped. Throws on an item that could not be stored. */
	async add(item: NewOutboxItem): Promise<OutboxItem> {
		const full = copyItem({ ...item, id: this.newId(), created: this.now() });
		if (!isOutboxItem(full)) throw new Error('This message cannot be kept in the outbox (a field is missing, wrong or too long).');
		const items = [...this.list(), full].slice(-this.max);
		await this.write(items);
		return full;
	}

	/** Changes the reason or the last known id (e.g. a retry failed again before sending). */
	async update(id: string, patch: Partial<Pick<OutboxItem, 'reason' | 'lastKnownMessageId'>>): Promise<OutboxItem | undefined> {
		const items = this.list();
		const at = items.findIndex((i) => i.id === id);
		if (at < 0) return undefined;
		const next = copyItem({ ...items[at], ...patch });
		if (!isOutboxItem(next)) throw new Error('Invalid outbox update.');
		items[at] = next;
		await this.write(items);
		return next;
	}

	/** Removes an item (sent, found by the read-back, or discarded). */
	async remove(id: string): Promise<boolean> {
		const items = this.list();
		const kept = items.filter((i) => i.id !== id);
		if (kept.length === items.length) return false;
		await this.write(kept);
		return true;
	}

	/** Removes every item of a connection (the connection was deleted). */
	async removeConnection(connectionId: string): Promise<number> {
		const items = this.list();
		const kept = items.filter((i) => i.connectionId !== connectionId);
		if (kept.length !== items.length) await this.write(kept);
		return items.length - kept.length;
	}
}
