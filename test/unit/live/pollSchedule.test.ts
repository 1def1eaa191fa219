import * as assert from 'node:assert/strict';
import { PollSchedule, backoffDelay } from '../../../src/live';

describe('live poll schedule', () => {
	const fixed = (r: number) => (): number => r;

	it('doubles from the base up to the cap', () => {
		const s = new PollSchedule(15_000, { baseMs: 1000, maxMs: 10_000, jitter: 0.5, random: fixed(0) });
		assert.deepEqual(
			[1, 2, 3, 4, 5, 6].map(() => s.failed()),
			[1000, 2000, 4000, 8000, 10_000, 10_000],
		);
		assert.equal(s.mode, 'backoff');
		assert.equal(s.failureCount, 6);
	});

	it('takes a random share off, at most the jitter', () => {
		const o = { baseMs: 1000, maxMs: 60_000, factor: 2, jitter: 0.5 };
		assert.equal(backoffDelay(3, { ...o, random: fixed(0) }), 4000);
		assert.equal(backoffDelay(3, { ...o, random: fixed(1) }), 2000);
		assert.equal(backoffDelay(3, { ...o, random: fixed(0.25) }), 3500);
		assert.equal(backoffDelay(3, { ...o, random: fixed(7) }), 2000, 'a bad random source is clamped');
	});

	it('waits at least a Retry-After, capped', () => {
		const s = new PollSchedule(15_000, { baseMs: 1000, random: fixed(0), maxRetryAfterMs: 120_000 });
		assert.equal(s.failed(30_000), 30_000);
		assert.equal(s.failed(500), 2000, 'a shorter Retry-After does not speed up the backoff');
		assert.equal(s.failed(86_400_000), 120_000);
		assert.equal(s.failed(Number.NaN), 8000);
	});

	it('resets on success to the normal interval; the default base is the interval', () => {
		const s = new PollSchedule(15_000, { random: fixed(0) });
		assert.equal(s.failed(), 15_000);
		assert.equal(s.failed(), 30_000);
		assert.equal(s.succeeded(), 15_000);
		assert.equal(s.mode, 'normal');
		assert.equal(s.failed(), 15_000);
	});

	it('an auth failure pauses until resume, which starts clean', () => {
		const s = new PollSchedule(15_000, { random: fixed(0) });
		s.failed();
		s.authFailed();
		assert.equal(s.mode, 'authPaused');
		s.resume();
		assert.equal(s.mode, 'normal');
		assert.equal(s.failed(), 15_000);
	});
});
