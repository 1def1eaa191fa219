// What the pipeline makes of fetch's outcomes: transport failures (and whether the request provably never
// left), redirect hops, and JSON bodies checked for the expected shape.
import { ApiError, describeKind } from './errors';

const MAX_REDIRECTS = 5;
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = ['Authorization', 'SO-AppToken'];

// Failures that happen before a single byte of the request left this machine: repeating them is safe.
const UNSENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EAI_NONAME',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'EADDRNOTAVAIL',
	'UND_ERR_CONNECT_TIMEOUT',
]);

function causeCodes(e: unknown): string[] {
	const cause = (e as { cause?: { code?: unknown; errors?: unknown } } | undefined)?.cause;
	if (!cause) return [];
	const codes: string[] = [];
	if (typeof cause.code === 'string') codes.push(cause.code);
	// Happy-eyeballs connects fail with an AggregateError holding one error per address.
	if (Array.isArray(cause.errors)) for (const inner of cause.errors) if (typeof inner?.code === 'string') codes.push(inner.code);
	return codes;
}

interface TransportContext {
	method: string;
	path: string;
	caller: AbortSignal | undefined;
	timer: AbortSignal | undefined;
	timeoutMs: number;
	/** False once response headers arrived: from then on the server certainly saw the request. */
	beforeResponse: boolean;
}

/** Maps a rejected fetch (or body read) to cancelled / timeout / network. Never quotes the original message. */
export function transportError(e: unknown, t: TransportContext): ApiError {
	if (e instanceof ApiError) return e;
	const { method, path } = t;
	const get = method === 'GET';
	// Once a POST may have left, only a read-back can tell whether it was stored.
	if (t.caller?.aborted) {
		return new ApiError('cancelled', `${describeKind('cancelled')} (${method} ${path})`, {
			method,
			path,
			retryable: get,
			outcomeUnknown: !get,
		});
	}
	if (t.timer?.aborted) {
		return new ApiError('timeout', `No response within ${t.timeoutMs} ms (${method} ${path})`, {
			method,
			path,
			retryable: get,
			outcomeUnknown: !get,
		});
	}
	const codes = causeCodes(e);
	const unsent = t.beforeResponse && codes.length > 0 && codes.every((c) => UNSENT_CODES.has(c));
	const code = codes[0];
	return new ApiError('network', `${describeKind('network')}${code ? ` (${code})` : ''} (${method} ${path})`, {
		method,
		path,
		code,
		retryable: get || unsent,
		outcomeUnknown: !get && !unsent,
	});
}

/**
 * Where a redirect leads; refuses loops, odd schemes, method changes that would drop a body, and any request with
 * a body (a message) to an origin other than `home`: the message must never reach a host the user did not choose.
 */
export function nextHop(response: Response, from: string, method: string, path: string, hops: number, home: string): URL {
	const bad = (why: string, otherHost?: string): ApiError =>
		new ApiError('badResponse', `${why} (${method} ${path})`, { method, path, status: response.status, otherHost });
	if (hops + 1 > MAX_REDIRECTS) throw bad(`More than ${MAX_REDIRECTS} redirects`);
	const location = response.headers.get('location');
	if (!location) throw bad('A redirect without a Location');
	let next: URL;
	try {
		next = new URL(location, from);
	} catch {
		throw bad('A redirect to an invalid address');
	}
	if (next.protocol !== 'https:' && next.protocol !== 'http:') throw bad('A redirect to a scheme other than http(s)');
	const carriesBody = method !== 'GET' && method !== 'HEAD';
	if (carriesBody && next.origin !== home) {
		throw bad(
			`Not sent to ${next.host}: the server redirected the ${method} (${response.status}) to another host; it was not repeated there`,
			next.host,
		);
	}
	// 301/302/303 would turn a POST into a GET and drop the message; refuse rather than lose it.
	if (carriesBody && response.status !== 307 && response.status !== 308) {
		throw bad(`A ${response.status} redirect of a ${method}; the request was not repeated`);
	}
	return next;
}

/** A copy of the headers without Authorization and SO-AppToken, for a hop to another origin. */
export function withoutCredentials(headers: Record<string, string>): Record<string, string> {
	const copy = { ...headers };
	for (const h of CREDENTIAL_HEADERS) delete copy[h];
	return copy;
}

/** The path of a hop for traces and errors: no host, and of the query only `after`. */
export function tracePath(url: URL): string {
	const after = url.searchParams.get('after');
	return after === null ? url.pathname : `${url.pathname}?after=${encodeURIComponent(after)}`;
}

interface Expected {
	method: string;
	path: string;
	status: number;
	/** "a chat message", for the message. */
	what: string;
	accept: (data: unknown) => boolean;
}

/**
 * Parses a 2xx body; returns an ApiError('badResponse') for HTML, non-JSON or JSON of the wrong shape. For a POST
 * the server accepted the request, so the error says the outcome is unknown rather than "unexpected answer".
 */
export function parseBody(text: string, contentType: string | null, x: Expected): unknown {
	const post = x.method !== 'GET';
	const bad = (why: string): ApiError =>
		new ApiError(
			'badResponse',
			post
				? `HTTP ${x.status} without a confirmation (${why}): the message may have been posted; read back before sending again (${x.method} ${x.path})`
				: `${describeKind('badResponse')}: ${why} (${x.method} ${x.path})`,
			{ method: x.method, path: x.path, status: x.status, outcomeUnknown: post },
		);
	if (contentType !== null && /html/i.test(contentType)) return bad(`HTML instead of ${x.what}`);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return bad(text.trim() === '' ? `an empty body instead of ${x.what}` : `not JSON where ${x.what} was expected`);
	}
	return x.accept(data) ? data : bad(`JSON that is not ${x.what}`);
}
