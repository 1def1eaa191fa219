// The request pipeline every call goes through: global fetch, timeout and cancellation through AbortSignal,
// redirects followed by hand (credentials never cross origins), error mapping, one trace event per round trip.
import { isInsecureForCredentials, normalizeBaseUrl } from './baseUrl';
import { type Credentials, checkToken, redact, secretsOf, staticAuthHeaders } from './credentials';
import { ApiError, describeKind, errorFromResponse } from './errors';
import { type ChatClientOptions, type RequestOptions, type TraceEvent } from './options';
import { nextHop, parseBody, REDIRECT_STATUSES, tracePath, transportError, withoutCredentials } from './responses';
import { SETTING_DEFAULTS } from '../shared/settingDefaults';

export interface Call {
	method: 'GET' | 'POST';
	/** Relative to the base URL, e.g. `/api/v1/ChatSession/5/Messages?after=3`. */
	rel: string;
	body?: string;
	/** Whether credentials go with the request (probe() sends none). */
	auth: boolean;
	options?: RequestOptions;
	/** Shape check of the parsed JSON; false makes the call fail with 'badResponse'. */
	accept: (data: unknown) => boolean;
	/** What was expected, for the badResponse message ("a chat message"). */
	what: string;
	/** A 2xx without a body (204, or empty) counts as JSON `null` instead of a badResponse. */
	emptyIsNull?: boolean;
}

const MAX_TRACKED_TOKENS = 16;

interface Target {
	base: string;
	/** Path part of the base, e.g. `/Cust1`, for traces. */
	path: string;
	origin: string;
	insecure: boolean;
}

type Outcome = { data: unknown } | { error: ApiError; retry?: 'refresh' | 'reroute' };

function headerValue(value: string, field: string): string {
	if (!/^[\x20-\x7e]*$/.test(value)) {
		throw new ApiError('invalid', `${field} contains characters that cannot be sent in an HTTP header.`, { field });
	}
	return value;
}

export class HttpPipeline {
	private target: Target;
	private readonly credentials: Credentials | undefined;
	private readonly allowInsecureHttp: boolean;
	private readonly timeoutMs: number;
	private readonly fetchFn: typeof fetch;
	private readonly onTrace: ((e: TraceEvent) => void) | undefined;
	private readonly onMisdirected: (() => Promise<string | undefined>) | undefined;
	private readonly secrets: string[];
	private readonly tokens: string[] = [];
	// Header records are built once and shared by every request (fetch copies them, never mutates them).
	private readonly plainGet: Record<string, string>;
	private readonly plainPost: Record<string, string>;
	private authGet: Record<string, string> | undefined;
	private authPost: Record<string, string> | undefined;
	private rerouting: Promise<string | undefined> | undefined;

	constructor(o: ChatClientOptions) {
		this.credentials = o.credentials;
		this.allowInsecureHttp = o.allowInsecureHttp === true;
		this.target = this.makeTarget(normalizeBaseUrl(o.baseUrl));
		this.timeoutMs = o.timeoutMs ?? SETTING_DEFAULTS.requestTimeoutSeconds * 1000;
		this.fetchFn = o.fetch ?? ((input, init) => globalThis.fetch(input, init));
		this.onTrace = o.onTrace;
		this.onMisdirected = o.onMisdirected;
		this.secrets = secretsOf(o.credentials);
		const plain: Record<string, string> = { Accept: 'application/json' };
		const l = o.locale;
		if (l?.acceptLanguage) plain['Accept-Language'] = headerValue(l.acceptLanguage, 'acceptLanguage');
		if (l?.soLanguage) plain['SO-Language'] = headerValue(l.soLanguage, 'soLanguage');
		if (l?.soCulture) plain['SO-Culture'] = headerValue(l.soCulture, 'soCulture');
		if (l?.soTimeZone) plain['SO-TimeZone'] = headerValue(l.soTimeZone, 'soTimeZone');
		if (o.userAgent) plain['User-Agent'] = headerValue(o.userAgent, 'userAgent');
		this.plainGet = plain;
		this.plainPost = { ...plain, 'Content-Type': 'application/json; charset=utf-8' };
	}

	get baseUrl(): string {
		return this.target.base;
	}

	/** Hides credentials (and tokens handed out by a provider) in text meant for logs or errors. */
	redact(text: string): string {
		return redact(text, this.tokens.length > 0 ? [...this.secrets, ...this.tokens] : this.secrets);
	}

	async request(call: Call): Promise<unknown> {
		let refreshed = false;
		let rerouted = false;
		let forceRefresh = false;
		for (let attempt = 1; ; attempt++) {
			const target = this.target;
			const outcome = await this.attempt(call, target, attempt, forceRefresh);
			forceRefresh = false;
			if ('data' in outcome) return outcome.data;
			if (outcome.retry === 'refresh' && !refreshed) {
				refreshed = true;
				forceRefresh = true;
				continue;
			}
			if (outcome.retry === 'reroute' && !rerouted) {
				rerouted = true;
				if (await this.reroute(target)) continue;
			}
			throw outcome.error;
		}
	}

	private makeTarget(base: string): Target {
		const url = new URL(base);
		return {
			base,
			path: url.pathname === '/' ? '' : url.pathname,
			origin: url.origin,
			insecure: isInsecureForCredentials(base, this.allowInsecureHttp),
		};
	}

	private headersFor(call: Call, forceRefresh: boolean): Record<string, string> | Promise<Record<string, string>> {
		const c = this.credentials;
		// A POST without a body (Pickup, Reset, ...) declares no Content-Type.
		const post = call.method === 'POST' && call.body !== undefined;
		if (!call.auth || !c) return post ? this.plainPost : this.plainGet;
		if ('tokenProvider' in c) return this.bearerHeaders(c.tokenProvider, post, forceRefresh);
		if (post) return (this.authPost ??= { ...this.plainPost, ...staticAuthHeaders(c) });
		return (this.authGet ??= { ...this.plainGet, ...staticAuthHeaders(c) });
	}

	private async bearerHeaders(
		provider: (opts: { forceRefresh: boolean }) => Promise<string>,
		post: boolean,
		forceRefresh: boolean,
	): Promise<Record<string, string>> {
		const token = checkToken(await provider({ forceRefresh }), 'token', 'access token');
		// Remember recent tokens so redact() can hide them too.
		if (!this.tokens.includes(token)) {
			this.tokens.push(token);
			if (this.tokens.length > MAX_TRACKED_TOKENS) this.tokens.shift();
		}
		return { ...(post ? this.plainPost : this.plainGet), Authorization: `Bearer ${token}` };
	}

	private async attempt(call: Call, target: Target, attempt: number, forceRefresh: boolean): Promise<Outcome> {
		const method = call.method;
		let path = target.path + call.rel;
		const sendsCredentials = call.auth && this.credentials !== undefined;
		if (sendsCredentials && target.insecure) {
			throw new ApiError('insecure', `${describeKind('insecure')} to a host that is not loopback; use https or allow insecure http.`, {
				method,
				path,
			});
		}
		const caller = call.options?.signal;
		const cancelledBeforeSending = (): ApiError =>
			new ApiError('cancelled', `${describeKind('cancelled')} (${method} ${path})`, { method, path, retryable: true });
		if (caller?.aborted) throw cancelledBeforeSending();
		const pending = this.headersFor(call, forceRefresh);
		// Only a token provider makes this asynchronous; skip the extra tick otherwise.
		let headers = pending instanceof Promise ? await pending : pending;
		if (caller?.aborted) throw cancelledBeforeSending();

		const timeoutMs = call.options?.timeoutMs ?? this.timeoutMs;
		const timer = timeoutMs > 0 && Number.isFinite(timeoutMs) ? AbortSignal.timeout(timeoutMs) : undefined;
		// Combine only when both exist: every signal handed to fetch costs it listeners and weak references.
		const signal = caller && timer ? AbortSignal.any([caller, timer]) : (caller ?? timer);
		const fail = (e: unknown, beforeResponse: boolean): ApiError =>
			transportError(e, { method, path, caller, timer, timeoutMs, beforeResponse });

		const fetchFn = this.fetchFn; // called unbound, as a browser-style fetch expects
		let url = target.base + call.rel;
		let sameOrigin = true;
		let response: Response;
		let started: number;
		for (let hops = 0; ; hops++) {
			started = performance.now();
			try {
				response = await fetchFn(url, { method, headers, body: call.body, redirect: 'manual', signal });
			} catch (e) {
				const err = fail(e, true);
				this.trace({ method, path, ms: performance.now() - started, errorKind: err.kind, attempt });
				throw err;
			}
			if (!REDIRECT_STATUSES.has(response.status)) break;
			this.trace({ method, path, status: response.status, ms: performance.now() - started, attempt });
			response.body?.cancel().catch(() => undefined);
			const next = nextHop(response, url, method, path, hops, target.origin);
			if (sameOrigin && next.origin !== target.origin) {
				sameOrigin = false;
				headers = withoutCredentials(headers);
			}
			url = next.href;
			path = tracePath(next);
		}

		let text: string;
		try {
			text = await response.text();
		} catch (e) {
			const err = fail(e, false);
			this.trace({ method, path, status: response.status, ms: performance.now() - started, errorKind: err.kind, attempt });
			throw err;
		}
		const status = response.status;
		if (status >= 200 && status <= 299) {
			const empty = call.emptyIsNull === true && (status === 204 || text.trim() === '');
			const data = empty
				? null
				: parseBody(text, response.headers.get('content-type'), { method, path, status, what: call.what, accept: call.accept });
			if (data instanceof ApiError) {
				this.trace({ method, path, status, ms: performance.now() - started, errorKind: data.kind, attempt });
				throw data;
			}
			// Other POSTs answer null, a string or a session: only a chat message has an id worth tracing.
			const messageId =
				method === 'POST' && data !== null && typeof data === 'object' ? (data as { ChatMessageId?: unknown }).ChatMessageId : undefined;
			this.trace({
				method,
				path,
				status,
				ms: performance.now() - started,
				attempt,
				messageId: typeof messageId === 'number' ? messageId : undefined,
			});
			return { data };
		}
		const error = errorFromResponse({
			method,
			path,
			status,
			bodyText: text,
			retryAfter: response.headers.get('retry-after'),
			redact: (t) => this.redact(t),
		});
		this.trace({ method, path, status, ms: performance.now() - started, errorKind: error.kind, attempt });
		// A 401 or 421 means the request was refused before anything was stored, so repeating it is safe.
		// (fetch itself already re-sent a 421 once on a fresh connection, as the Fetch standard says.)
		if (status === 401 && sameOrigin && sendsCredentials && this.credentials && 'tokenProvider' in this.credentials) {
			return { error, retry: 'refresh' };
		}
		if (status === 421 && sameOrigin && this.onMisdirected) return { error, retry: 'reroute' };
		return { error };
	}

	private async reroute(failed: Target): Promise<boolean> {
		// Another request already moved the client to a new host: just retry there.
		if (this.target !== failed) return true;
		const onMisdirected = this.onMisdirected;
		if (!onMisdirected) return false;
		const pending = (this.rerouting ??= onMisdirected().finally(() => {
			this.rerouting = undefined;
		}));
		// A throw (e.g. "the tenant is in maintenance") is the caller's answer and reaches the user as is.
		const next = await pending;
		if (this.target !== failed) return true;
		if (!next) return false;
		let base: string;
		try {
			base = normalizeBaseUrl(next);
		} catch {
			return false;
		}
		if (base === failed.base) return false;
		this.target = this.makeTarget(base);
		return true;
	}

	private trace(e: TraceEvent): void {
		if (!this.onTrace) return;
		const event: TraceEvent = { method: e.method, path: e.path, ms: Math.round(e.ms * 10) / 10 };
		if (e.status !== undefined) event.status = e.status;
		if (e.messageId !== undefined) event.messageId = e.messageId;
		if (e.errorKind !== undefined) event.errorKind = e.errorKind;
		if (e.attempt !== undefined) event.attempt = e.attempt;
		try {
			this.onTrace(event);
		} catch {
			// A failing trace sink must not fail the request.
		}
	}
}
