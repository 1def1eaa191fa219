import * as assert from 'node:assert/strict';
import { type KeyValueStore, MAX_OUTBOX_ITEMS, type NewOutboxItem, Outbox, OUTBOX_KEY } from '../../../src/shared/outbox';

function memory(initial?: unknown): KeyValueStore & { data: Map<string, unknown> } {
	const data = new Map<string, unknown>();
	if (initial !== undefined) data.set(OUTBOX_KEY, initial);
	// Stored as JSON, as globalState does: what is kept must survive serialisation.
	return {
		data,
		get: (k) => (data.has(k) ? JSON.parse(JSON.stringify(data.get(k))) : undefined),
		update: async (k, v) => void data.set(k, JSON.parse(JSON.stringify(v))),
	};
}

const item = (over: Partial<NewOutboxItem> = {}): NewOutboxItem => ({
	connectionId: 'prod',
	sessionId: 101,
	customerLabel: 'Ann (Support)',
	text: 'Hello',
	type: 'ToCustomer',
	specialType: 'None',
	reason: 'notSent',
	...over,
});

describe('Outbox', () => {
	let n = 0;
	const make = (store: KeyValueStore, max?: number): Outbox => new Outbox(store, { now: () => 1000 + n, newId: () => `id${++n}`, max });

	it('keeps items across instances (Reload Window), per session, and removes them', async () => {
		const store = memory();
		const a = await make(store).add(item({ reason: 'unknownOutcome', lastKnownMessageId: 42 }));
		await make(store).add(item({ sessionId: 102 }));
		const again = make(store);
		assert.deepEqual(again.forSession('prod', 101), [a]);
		assert.equal((await again.update(a.id, { reason: 'notSent' }))?.reason, 'notSent');
		assert.equal(await again.remove(a.id), true);
		assert.equal(await again.remove(a.id), false);
		assert.equal(make(store).list().length, 1);
		assert.equal(await again.removeConnection('prod'), 1);
		assert.deepEqual(make(store).list(), []);
	});

	it('is bounded: the oldest items go first', async () => {
		const store = memory();
		const box = make(store, 3);
		for (let i = 0; i < 5; i++) await box.add(item({ text: `m${i}` }));
		assert.deepEqual(
			box.list().map((i) => i.text),
			['m2', 'm3', 'm4'],
		);
		assert.equal(MAX_OUTBOX_ITEMS, 50);
	});

	it('survives corrupt stored data: bad entries are skipped, the rest kept', async () => {
		for (const bad of [null, 'x', 42, { a: 1 }]) assert.deepEqual(make(memory(bad)).list(), []);
		const good = { ...item(), id: 'ok', created: 5 };
		const store = memory([good, { ...good, sessionId: 'x' }, { ...good, reason: 'sent' }, { ...good, type: 'Customer' }, null, [1]]);
		assert.deepEqual(make(store).list(), [good]);
		await make(store).add(item());
		assert.equal((store.data.get(OUTBOX_KEY) as unknown[]).length, 2, 'a write drops the corrupt entries');
	});

	it('stores only the message and ids, never other fields a caller passes', async () => {
		const store = memory();
		await make(store).add({ ...item(), token: 'Bearer secret-token', password: 'hunter2' } as NewOutboxItem);
		const saved = JSON.stringify(store.data.get(OUTBOX_KEY));
		assert.ok(!saved.includes('secret-token') && !saved.includes('hunter2'), saved);
	});

	it('refuses an item it could not keep, writing nothing', async () => {
		const store = memory();
		await assert.rejects(make(store).add(item({ sessionId: 0 })), /cannot be kept/);
		await assert.rejects(make(store).add(item({ text: 'x'.repeat(100_001) })), /cannot be kept/);
		assert.equal(store.data.has(OUTBOX_KEY), false);
	});
});
