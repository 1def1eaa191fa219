// What the agent has seen, per connection + session, in a key-value store the host provides (globalState).
// Several windows share it: every write re-reads and merges, and a mark only ever moves forward.
import { type SeenMark } from './liveModel';

/** The part of VS Code's Memento this needs. */
export interface KeyValueStore {
	get(key: string): unknown;
	update(key: string, value: unknown): PromiseLike<void>;
}

export const SEEN_KEY = 'superofficeChat.seen';
export const MAX_SEEN_ENTRIES = 1000;
/** Entries not touched for this long are dropped (the session is long over). */
export const SEEN_MAX_AGE_MS = 30 * 24 * 60 * 60_000;

/** Stored compactly: key → [messageId, at, touched]. */
type Entry = [number, number, number];

export function seenKey(connectionId: string, sessionId: number): string {
	return `${connectionId}\u0000${sessionId}`;
}

/** Component-wise maximum: merging never moves "seen" backwards, whatever order windows write in. */
export function mergeSeen(a: SeenMark | undefined, b: SeenMark | undefined): SeenMark | undefined {
	if (!a) return b && { ...b };
	if (!b) return { ...a };
	return { messageId: Math.max(a.messageId, b.messageId), at: Math.max(a.at, b.at) };
}

function isEntry(v: unknown): v is Entry {
	return (
		Array.isArray(v) &&
		v.length === 3 &&
		Number.isSafeInteger(v[0]) &&
		v[0] >= 0 &&
		v.slice(1).every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)
	);
}

function isMark(m: SeenMark): boolean {
	return Number.isSafeInteger(m.messageId) && m.messageId >= 0 && Number.isFinite(m.at) && m.at >= 0;
}

export class SeenStore {
	private raw: unknown = undefined;
	private parsed = new Map<string, Entry>();
	private writes: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly storage: KeyValueStore,
		private readonly now: () => number = Date.now,
		private readonly limits = { maxEntries: MAX_SEEN_ENTRIES, maxAgeMs: SEEN_MAX_AGE_MS },
	) {}

	get(connectionId: string, sessionId: number): SeenMark | undefined {
		const e = this.load().get(seenKey(connectionId, sessionId));
		return e && { messageId: e[0], at: e[1] };
	}

	/** A lookup for one connection, as LiveContext.seen wants it. */
	lookup(connectionId: string): (sessionId: number) => SeenMark | undefined {
		return (sessionId) => this.get(connectionId, sessionId);
	}

	/** Moves the mark forward (never back). Resolves true when the stored mark changed. */
	markSeen(connectionId: string, sessionId: number, mark: SeenMark): Promise<boolean> {
		if (!isMark(mark)) return Promise.resolve(false);
		return this.write((map) => {
			const key = seenKey(connectionId, sessionId);
			const old = map.get(key);
			const merged = mergeSeen(old && { messageId: old[0], at: old[1] }, mark) as SeenMark;
			if (old && merged.messageId === old[0] && merged.at === old[1]) return false;
			map.set(key, [merged.messageId, merged.at, this.now()]);
			return true;
		});
	}

	/** Drops every mark of a connection (it was removed). */
	forget(connectionId: string): Promise<boolean> {
		return this.write((map) => {
			let any = false;
			for (const key of [...map.keys()]) if (key.startsWith(`${connectionId}\u0000`)) any = map.delete(key) || any;
			return any;
		});
	}

	/** Serialised per window; each write starts from what storage holds now (another window may have written). */
	private write(change: (map: Map<string, Entry>) => boolean): Promise<boolean> {
		const run = async (): Promise<boolean> => {
			const map = new Map(this.load());
			if (!change(map)) return false;
			this.prune(map);
			const value = Object.fromEntries(map);
			await this.storage.update(SEEN_KEY, value);
			this.raw = value;
			this.parsed = map;
			return true;
		};
		const result = this.writes.then(run, run);
		this.writes = result.catch(() => undefined);
		return result;
	}

	private prune(map: Map<string, Entry>): void {
		const oldest = this.now() - this.limits.maxAgeMs;
		for (const [k, e] of map) if (e[2] < oldest) map.delete(k);
		if (map.size <= this.limits.maxEntries) return;
		const byAge = [...map.entries()].sort((a, b) => a[1][2] - b[1][2]);
		for (const [k] of byAge.slice(0, map.size - this.limits.maxEntries)) map.delete(k);
	}

	/** Parses only when storage hands out a different value; a corrupt value or entry reads as "nothing seen". */
	private load(): Map<string, Entry> {
		const raw = this.storage.get(SEEN_KEY);
		if (raw === this.raw) return this.parsed;
		const map = new Map<string, Entry>();
		if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
			for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (isEntry(v)) map.set(k, [v[0], v[1], v[2]]);
		}
		this.raw = raw;
		this.parsed = map;
		return map;
	}
}
