// The one error type of Online sign-in. `kind` is what the UI switches on (texts are localised there);
// `message` is short plain English for the log and never carries a token, code, verifier or secret.

export type OnlineAuthErrorKind =
	/** The user cancelled (progress Cancel, closed a prompt). */
	| 'cancelled'
	/** No answer from the browser in time. */
	| 'timeout'
	/** The provider sent the user back with error=... (e.g. access_denied). */
	| 'denied'
	/** The callback's state did not match: not our request (or a forged one). */
	| 'stateMismatch'
	/** Discovery document missing, unreachable or unusable. */
	| 'discovery'
	/** The token endpoint refused or answered nonsense. */
	| 'token'
	/** The token endpoint wants the application's client secret. */
	| 'clientSecretRequired'
	/** The id_token failed a check (signature, issuer, audience, expiry, nonce, claims). */
	| 'invalidIdToken'
	/** The refresh token no longer works: the user must sign in again. */
	| 'refreshFailed'
	/** The tenant state API says the tenant cannot be used now (maintenance, suspended, ...). */
	| 'tenantUnavailable'
	/** The tenant state API could not be asked or answered nonsense. */
	| 'tenantState'
	/** A bad setting or input (authority URL, client id). */
	| 'invalid'
	/** The network failed (DNS, refused, reset). */
	| 'network';

interface OnlineAuthErrorDetails {
	/** The OAuth `error` code from the provider, e.g. invalid_grant. */
	oauthError?: string;
	/** The provider's error_description (never holds a secret in OAuth). */
	description?: string;
	status?: number;
	/** For tenantUnavailable: the tenant's State name. */
	tenantState?: string;
	/** For tenant errors: the context identifier. */
	tenant?: string;
	/** Which id_token check failed: signature, issuer, audience, expired, nonce, claims, format. */
	check?: string;
}

export class OnlineAuthError extends Error {
	readonly kind: OnlineAuthErrorKind;
	readonly oauthError?: string;
	readonly description?: string;
	readonly status?: number;
	readonly tenantState?: string;
	readonly tenant?: string;
	readonly check?: string;

	constructor(kind: OnlineAuthErrorKind, message: string, details: OnlineAuthErrorDetails = {}) {
		super(message);
		this.name = 'OnlineAuthError';
		this.kind = kind;
		if (details.oauthError !== undefined) this.oauthError = details.oauthError;
		if (details.description !== undefined) this.description = details.description;
		if (details.status !== undefined) this.status = details.status;
		if (details.tenantState !== undefined) this.tenantState = details.tenantState;
		if (details.tenant !== undefined) this.tenant = details.tenant;
		if (details.check !== undefined) this.check = details.check;
	}
}

export function isOnlineAuthError(err: unknown): err is OnlineAuthError {
	return (
		err instanceof OnlineAuthError ||
		(err instanceof Error && err.name === 'OnlineAuthError' && typeof (err as { kind?: unknown }).kind === 'string')
	);
}

/** Maps a fetch failure (thrown, not an HTTP status) to cancelled / timeout / network. */
export function fetchFailure(err: unknown, what: string): OnlineAuthError {
	const name = err instanceof Error ? err.name : '';
	if (name === 'AbortError') return new OnlineAuthError('cancelled', `${what} was cancelled.`);
	if (name === 'TimeoutError') return new OnlineAuthError('timeout', `${what} timed out.`);
	const code = (err as { cause?: { code?: unknown } } | undefined)?.cause?.code;
	return new OnlineAuthError('network', `${what} failed: ${typeof code === 'string' ? code : 'network error'}.`);
}
