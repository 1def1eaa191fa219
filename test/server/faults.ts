// Scripted faults: a queue of one-off (or `times`-limited) misbehaviours matched by method and pathname.
// A fault stands in for what the network or a proxy does, so it applies before authentication and routing.
import { type OutgoingHttpHeaders } from 'node:http';
import { JSON_TYPE, defaultErrorFor, htmlErrorPage } from './responses';

export interface Fault {
	method?: string;
	/** Matches the request pathname: a string is the exact pathname (with or without the site path), or a RegExp. */
	path?: string | RegExp;
	/** How many requests it hits (default 1). */
	times?: number;
	delayMs?: number;
	status?: number;
	body?: string | object;
	contentType?: string;
	/** Answer with an HTML error page (as IIS or a proxy would). */
	html?: boolean;
	/** Destroy the socket without a response. */
	drop?: boolean;
	/** 429 (unless `status` says otherwise) with a Retry-After header. */
	retryAfterSeconds?: number;
	/** 307 with this Location. */
	redirectTo?: string;
	/** Process the request first (a POST stores its message), then drop or replace only the answer: a lost response. */
	afterStore?: boolean;
}

/** What to do once any delay has passed. */
export type FaultAction =
	| { kind: 'pass' }
	| { kind: 'drop' }
	| { kind: 'respond'; status: number; headers: OutgoingHttpHeaders; body: string; contentType: string };

interface Queued {
	fault: Fault;
	left: number;
}

export class FaultQueue {
	private readonly queued: Queued[] = [];

	add(fault: Fault): void {
		const times = fault.times ?? 1;
		if (!(times >= 1)) throw new Error(`fault.times must be at least 1, got ${String(fault.times)}`);
		if (fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)) {
			throw new Error(`fault.status must be an HTTP status code, got ${String(fault.status)}`);
		}
		this.queued.push({ fault, left: times });
	}

	clear(): void {
		this.queued.length = 0;
	}

	/** The first queued fault that matches; counts one use of it. */
	take(method: string, pathname: string, sitePath: string): Fault | undefined {
		const index = this.queued.findIndex((q) => matches(q.fault, method, pathname, sitePath));
		if (index < 0) return undefined;
		const q = this.queued[index];
		if (--q.left <= 0) this.queued.splice(index, 1);
		return q.fault;
	}
}

function matches(f: Fault, method: string, pathname: string, sitePath: string): boolean {
	if (f.method !== undefined && f.method.toUpperCase() !== method.toUpperCase()) return false;
	if (f.path === undefined) return true;
	if (typeof f.path === 'string') return f.path === pathname || sitePath + f.path === pathname;
	f.path.lastIndex = 0; // a /g or /y RegExp would otherwise remember where it stopped
	return f.path.test(pathname);
}

export function faultAction(f: Fault): FaultAction {
	if (f.drop) return { kind: 'drop' };
	const headers: OutgoingHttpHeaders = {};
	let status = f.status;
	if (f.redirectTo !== undefined) {
		headers.Location = f.redirectTo;
		status ??= 307;
	}
	if (f.retryAfterSeconds !== undefined) {
		headers['Retry-After'] = String(f.retryAfterSeconds);
		status ??= 429;
	}
	if (status === undefined && f.body === undefined && !f.html) return { kind: 'pass' };
	// An HTML page without a status is what a proxy in front of the server sends when it fails.
	status ??= f.html ? 502 : 200;
	let body: string;
	let contentType: string;
	if (f.html) {
		body = htmlErrorPage(status);
		contentType = 'text/html; charset=utf-8';
	} else if (typeof f.body === 'string') {
		body = f.body;
		contentType = 'text/plain; charset=utf-8';
	} else {
		body = f.body !== undefined ? JSON.stringify(f.body) : status >= 400 ? JSON.stringify(defaultErrorFor(status)) : '';
		contentType = JSON_TYPE;
	}
	return { kind: 'respond', status, headers, body, contentType: f.contentType ?? contentType };
}

/** A Fault sent as JSON to `POST /__control/fault`: `path` is a string or `{ regex, flags? }`. */
export function faultFromJson(input: unknown): Fault {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('a fault must be a JSON object');
	const raw = input as Record<string, unknown>;
	const fault = { ...raw } as Fault;
	const path = raw.path;
	if (typeof path === 'object' && path !== null) {
		const { regex, flags } = path as { regex?: unknown; flags?: unknown };
		if (typeof regex !== 'string') throw new Error('fault.path must be a string or { "regex": "..." }');
		fault.path = new RegExp(regex, typeof flags === 'string' ? flags : undefined);
	} else if (path !== undefined && typeof path !== 'string') {
		throw new Error('fault.path must be a string or { "regex": "..." }');
	}
	return fault;
}
