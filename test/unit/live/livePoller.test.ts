import * as assert from 'node:assert/strict';
import { ChatClient } from '../../../src/api';
import { type LiveContext, LivePoller, type LiveTimers, type PollResult, type SeenMark } from '../../../src/live';
import { DEMO, type LocalServer } from '../../server/server';
import { useLocalServer } from '../api/helpers';

/** Timers the test fires by hand: nothing runs until `fire()`. */
function manualTimers(): LiveTimers & { pending: { fn: () => void; ms: number }[]; fire(): void } {
	const pending: { fn: () => void; ms: number }[] = [];
	return {
		pending,
		setTimeout: (fn, ms) => {
			const t = { fn, ms };
			pending.push(t);
			return t;
		},
		clearTimeout: (h) => {
			const i = pending.indexOf(h as { fn: () => void; ms: number });
			if (i >= 0) pending.splice(i, 1);
		},
		fire() {
			const t = pending.shift();
			assert.ok(t, 'no timer armed');
			t.fn();
		},
	};
}

describe('LivePoller against the local server', () => {
	let server: LocalServer;
	useLocalServer((s) => (server = s));

	const marks = new Map<number, SeenMark>();
	let ctx: Omit<LiveContext, 'seen'>;
	beforeEach(() => {
		marks.clear();
		ctx = { mode: 'all', muted: false, focused: false };
	});

	function poller(extra: { timers?: LiveTimers; intervalMs?: number } = {}): LivePoller {
		const client = new ChatClient({
			baseUrl: server.url,
			credentials: { scheme: 'basic', userName: DEMO.userName, password: DEMO.password },
		});
		return new LivePoller({
			client,
			context: () => ({ ...ctx, seen: (id) => marks.get(id) }),
			intervalMs: extra.intervalMs ?? 15_000,
			timers: extra.timers ?? manualTimers(),
			backoff: { random: () => 0 },
		});
	}

	/** Requests since `from`: list requests, and the Messages requests as "id?after". */
	function requestsSince(from: number): { list: number; messages: string[] } {
		const rs = server.received.slice(from);
		return {
			list: rs.filter((r) => r.path.endsWith('/api/v1/ChatSession/ForCurrentUser')).length,
			messages: rs
				.map(
					(r) => /\/ChatSession\/(\d+)\/Messages$/.exec(r.path) && `${/\/ChatSession\/(\d+)\//.exec(r.path)?.[1]}?${r.query.after ?? ''}`,
				)
				.filter((x): x is string => typeof x === 'string'),
		};
	}

	const customerWrites = async (id: number, text: string): Promise<void> => {
		const res = await fetch(`${server.origin}/__control/sessions/${id}/customer-message`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ text }),
		});
		assert.equal(res.status, 200);
	};

	it('one list request per step, and no Messages request for sessions that did not change', async () => {
		const p = poller();
		const first = await p.step();
		assert.ok(first.ok, first.problem);
		// First step: the open sessions are new to the model (101 CustomerLast, 102 UserLast, 103 InQueue).
		assert.deepEqual(requestsSince(0), { list: 1, messages: ['101?', '103?', '102?'] });
		assert.deepEqual(first.requests, { list: 1, messages: 3 });
		assert.deepEqual(first.notifications, [], 'what waited at start-up is counted, not announced');
		assert.deepEqual(
			first.view.rows.slice(0, 2).map((r) => [r.id, r.needsYou, r.inQueue]),
			[
				[101, true, false],
				[103, false, true],
			],
		);
		assert.equal(first.view.badge, 2);
		const mark = server.received.length;
		const N = 5;
		for (let i = 0; i < N; i++) assert.deepEqual((await p.step()).requests, { list: 1, messages: 0 });
		assert.deepEqual(requestsSince(mark), { list: N, messages: [] });
	});

	it('a customer writing: one Messages?after= for that session only, one notification, needs you', async () => {
		const p = poller();
		await p.step();
		const lastId = Math.max(...server.messages(102).map((m) => m.ChatMessageId ?? 0));
		await customerWrites(102, 'One more <b>question</b>');
		const mark = server.received.length;
		const r = await p.step();
		assert.deepEqual(requestsSince(mark), { list: 1, messages: [`102?${lastId}`] });
		assert.deepEqual(r.notifications, [{ kind: 'message', sessionId: 102, customer: 'Grace Hopper', text: 'One more question' }]);
		const row = r.view.rows.find((x) => x.id === 102);
		assert.deepEqual([row?.needsYou, row?.unread, row?.snippet], [true, 1, 'One more question']);
		// The same burst: a second message notifies no more.
		await customerWrites(102, 'Hello?');
		assert.deepEqual((await p.step()).notifications, []);
	});

	it('a new session in the queue: one queue notification, then quiet', async () => {
		const p = poller();
		await p.step();
		const res = await fetch(`${server.origin}/__control/sessions`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ customer: 'Barbara Liskov', text: 'Is anyone there?' }),
		});
		assert.equal(res.status, 201);
		const id = ((await res.json()) as { ChatSessionId: number }).ChatSessionId;
		const r = await p.step();
		assert.deepEqual(r.notifications, [{ kind: 'queue', sessionId: id, customer: 'Barbara Liskov', text: 'Is anyone there?' }]);
		assert.deepEqual(r.requests, { list: 1, messages: 1 });
		assert.equal(r.view.inQueue, 2);
		assert.deepEqual((await p.step()).notifications, []);
	});

	it('the session on screen is fetched every step, and in a focused window is marked seen instead of notified', async () => {
		const p = poller();
		await p.step();
		ctx = { ...ctx, onScreen: 101, focused: true };
		const quiet = await p.step();
		assert.deepEqual(quiet.requests, { list: 1, messages: 1 });
		await customerWrites(101, 'Still greyed out.');
		const r = await p.step();
		assert.deepEqual(r.notifications, []);
		const newest = server.messages(101).at(-1);
		assert.deepEqual(
			r.seen.map((s) => [s.sessionId, s.mark.messageId]),
			[[101, newest?.ChatMessageId]],
		);
	});

	it('401 pauses polling for the connection until resume()', async () => {
		const timers = manualTimers();
		const p = poller({ timers });
		server.fault({ path: /ForCurrentUser$/, status: 401 });
		p.start();
		await waitForStep(p);
		assert.equal(p.status, 'authPaused');
		assert.equal(timers.pending.length, 0, 'no next step is armed');
		assert.equal(p.refreshNow(), undefined);
		const before = server.received.length;
		p.resume();
		const r = await waitForStep(p);
		assert.ok(r.ok);
		assert.equal(p.status, 'running');
		assert.equal(requestsSince(before).list, 1);
		assert.deepEqual(
			timers.pending.map((t) => t.ms),
			[15_000],
		);
		p.stop();
		assert.equal(timers.pending.length, 0);
	});

	it('429 with Retry-After backs off at least that long; success resets to the interval', async () => {
		const timers = manualTimers();
		const p = poller({ timers });
		server.fault({ path: /ForCurrentUser$/, retryAfterSeconds: 40 });
		p.start();
		const failed = await waitForStep(p);
		assert.equal(failed.ok, false);
		assert.match(failed.problem ?? '', /^chat sessions: /);
		assert.equal(failed.nextInMs, 40_000);
		assert.deepEqual(
			timers.pending.map((t) => t.ms),
			[40_000],
		);
		timers.fire();
		const ok = await waitForStep(p);
		assert.ok(ok.ok);
		assert.equal(ok.nextInMs, 15_000);
		p.stop();
	});

	it('a list that is not an array is refused: the model keeps what it had', async () => {
		const p = poller();
		await p.step();
		server.fault({ path: /ForCurrentUser$/, status: 200, body: { value: [] } });
		const r = await p.step();
		assert.equal(r.ok, false);
		assert.equal(r.view.badge, 2, 'the badge does not drop to 0 on bad data');
		assert.match(r.problem ?? '', /a list of chat sessions|not an array/);
	});
});

/** Waits for the step in flight (started by start/resume/timer) to finish. */
async function waitForStep(p: LivePoller): Promise<PollResult> {
	return p.step();
}
