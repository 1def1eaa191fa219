// The client's option and trace types (Contract 1).
import { type Credentials } from './credentials';
import { type ApiErrorKind } from './errors';

/** Sent on every request when set: Accept-Language, SO-Language, SO-Culture, SO-TimeZone. */
export interface LocaleHeaders {
	acceptLanguage?: string;
	soLanguage?: string;
	soCulture?: string;
	soTimeZone?: string;
}

/** One per round trip (each redirect hop and each retry). Never carries headers or a host. */
export interface TraceEvent {
	method: string;
	/** Path without host, e.g. /Cust1/api/v1/ChatSession/5/Messages (only the `after` query is kept). */
	path: string;
	status?: number;
	ms: number;
	/** The stored message's id, for a successful post. */
	messageId?: number;
	errorKind?: ApiErrorKind;
	/** 1 for the first try; 2 after a token refresh or a move to a new host. */
	attempt?: number;
}

export interface RequestOptions {
	signal?: AbortSignal;
	timeoutMs?: number;
}

export interface ChatClientOptions {
	/** Anything users paste; normalised by normalizeBaseUrl(). */
	baseUrl: string;
	credentials?: Credentials;
	locale?: LocaleHeaders;
	/** Per attempt, redirects and body included; default: the requestTimeoutSeconds setting's default; 0 = none. */
	timeoutMs?: number;
	/** Allow credentials over http:// to a host that is not loopback. */
	allowInsecureHttp?: boolean;
	onTrace?: (e: TraceEvent) => void;
	/**
	 * Called on 421: may return a new base URL; the client then retries once there and keeps using it. What it
	 * throws is thrown by the request (a 421 was never processed, so nothing was posted).
	 */
	onMisdirected?: () => Promise<string | undefined>;
	/** Default globalThis.fetch. */
	fetch?: typeof fetch;
	userAgent?: string;
}
