// The one error type of the client. `kind` is what callers switch on (UI text is localised from it);
// `message` is short plain English for logs and never carries a secret.
import { type TextPosition } from '../shared/unicode';
import { type ErrorBody } from './types';

export type ApiErrorKind =
	| 'network'
	| 'timeout'
	| 'cancelled'
	| 'unauthorized'
	| 'forbidden'
	| 'notFound'
	| 'misdirected'
	| 'invalid'
	| 'conflict'
	| 'rateLimited'
	| 'server'
	| 'badResponse'
	| 'insecure';

interface ApiErrorDetails {
	status?: number;
	errorType?: string;
	serverMessage?: string;
	retryable?: boolean;
	retryAfterMs?: number;
	method?: string;
	path?: string;
	field?: string;
	/** A low-level error code such as `ECONNREFUSED` (never a message that could hold a secret). */
	code?: string;
	/** A POST that may have been stored although no confirmation arrived: read back before sending again. */
	outcomeUnknown?: boolean;
	/** The host (and port) a refused redirect pointed to. */
	otherHost?: string;
	/** Where in `field` the input is wrong (e.g. a character that is not valid Unicode). */
	position?: TextPosition;
}

export class ApiError extends Error {
	readonly kind: ApiErrorKind;
	readonly status?: number;
	readonly errorType?: string;
	readonly serverMessage?: string;
	/** True only when repeating is safe: a GET, or a POST that provably never reached the server. */
	readonly retryable: boolean;
	readonly retryAfterMs?: number;
	readonly method?: string;
	readonly path?: string;
	/** Which input failed validation (kind 'invalid' raised before a request). */
	readonly field?: string;
	readonly code?: string;
	/**
	 * True when a POST may have been stored but no usable confirmation came back (lost or unusable answer,
	 * timeout, 5xx). Never retryable: read the conversation back (see matchReadBack) before offering to send again.
	 */
	readonly outcomeUnknown: boolean;
	readonly otherHost?: string;
	readonly position?: TextPosition;

	constructor(kind: ApiErrorKind, message: string, details: ApiErrorDetails = {}) {
		super(message);
		this.name = 'ApiError';
		this.kind = kind;
		this.retryable = details.retryable ?? false;
		this.outcomeUnknown = details.outcomeUnknown ?? false;
		// Only own properties that are set, so logs and deep-equal assertions stay tidy.
		if (details.status !== undefined) this.status = details.status;
		if (details.errorType !== undefined) this.errorType = details.errorType;
		if (details.serverMessage !== undefined) this.serverMessage = details.serverMessage;
		if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
		if (details.method !== undefined) this.method = details.method;
		if (details.path !== undefined) this.path = details.path;
		if (details.field !== undefined) this.field = details.field;
		if (details.code !== undefined) this.code = details.code;
		if (details.otherHost !== undefined) this.otherHost = details.otherHost;
		if (details.position !== undefined) this.position = details.position;
	}
}

export function isApiError(e: unknown): e is ApiError {
	return e instanceof ApiError;
}

/** Maps an HTTP status that is not 2xx/3xx to a kind. */
export function kindForStatus(status: number): ApiErrorKind {
	switch (status) {
		case 400:
			return 'invalid';
		case 401:
			return 'unauthorized';
		case 403:
			return 'forbidden';
		case 404:
		case 410:
			return 'notFound';
		case 408:
			return 'timeout';
		case 409:
		case 412:
			return 'conflict';
		case 421:
			return 'misdirected';
		case 429:
			return 'rateLimited';
	}
	if (status >= 500 && status <= 599) return 'server';
	if (status >= 400 && status <= 499) return 'invalid';
	return 'badResponse';
}

const KIND_TEXT: Record<ApiErrorKind, string> = {
	network: 'Could not reach the server',
	timeout: 'The request timed out',
	cancelled: 'The request was cancelled',
	unauthorized: 'The server did not accept the credentials',
	forbidden: 'Access denied',
	notFound: 'Not found',
	misdirected: 'The tenant is not served by this host',
	invalid: 'The server rejected the request',
	conflict: 'The request conflicts with the current state',
	rateLimited: 'Too many requests',
	server: 'The server failed',
	badResponse: 'The server sent an unexpected response',
	insecure: 'Refusing to send credentials over plain http',
};

export function describeKind(kind: ApiErrorKind): string {
	return KIND_TEXT[kind];
}

/**
 * Parses `Retry-After`: delta-seconds or an HTTP date. Returns milliseconds from `now` (never negative),
 * or undefined when absent or unparseable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
	if (value == null) return undefined;
	const v = value.trim();
	if (v === '') return undefined;
	if (/^\d+$/.test(v)) {
		const seconds = Number(v);
		return Number.isSafeInteger(seconds) ? seconds * 1000 : undefined;
	}
	// HTTP dates always name a weekday or month; this keeps bare numbers like "1.5" from being read as dates.
	if (!/[a-z]/i.test(v)) return undefined;
	const at = Date.parse(v);
	if (Number.isNaN(at)) return undefined;
	return Math.max(0, at - now);
}

/** Reads `{Error, ErrorType, ErrorMessage}` from a body when it is that JSON; tolerates anything else. */
export function parseErrorBody(text: string): ErrorBody | undefined {
	const t = text.trimStart();
	if (!t.startsWith('{')) return undefined;
	try {
		const parsed: unknown = JSON.parse(t);
		if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
		const o = parsed as Record<string, unknown>;
		const body: ErrorBody = {};
		if (typeof o.Error === 'boolean') body.Error = o.Error;
		if (typeof o.ErrorType === 'string') body.ErrorType = o.ErrorType;
		if (typeof o.ErrorMessage === 'string') body.ErrorMessage = o.ErrorMessage;
		if (typeof o.ErrorSource === 'string') body.ErrorSource = o.ErrorSource;
		return body;
	} catch {
		return undefined;
	}
}

interface ResponseErrorInput {
	method: string;
	path: string;
	status: number;
	bodyText: string;
	retryAfter: string | null;
	/** Hides secrets the server might echo back in its message. */
	redact: (text: string) => string;
}

const MAX_SERVER_MESSAGE = 300;

/** Builds the ApiError for a non-success response. Whether a retry is safe depends on the method. */
export function errorFromResponse(input: ResponseErrorInput): ApiError {
	const { method, path, status } = input;
	const kind = kindForStatus(status);
	const body = parseErrorBody(input.bodyText);
	const errorType = body?.ErrorType ? input.redact(body.ErrorType) : undefined;
	let serverMessage = body?.ErrorMessage ? input.redact(body.ErrorMessage) : undefined;
	if (serverMessage && serverMessage.length > MAX_SERVER_MESSAGE) serverMessage = `${serverMessage.slice(0, MAX_SERVER_MESSAGE)}…`;
	const retryAfterMs = parseRetryAfter(input.retryAfter);
	const transient = kind === 'server' || kind === 'rateLimited' || kind === 'timeout';
	let message = `${describeKind(kind)} (HTTP ${status}) on ${method} ${path}`;
	if (errorType || serverMessage) message += `: ${[errorType, serverMessage].filter(Boolean).join(': ')}`;
	return new ApiError(kind, message, {
		status,
		errorType,
		serverMessage,
		retryable: method === 'GET' && transient,
		// A 5xx or 408 after the server read the request: it may have stored the message before failing.
		outcomeUnknown: method !== 'GET' && (kind === 'server' || kind === 'timeout'),
		retryAfterMs,
		method,
		path,
	});
}
