import * as assert from 'node:assert/strict';
import { DraftStore, DRAFTS_KEY, type DraftStorage, MAX_DRAFTS } from '../../../src/shared/draftStore';
import { emptyDraft } from '../../../src/shared/protocol';

class MemoryStorage implements DraftStorage {
	readonly data = new Map<string, unknown>();
	writes = 0;
	get(key: string): unknown {
		return this.data.get(key);
	}
	update(key: string, value: unknown): Promise<void> {
		this.writes++;
		// like globalState: what is stored is a JSON copy
		this.data.set(key, JSON.parse(JSON.stringify(value)));
		return Promise.resolve();
	}
}

const d = (text: string) => ({ ...emptyDraft(), text });

describe('DraftStore', () => {
	it('keeps one draft per connection and session', async () => {
		const storage = new MemoryStorage();
		const store = new DraftStore(storage);
		await store.set('a', 1, d('one'));
		await store.set('a', 2, d('two'));
		await store.set('b', 1, { ...d('three'), type: 'ToUser', author: 'Me' });
		assert.equal(store.get('a', 1)?.text, 'one');
		assert.equal(store.get('a', 2)?.text, 'two');
		assert.deepEqual(store.get('b', 1), { ...d('three'), type: 'ToUser', author: 'Me' });
		assert.equal(store.get('b', 2), undefined);
	});

	it('survives a new instance over the same storage (Reload Window)', async () => {
		const storage = new MemoryStorage();
		await new DraftStore(storage).set('a', 1, d('kept'));
		assert.equal(new DraftStore(storage).get('a', 1)?.text, 'kept');
	});

	it('clear removes only that draft; an empty draft removes the entry', async () => {
		const storage = new MemoryStorage();
		const store = new DraftStore(storage);
		await store.set('a', 1, d('one'));
		await store.set('a', 2, d('two'));
		await store.clear('a', 1);
		assert.equal(store.get('a', 1), undefined);
		assert.equal(store.get('a', 2)?.text, 'two');
		await store.set('a', 2, emptyDraft());
		assert.deepEqual(storage.get(DRAFTS_KEY), {});
		const writes = storage.writes;
		await store.clear('a', 9);
		assert.equal(storage.writes, writes, 'clearing nothing writes nothing');
	});

	it('ignores corrupt stored data instead of failing', () => {
		const storage = new MemoryStorage();
		storage.data.set(DRAFTS_KEY, { 'a\u00001': { draft: { text: 5 }, at: 1 }, x: 'nope', 'a\u00002': { draft: d('ok'), at: 2 } });
		const store = new DraftStore(storage);
		assert.equal(store.get('a', 1), undefined);
		assert.equal(store.get('a', 2)?.text, 'ok');
		storage.data.set(DRAFTS_KEY, 'garbage');
		assert.equal(new DraftStore(storage).get('a', 2), undefined);
	});

	it('drops the least recently written drafts beyond the limit', async () => {
		const storage = new MemoryStorage();
		let now = 0;
		const store = new DraftStore(storage, () => ++now);
		for (let i = 1; i <= MAX_DRAFTS + 5; i++) await store.set('a', i, d(`m${i}`));
		await store.set('a', 6, d('rewritten'));
		const fresh = new DraftStore(storage);
		assert.equal(fresh.get('a', 1), undefined);
		assert.equal(fresh.get('a', 5), undefined);
		assert.equal(fresh.get('a', 6)?.text, 'rewritten');
		assert.equal(fresh.get('a', MAX_DRAFTS + 5)?.text, `m${MAX_DRAFTS + 5}`);
		assert.equal(Object.keys(storage.get(DRAFTS_KEY) as object).length, MAX_DRAFTS);
	});

	it('returns copies: changing a returned draft does not change the store', async () => {
		const store = new DraftStore(new MemoryStorage());
		await store.set('a', 1, d('one'));
		const got = store.get('a', 1);
		if (got) got.text = 'changed';
		assert.equal(store.get('a', 1)?.text, 'one');
	});
});
