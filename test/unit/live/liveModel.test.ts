import * as assert from 'node:assert/strict';
import {
	type LiveContext,
	type LiveMessage,
	type LiveSession,
	type LiveState,
	type SeenMark,
	emptyLive,
	liveView,
	reduceLive,
	seenMarkFor,
} from '../../../src/live';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const min = (n: number): number => T0 + n * 60_000;

function session(id: number, status: LiveSession['status'], idleMin: number, extra: Partial<LiveSession> = {}): LiveSession {
	return {
		id,
		status,
		customer: `Customer ${id}`,
		lastMessage: `last of ${id}`,
		whenIdle: min(idleMin),
		whenRequested: min(idleMin - 1),
		...extra,
	};
}

const fromCustomer = (id: number, atMin: number, text = `customer ${id}`): LiveMessage => ({ id, type: 'ToUser', text, at: min(atMin) });
const fromAgent = (id: number, atMin: number): LiveMessage => ({ id, type: 'ToCustomer', text: `agent ${id}`, at: min(atMin) });

/** A context with a writable seen map, as the seen store would back it. */
function context(extra: Partial<LiveContext> = {}): LiveContext & { marks: Map<number, SeenMark> } {
	const marks = new Map<number, SeenMark>();
	return { mode: 'all', muted: false, focused: false, seen: (id) => marks.get(id), marks, ...extra };
}

/** Primes the model with a first list (the start-up snapshot). */
function primed(list: LiveSession[], ctx: LiveContext): LiveState {
	return reduceLive(emptyLive(), { type: 'sessions', sessions: list }, ctx).state;
}

describe('live model: reducer and view', () => {
	it('the start-up snapshot counts what waits but raises no notification', () => {
		const ctx = context();
		const first = reduceLive(emptyLive(), { type: 'sessions', sessions: [session(1, 'CustomerLast', 0), session(2, 'InQueue', 1)] }, ctx);
		assert.deepEqual(first.notifications, []);
		assert.deepEqual(first.changed, [1, 2], 'new sessions are worth a messages request');
		const history = reduceLive(first.state, { type: 'messages', sessionId: 1, messages: [fromCustomer(10, -2), fromCustomer(11, 0)] }, ctx);
		assert.deepEqual(history.notifications, [], 'messages older than the first list are history');
		const view = liveView(history.state, ctx);
		assert.deepEqual(
			view.rows.map((r) => [r.id, r.needsYou, r.inQueue, r.unread]),
			[
				[1, true, false, 2],
				[2, false, true, 1],
			],
		);
		assert.equal(view.badge, 2);
	});

	it('a new customer message makes the session need a reply and notifies once; the agent reading clears it', () => {
		const ctx = context();
		let state = primed([session(1, 'UserLast', 0)], ctx);
		state = reduceLive(state, { type: 'messages', sessionId: 1, messages: [fromCustomer(10, -1), fromAgent(11, 0)] }, ctx).state;
		assert.equal(liveView(state, ctx).badge, 0);

		const listed = reduceLive(
			state,
			{ type: 'sessions', sessions: [session(1, 'CustomerLast', 5, { lastMessage: 'Are you there?' })] },
			ctx,
		);
		assert.deepEqual(listed.changed, [1]);
		const got = reduceLive(listed.state, { type: 'messages', sessionId: 1, messages: [fromCustomer(12, 5, 'Are you there?')] }, ctx);
		assert.deepEqual(got.notifications, [{ kind: 'message', sessionId: 1, customer: 'Customer 1', text: 'Are you there?' }]);
		const row = liveView(got.state, ctx).rows[0];
		assert.equal(row.needsYou, true);
		assert.equal(row.unread, 1);
		assert.equal(row.snippet, 'Are you there?');
		assert.equal(row.since, min(5));

		const mark = seenMarkFor(got.state, 1);
		assert.deepEqual(mark, { messageId: 12, at: min(5) });
		ctx.marks.set(1, mark as SeenMark);
		const after = liveView(got.state, ctx);
		assert.equal(after.rows[0].needsYou, false);
		assert.equal(after.rows[0].unread, 0);
		assert.equal(after.badge, 0);
	});

	it("the agent's own message raises no notification and ends the wait", () => {
		const ctx = context();
		let state = primed([session(1, 'CustomerLast', 0)], ctx);
		state = reduceLive(state, { type: 'messages', sessionId: 1, messages: [fromCustomer(10, 0)] }, ctx).state;
		state = reduceLive(state, { type: 'sessions', sessions: [session(1, 'UserLast', 1)] }, ctx).state;
		const own = reduceLive(state, { type: 'messages', sessionId: 1, messages: [fromAgent(11, 1)] }, ctx);
		assert.deepEqual(own.notifications, []);
		const row = liveView(own.state, ctx).rows[0];
		assert.deepEqual([row.needsYou, row.unread], [false, 0]);
	});

	it('one notification per burst: more messages before the agent reads or answers stay quiet', () => {
		const ctx = context();
		let state = primed([session(1, 'UserLast', 0)], ctx);
		state = reduceLive(state, { type: 'messages', sessionId: 1, messages: [fromAgent(10, 0)] }, ctx).state;
		const notes: number[] = [];
		const say = (id: number, at: number): void => {
			const r = reduceLive(state, { type: 'messages', sessionId: 1, messages: [fromCustomer(id, at)] }, ctx);
			state = r.state;
			notes.push(r.notifications.length);
		};
		say(11, 1);
		say(12, 2);
		say(13, 3);
		assert.deepEqual(notes, [1, 0, 0]);
		assert.equal(liveView(state, ctx).rows[0].unread, 3);

		// The agent reads: the next message starts a new burst.
		ctx.marks.set(1, seenMarkFor(state, 1) as SeenMark);
		say(14, 4);
		// The agent answers: again a new burst.
		state = reduceLive(state, { type: 'messages', sessionId: 1, messages: [fromAgent(15, 5)] }, ctx).state;
		say(16, 6);
		// A long silence also starts a new burst.
		say(17, 6 + 11);
		assert.deepEqual(notes, [1, 0, 0, 1, 1, 1]);
	});

	it('a session entering the queue notifies once; its first message is the same burst', () => {
		const ctx = context();
		let state = primed([session(1, 'UserLast', 0)], ctx);
		const queued = session(2, 'InQueue', 3, { lastMessage: 'Hi, anyone?' });
		const r = reduceLive(state, { type: 'sessions', sessions: [session(1, 'UserLast', 0), queued] }, ctx);
		assert.deepEqual(r.notifications, [{ kind: 'queue', sessionId: 2, customer: 'Customer 2', text: 'Hi, anyone?' }]);
		state = r.state;
		const msgs = reduceLive(state, { type: 'messages', sessionId: 2, messages: [fromCustomer(20, 3, 'Hi, anyone?')] }, ctx);
		assert.deepEqual(msgs.notifications, []);
		const again = reduceLive(msgs.state, { type: 'sessions', sessions: [session(1, 'UserLast', 0), queued] }, ctx);
		assert.deepEqual(again.notifications, [], 'still in the queue is not news');
		assert.deepEqual(again.changed, []);
		const view = liveView(again.state, ctx);
		assert.deepEqual([view.inQueue, view.needsYou, view.badge], [1, 0, 1]);
	});

	it('counts the queue and sorts: needs you, then queue, oldest waiting first; then the rest, latest first', () => {
		const ctx = context();
		const list = [
			session(1, 'UserLast', 1),
			session(2, 'InQueue', 8),
			session(3, 'CustomerLast', 9),
			session(4, 'InQueue', 2),
			session(5, 'CustomerLast', 4),
			session(6, 'Closed', 7),
			session(7, 'Deleted', 9),
		];
		const view = liveView(primed(list, ctx), ctx);
		assert.deepEqual(
			view.rows.map((r) => r.id),
			[5, 3, 4, 2, 6, 1],
		);
		assert.deepEqual([view.needsYou, view.inQueue, view.badge], [2, 2, 4]);
	});

	it('the notifications mode filters: off none, queue only queue entries, all both', () => {
		const run = (mode: LiveContext['mode']): string[] => {
			const ctx = context({ mode });
			let state = primed([session(1, 'UserLast', 0)], ctx);
			const kinds: string[] = [];
			let r = reduceLive(state, { type: 'sessions', sessions: [session(1, 'CustomerLast', 2), session(2, 'InQueue', 2)] }, ctx);
			kinds.push(...r.notifications.map((n) => n.kind));
			state = r.state;
			r = reduceLive(state, { type: 'messages', sessionId: 1, messages: [fromCustomer(30, 2)] }, ctx);
			kinds.push(...r.notifications.map((n) => n.kind));
			return kinds;
		};
		assert.deepEqual(run('off'), []);
		assert.deepEqual(run('queue'), ['queue']);
		assert.deepEqual(run('all'), ['queue', 'message']);
	});

	it('no notification when muted, or when the session is on screen in a focused window (which marks it seen)', () => {
		const newMessage = (ctx: LiveContext): ReturnType<typeof reduceLive> => {
			const state = primed([session(1, 'CustomerLast', 0)], ctx);
			return reduceLive(state, { type: 'messages', sessionId: 1, messages: [fromCustomer(40, 1)] }, ctx);
		};
		assert.equal(newMessage(context({ muted: true })).notifications.length, 0);
		const watched = newMessage(context({ onScreen: 1, focused: true }));
		assert.equal(watched.notifications.length, 0);
		assert.deepEqual(watched.seen, [{ sessionId: 1, mark: { messageId: 40, at: min(1) } }]);
		const unfocused = newMessage(context({ onScreen: 1, focused: false }));
		assert.equal(unfocused.notifications.length, 1, 'on screen in a window without focus still notifies');
		assert.deepEqual(unfocused.seen, []);
	});

	it("another agent's session never needs you nor notifies", () => {
		const ctx = context({ me: 5 });
		const state = primed([session(1, 'CustomerLast', 0, { ownerId: 9 })], ctx);
		const r = reduceLive(state, { type: 'messages', sessionId: 1, messages: [fromCustomer(50, 1)] }, ctx);
		assert.deepEqual(r.notifications, []);
		const row = liveView(r.state, ctx).rows[0];
		assert.deepEqual([row.needsYou, row.others], [false, true]);
		assert.equal(liveView(r.state, ctx).badge, 0);
	});

	it('a transfer to me shows Accept-worthy and notifies once; my own transfer shows pending; colleagues’ stay quiet', () => {
		const ctx = context({ me: 5 });
		const list = (transferToId?: number): LiveSession[] => [
			session(1, 'UserLast', 0, { ownerId: 9, ...(transferToId !== undefined ? { transferToId } : {}) }),
			session(2, 'UserLast', 0, { ownerId: 5, transferToId: 9 }),
			session(3, 'UserLast', 0, { ownerId: 9, transferToId: 8 }),
		];
		const state = primed(list(), ctx);
		const offered = reduceLive(state, { type: 'sessions', sessions: list(5) }, ctx);
		assert.deepEqual(
			offered.notifications.map((n) => [n.kind, n.sessionId, n.customer]),
			[['transfer', 1, 'Customer 1']],
		);
		const view = liveView(offered.state, ctx);
		assert.deepEqual(
			view.rows.map((r) => [r.id, r.transfer]),
			[
				[1, 'incoming'],
				[2, 'pending'],
				[3, undefined],
			],
			'the incoming transfer sorts first',
		);
		assert.deepEqual([view.incoming, view.badge], [1, 1]);
		const again = reduceLive(offered.state, { type: 'sessions', sessions: list(5) }, ctx);
		assert.deepEqual(again.notifications, [], 'one toast per transfer, not one per poll');
		assert.deepEqual(reduceLive(state, { type: 'sessions', sessions: list(5) }, context({ me: 5, mode: 'queue' })).notifications.length, 1);
		assert.deepEqual(reduceLive(state, { type: 'sessions', sessions: list(5) }, context({ me: 5, mode: 'off' })).notifications, []);
	});

	it('without knowing me, every transfer shows pending and none is offered to accept', () => {
		const ctx = context();
		const state = primed([session(1, 'UserLast', 0, { ownerId: 9, transferToId: 5 })], ctx);
		assert.deepEqual(
			liveView(state, ctx).rows.map((r) => r.transfer),
			['pending'],
		);
		assert.equal(liveView(state, ctx).incoming, 0);
	});

	it('sessions that leave the list leave the model', () => {
		const ctx = context();
		const state = primed([session(1, 'CustomerLast', 0), session(2, 'UserLast', 0)], ctx);
		const next = reduceLive(state, { type: 'sessions', sessions: [session(2, 'UserLast', 0)] }, ctx).state;
		assert.deepEqual([...next.sessions.keys()], [2]);
	});
});
