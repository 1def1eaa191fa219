// The token endpoint (code exchange and refresh) and the arithmetic of when a token needs refreshing.
import { OnlineAuthError, fetchFailure } from './errors';

export interface TokenSet {
	accessToken: string;
	refreshToken?: string;
	idToken?: string;
	/** Epoch ms when the access token was received. */
	issuedAt: number;
	/** Epoch ms when the access token expires (issuedAt + expires_in). */
	expiresAt: number;
}

export interface ClientAuth {
	clientId: string;
	/** Sent as client_secret_post when the application has one. */
	clientSecret?: string;
}

/** When the provider leaves out expires_in: SuperOffice's access tokens live an hour. */
export const DEFAULT_EXPIRES_IN_SECONDS = 3600;
/** Refresh at most this long before expiry... */
const MAX_REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** ...and at most this share of the token's life, so short-lived tokens are still used for most of it. */
const REFRESH_MARGIN_SHARE = 0.2;

/** Epoch ms from which a token should be refreshed before use. */
export function refreshDueAt(t: Pick<TokenSet, 'issuedAt' | 'expiresAt'>): number {
	const lifetime = Math.max(0, t.expiresAt - t.issuedAt);
	return t.expiresAt - Math.min(MAX_REFRESH_MARGIN_MS, lifetime * REFRESH_MARGIN_SHARE);
}

export function needsRefresh(t: Pick<TokenSet, 'issuedAt' | 'expiresAt'>, nowMs: number): boolean {
	return nowMs >= refreshDueAt(t);
}

/**
 * A token response → TokenSet. A refresh response without a new refresh_token keeps the previous one
 * (SuperOffice's refresh tokens are reusable and not rotated).
 */
export function parseTokenResponse(json: unknown, nowMs: number, previous?: TokenSet): TokenSet {
	const o = (json ?? {}) as Record<string, unknown>;
	if (typeof o.access_token !== 'string' || !/^[\x21-\x7e]+$/.test(o.access_token)) {
		throw new OnlineAuthError('token', 'The token endpoint answered without a usable access token.');
	}
	if (typeof o.token_type === 'string' && o.token_type.toLowerCase() !== 'bearer') {
		throw new OnlineAuthError('token', `The token endpoint answered an unsupported token type (${o.token_type}).`);
	}
	const raw = typeof o.expires_in === 'string' ? Number(o.expires_in) : o.expires_in;
	const expiresIn = typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_EXPIRES_IN_SECONDS;
	const t: TokenSet = { accessToken: o.access_token, issuedAt: nowMs, expiresAt: nowMs + expiresIn * 1000 };
	const refresh = typeof o.refresh_token === 'string' && o.refresh_token !== '' ? o.refresh_token : previous?.refreshToken;
	if (refresh) t.refreshToken = refresh;
	if (typeof o.id_token === 'string' && o.id_token !== '') t.idToken = o.id_token;
	return t;
}

export interface TokenRequestContext {
	tokenEndpoint: string;
	client: ClientAuth;
	fetch: typeof fetch;
	signal?: AbortSignal;
	nowMs: () => number;
}

async function postTokenRequest(ctx: TokenRequestContext, params: Record<string, string>, previous?: TokenSet): Promise<TokenSet> {
	const body = new URLSearchParams({ ...params, client_id: ctx.client.clientId });
	if (ctx.client.clientSecret) body.set('client_secret', ctx.client.clientSecret);
	let res: Response;
	try {
		res = await ctx.fetch(ctx.tokenEndpoint, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body,
			redirect: 'error',
			signal: ctx.signal,
		});
	} catch (e) {
		throw fetchFailure(e, 'The token request');
	}
	const text = await res.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	if (res.ok && json !== undefined) return parseTokenResponse(json, ctx.nowMs(), previous);
	const o = (json ?? {}) as Record<string, unknown>;
	const oauthError = typeof o.error === 'string' ? o.error : undefined;
	// error_description is written by the provider for people; cut it so a misbehaving server cannot flood the UI.
	const description = typeof o.error_description === 'string' ? o.error_description.slice(0, 300) : undefined;
	const details = { status: res.status, ...(oauthError ? { oauthError } : {}), ...(description ? { description } : {}) };
	if (oauthError === 'invalid_client' || (res.status === 401 && !oauthError)) {
		if (!ctx.client.clientSecret) {
			throw new OnlineAuthError(
				'clientSecretRequired',
				'The token endpoint requires the application to authenticate with its client secret.',
				details,
			);
		}
		throw new OnlineAuthError('token', 'The token endpoint did not accept the application (client id or secret).', details);
	}
	if (params.grant_type === 'refresh_token' && (oauthError === 'invalid_grant' || res.status === 400 || res.status === 401)) {
		throw new OnlineAuthError('refreshFailed', 'The sign-in can no longer be renewed; sign in again.', details);
	}
	throw new OnlineAuthError(
		'token',
		`The token endpoint refused the request (HTTP ${res.status}${oauthError ? `, ${oauthError}` : ''}).`,
		details,
	);
}

export function exchangeCode(ctx: TokenRequestContext, code: string, redirectUri: string, codeVerifier: string): Promise<TokenSet> {
	return postTokenRequest(ctx, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier });
}

export function refreshTokens(ctx: TokenRequestContext, previous: TokenSet): Promise<TokenSet> {
	if (!previous.refreshToken) {
		return Promise.reject(new OnlineAuthError('refreshFailed', 'There is no refresh token; sign in again.'));
	}
	return postTokenRequest(ctx, { grant_type: 'refresh_token', refresh_token: previous.refreshToken }, previous);
}

/** Best effort (RFC 7009): true when the provider confirmed. Never throws. */
export async function revokeToken(
	ctx: TokenRequestContext & { revocationEndpoint: string },
	token: string,
	hint: 'refresh_token' | 'access_token',
): Promise<boolean> {
	const body = new URLSearchParams({ token, token_type_hint: hint, client_id: ctx.client.clientId });
	if (ctx.client.clientSecret) body.set('client_secret', ctx.client.clientSecret);
	try {
		const res = await ctx.fetch(ctx.revocationEndpoint, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body,
			redirect: 'error',
			signal: ctx.signal,
		});
		await res.arrayBuffer();
		return res.ok;
	} catch {
		return false;
	}
}
