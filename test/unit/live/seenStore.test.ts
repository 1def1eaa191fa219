import * as assert from 'node:assert/strict';
import { type KeyValueStore, SEEN_KEY, SeenStore, mergeSeen, seenKey } from '../../../src/live';

/** A Memento-like store; `shared` lets two stores (two windows) use the same data. */
function memory(shared = new Map<string, unknown>()): KeyValueStore & { data: Map<string, unknown>; writes: number } {
	const s = {
		data: shared,
		writes: 0,
		get: (key: string) => shared.get(key),
		update: async (key: string, value: unknown) => {
			s.writes++;
			// Stored as JSON, as globalState does.
			shared.set(key, JSON.parse(JSON.stringify(value)));
		},
	};
	return s;
}

describe('live seen store', () => {
	it('remembers per connection and session', async () => {
		const store = new SeenStore(memory());
		assert.equal(await store.markSeen('a', 1, { messageId: 10, at: 100 }), true);
		assert.deepEqual(store.get('a', 1), { messageId: 10, at: 100 });
		assert.equal(store.get('b', 1), undefined);
		assert.equal(store.lookup('a')(2), undefined);
		assert.deepEqual(new SeenStore(memory(new Map([[SEEN_KEY, { [seenKey('a', 1)]: [3, 4, 5] }]]))).get('a', 1), { messageId: 3, at: 4 });
	});

	it('never moves seen backwards, also across two windows writing in any order', async () => {
		const shared = new Map<string, unknown>();
		const one = new SeenStore(memory(shared));
		const two = new SeenStore(memory(shared));
		await one.markSeen('a', 1, { messageId: 20, at: 200 });
		assert.equal(await two.markSeen('a', 1, { messageId: 15, at: 150 }), false, 'an older mark from another window changes nothing');
		assert.deepEqual(one.get('a', 1), { messageId: 20, at: 200 });
		await two.markSeen('a', 1, { messageId: 25, at: 190 });
		assert.deepEqual(one.get('a', 1), { messageId: 25, at: 200 }, 'component-wise maximum');
		await Promise.all([one.markSeen('a', 2, { messageId: 1, at: 1 }), two.markSeen('a', 3, { messageId: 2, at: 2 })]);
		assert.deepEqual(
			[one.get('a', 2), one.get('a', 3)],
			[
				{ messageId: 1, at: 1 },
				{ messageId: 2, at: 2 },
			],
			'neither window loses the other',
		);
		assert.deepEqual(mergeSeen(undefined, { messageId: 1, at: 2 }), { messageId: 1, at: 2 });
	});

	it('reads a corrupt stored value as nothing seen and writes over it', async () => {
		for (const bad of ['oops', 42, null, [1, 2], { x: 'y' }, { [seenKey('a', 1)]: [1, 'two', 3] }, { [seenKey('a', 1)]: [-1, 2, 3] }]) {
			const mem = memory(new Map([[SEEN_KEY, bad]]));
			const store = new SeenStore(mem);
			assert.equal(store.get('a', 1), undefined);
			await store.markSeen('a', 1, { messageId: 5, at: 6 });
			assert.deepEqual(store.get('a', 1), { messageId: 5, at: 6 });
		}
		const mem = memory(new Map([[SEEN_KEY, { good: [1, 2, 3], bad: 'x' }]]));
		assert.equal(await new SeenStore(mem).markSeen('a', 1, { messageId: Number.NaN, at: 1 }), false, 'a bad mark is not stored');
		assert.equal(mem.writes, 0);
	});

	it('prunes entries not touched for too long, and the oldest beyond the cap', async () => {
		let now = 1_000_000;
		const mem = memory();
		const store = new SeenStore(mem, () => now, { maxEntries: 3, maxAgeMs: 10_000 });
		await store.markSeen('a', 1, { messageId: 1, at: 1 });
		now += 20_000;
		await store.markSeen('a', 2, { messageId: 2, at: 2 });
		assert.equal(store.get('a', 1), undefined, 'older than maxAgeMs');
		for (const id of [3, 4, 5]) {
			now += 1;
			await store.markSeen('a', id, { messageId: id, at: id });
		}
		assert.deepEqual(Object.keys(mem.data.get(SEEN_KEY) as object).length, 3);
		assert.equal(store.get('a', 2), undefined, 'the least recently touched goes first');
		assert.ok(store.get('a', 5));
		await store.forget('a');
		assert.deepEqual(mem.data.get(SEEN_KEY), {});
	});
});
