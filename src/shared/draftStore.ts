// Drafts per (connection, session), kept in a key-value storage the host provides (globalState: a draft is not a
// secret, and globalState survives Reload Window and moving the view). Pure: the storage is an interface.
import { copyDraft, type DraftAppend, type DraftData, isDraftData, isDraftEmpty } from './draft';

export type { DraftAppend };

export interface DraftStorage {
	get(key: string): unknown;
	update(key: string, value: unknown): PromiseLike<void>;
}

export const DRAFTS_KEY = 'superofficeChat.drafts';
/** Keep the stored map small: the oldest drafts beyond this are dropped. */
export const MAX_DRAFTS = 100;

/** Who changed a draft and how, so a listener can tell its own writes from others' (e.g. the chat view's echo). */
export interface DraftChangeInfo {
	/** The writer, e.g. 'chatView'; absent for other writers. */
	source?: string;
	/** Set when the change appended text (and maybe set fields): the same step can be applied to a newer copy. */
	appended?: DraftAppend;
}

export interface DraftChange extends DraftChangeInfo {
	connectionId: string;
	sessionId: number;
	/** The draft now stored; undefined when it was removed. */
	draft: DraftData | undefined;
}

/** The draft text with `text` added after a blank line (or alone when the draft was empty). */
export function appendedText(current: string, text: string): string {
	if (current.trim() === '') return text;
	return `${current.replace(/\s+$/, '')}\n\n${text}`;
}

interface StoredDraft {
	draft: DraftData;
	at: number;
}

/** The one key of a (connection, session) pair. */
export function draftKey(connectionId: string, sessionId: number): string {
	return `${connectionId}\u0000${sessionId}`;
}

export class DraftStore {
	private cache: Map<string, StoredDraft> | undefined;
	private readonly listeners = new Set<(c: DraftChange) => void>();

	constructor(
		private readonly storage: DraftStorage,
		private readonly now: () => number = Date.now,
	) {}

	get(connectionId: string, sessionId: number): DraftData | undefined {
		const found = this.load().get(draftKey(connectionId, sessionId));
		return found ? copyDraft(found.draft) : undefined;
	}

	/** Calls `listener` after every change (synchronously, before the storage has finished writing). */
	onDidChange(listener: (c: DraftChange) => void): { dispose(): void } {
		this.listeners.add(listener);
		return { dispose: () => this.listeners.delete(listener) };
	}

	/** Saves a draft; an empty draft removes the entry. */
	set(connectionId: string, sessionId: number, draft: DraftData, info: DraftChangeInfo = {}): PromiseLike<void> {
		const map = this.load();
		const key = draftKey(connectionId, sessionId);
		const empty = isDraftEmpty(draft);
		if (empty) {
			if (!map.has(key)) return Promise.resolve();
			map.delete(key);
		} else {
			map.delete(key); // re-insert so Map order is "least recently written first"
			map.set(key, { draft: copyDraft(draft), at: this.now() });
			while (map.size > MAX_DRAFTS) map.delete(map.keys().next().value as string);
		}
		const saved = this.save(map);
		this.fire({ ...info, connectionId, sessionId, draft: empty ? undefined : copyDraft(draft) });
		return saved;
	}

	/** Called only after the server confirmed the send. */
	clear(connectionId: string, sessionId: number, info: DraftChangeInfo = {}): PromiseLike<void> {
		const map = this.load();
		if (!map.delete(draftKey(connectionId, sessionId))) return Promise.resolve();
		const saved = this.save(map);
		this.fire({ ...info, connectionId, sessionId, draft: undefined });
		return saved;
	}

	private fire(c: DraftChange): void {
		for (const l of [...this.listeners]) l(c);
	}

	private load(): Map<string, StoredDraft> {
		if (this.cache) return this.cache;
		const map = new Map<string, StoredDraft>();
		const raw = this.storage.get(DRAFTS_KEY);
		if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
			const entries = Object.entries(raw as Record<string, unknown>)
				.filter((e): e is [string, StoredDraft] => isStored(e[1]))
				.sort((a, b) => a[1].at - b[1].at);
			for (const [k, v] of entries) map.set(k, v);
		}
		this.cache = map;
		return map;
	}

	private save(map: Map<string, StoredDraft>): PromiseLike<void> {
		return this.storage.update(DRAFTS_KEY, Object.fromEntries(map));
	}
}

function isStored(v: unknown): v is StoredDraft {
	if (!v || typeof v !== 'object') return false;
	const o = v as Record<string, unknown>;
	return typeof o.at === 'number' && isDraftData(o.draft);
}
