// When to poll next: the normal interval after a success; after failures an exponential, capped, jittered
// backoff that honours Retry-After; after an auth failure nothing until resume() (no polling on a dead sign-in).
export interface BackoffOptions {
	/** First backoff delay; default the poll interval. */
	baseMs?: number;
	/** Default 5 minutes. */
	maxMs?: number;
	/** Default 2. */
	factor?: number;
	/** Share of the delay taken off at random, 0..1; default 0.3 (windows do not poll in step). */
	jitter?: number;
	/** Default Math.random: it only spreads retries apart (nothing secret or unique depends on it); tests pass their own. */
	random?: () => number;
	/** A Retry-After beyond this is capped; default 1 hour. */
	maxRetryAfterMs?: number;
}

export type ScheduleMode = 'normal' | 'backoff' | 'authPaused';

export const DEFAULT_MAX_BACKOFF_MS = 5 * 60_000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60 * 60_000;

/** The delay before attempt `failures + 1`, i.e. after `failures` failures in a row (≥ 1). */
export function backoffDelay(failures: number, o: Required<Omit<BackoffOptions, 'maxRetryAfterMs'>>): number {
	const n = Math.max(1, Math.floor(failures));
	const raw = Math.min(o.maxMs, o.baseMs * Math.pow(o.factor, n - 1));
	const r = Math.min(1, Math.max(0, o.random()));
	return Math.round(raw * (1 - Math.min(1, Math.max(0, o.jitter)) * r));
}

export class PollSchedule {
	private failures = 0;
	private paused = false;
	private readonly o: Required<BackoffOptions>;

	constructor(
		readonly intervalMs: number,
		o: BackoffOptions = {},
	) {
		this.o = {
			baseMs: o.baseMs ?? Math.max(1000, intervalMs),
			maxMs: o.maxMs ?? DEFAULT_MAX_BACKOFF_MS,
			factor: o.factor ?? 2,
			jitter: o.jitter ?? 0.3,
			random: o.random ?? Math.random,
			maxRetryAfterMs: o.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
		};
	}

	get mode(): ScheduleMode {
		return this.paused ? 'authPaused' : this.failures > 0 ? 'backoff' : 'normal';
	}

	/** Failures in a row since the last success. */
	get failureCount(): number {
		return this.failures;
	}

	/** After a good poll: back to the normal interval. */
	succeeded(): number {
		this.failures = 0;
		return this.intervalMs;
	}

	/** After a failed poll: the delay before the next try; a Retry-After (ms) is a floor, capped at maxRetryAfterMs. */
	failed(retryAfterMs?: number): number {
		this.failures++;
		const delay = backoffDelay(this.failures, this.o);
		if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs <= 0) return delay;
		return Math.max(delay, Math.min(retryAfterMs, this.o.maxRetryAfterMs));
	}

	/** The credentials were refused: stop until resume(). */
	authFailed(): void {
		this.paused = true;
	}

	/** After a new sign-in (or the user asks): poll again from a clean slate. */
	resume(): void {
		this.paused = false;
		this.failures = 0;
	}
}
