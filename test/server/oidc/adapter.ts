// In-memory storage for the provider. Its own (rather than the built-in one) so the harness can drop every
// refresh token and grant at once, as when a user withdraws the app's consent.

type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; consumed?: number };

interface Entry {
	payload: Payload;
	/** Epoch ms; Infinity when the provider gave no lifetime. */
	expiresAt: number;
}

export class MemoryStore {
	private readonly entries = new Map<string, Entry>();

	get(model: string, id: string): Payload | undefined {
		const key = `${model}:${id}`;
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		if (entry.expiresAt <= Date.now()) {
			this.entries.delete(key);
			return undefined;
		}
		return entry.payload;
	}

	set(model: string, id: string, payload: Payload, expiresInSeconds?: number): void {
		const expiresAt = typeof expiresInSeconds === 'number' ? Date.now() + expiresInSeconds * 1000 : Infinity;
		this.entries.set(`${model}:${id}`, { payload, expiresAt });
	}

	delete(model: string, id: string): void {
		this.entries.delete(`${model}:${id}`);
	}

	/** First live entry of a model whose payload matches. */
	findWhere(model: string, match: (p: Payload) => boolean): Payload | undefined {
		for (const [key, entry] of this.entries) {
			if (key.startsWith(`${model}:`) && entry.expiresAt > Date.now() && match(entry.payload)) return entry.payload;
		}
		return undefined;
	}

	deleteWhere(match: (model: string, p: Payload) => boolean): void {
		for (const [key, entry] of this.entries) {
			if (match(key.slice(0, key.indexOf(':')), entry.payload)) this.entries.delete(key);
		}
	}

	clear(): void {
		this.entries.clear();
	}
}

/** The adapter contract of oidc-provider (one instance per model name). */
export class MemoryAdapter {
	constructor(
		private readonly model: string,
		private readonly store: MemoryStore,
	) {}

	async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
		this.store.set(this.model, id, payload, expiresIn);
	}

	async find(id: string): Promise<Payload | undefined> {
		return this.store.get(this.model, id);
	}

	async findByUid(uid: string): Promise<Payload | undefined> {
		return this.store.findWhere(this.model, (p) => p.uid === uid);
	}

	async findByUserCode(userCode: string): Promise<Payload | undefined> {
		return this.store.findWhere(this.model, (p) => p.userCode === userCode);
	}

	async consume(id: string): Promise<void> {
		const payload = this.store.get(this.model, id);
		if (payload) payload.consumed = Math.floor(Date.now() / 1000);
	}

	async destroy(id: string): Promise<void> {
		this.store.delete(this.model, id);
	}

	async revokeByGrantId(grantId: string): Promise<void> {
		this.store.deleteWhere((_model, p) => p.grantId === grantId);
	}
}

/** Models whose entries make up a user's standing authorization of an app. */
export const GRANT_MODELS: ReadonlySet<string> = new Set(['Grant', 'RefreshToken']);
