// id_token checks (OpenID Connect Core §3.1.3.7): signature with a key from the provider's JWKS, issuer,
// audience, expiry, nonce; then the SuperOffice claims (tenant, Web API URL, user) the connection is made from.
import { type JsonWebKey, type KeyObject, createPublicKey, verify } from 'node:crypto';
import { normalizeBaseUrl } from '../api';
import { isAcceptableUrl } from './environments';
import { OnlineAuthError } from './errors';

/** Claim names SuperOffice prefixes with this namespace. */
export const SO_CLAIM = 'http://schemes.superoffice.net/identity/';

export interface Jwks {
	keys: (JsonWebKey & { kid?: string; use?: string; alg?: string })[];
}

export interface IdTokenClaims {
	iss: string;
	sub: string;
	aud: string | string[];
	exp: number;
	iat?: number;
	nonce?: string;
	azp?: string;
	[claim: string]: unknown;
}

export interface IdTokenExpectations {
	issuer: string;
	clientId: string;
	/** The nonce sent in the authorization request; omitted for refreshed id_tokens (they need not carry one). */
	nonce?: string;
	nowMs: number;
	/** Clock skew allowed on exp/iat, default 120 s. */
	skewSeconds?: number;
}

const ALGORITHMS: Record<string, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };

function invalid(check: string, message: string): OnlineAuthError {
	return new OnlineAuthError('invalidIdToken', message, { check });
}

function decodePart(part: string, what: string): Record<string, unknown> {
	try {
		const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
		if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error();
		return v as Record<string, unknown>;
	} catch {
		throw invalid('format', `The id_token's ${what} is not valid JSON.`);
	}
}

function keyFor(jwks: Jwks, kid: unknown): KeyObject {
	const candidates = (jwks.keys ?? []).filter((k) => k.kty === 'RSA' && (k.use === undefined || k.use === 'sig'));
	const matching = typeof kid === 'string' ? candidates.filter((k) => k.kid === kid) : candidates;
	if (matching.length !== 1) {
		throw invalid(
			'signature',
			typeof kid === 'string' ? 'No key of the provider matches the id_token.' : 'The id_token does not say which key signed it.',
		);
	}
	try {
		return createPublicKey({ key: matching[0], format: 'jwk' });
	} catch {
		throw invalid('signature', "The provider's signing key is not usable.");
	}
}

/** Verifies an id_token and returns its claims; throws OnlineAuthError('invalidIdToken') naming the failed check. */
export function verifyIdToken(token: string, jwks: Jwks, expect: IdTokenExpectations): IdTokenClaims {
	const parts = typeof token === 'string' ? token.split('.') : [];
	if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) throw invalid('format', 'The id_token is not a signed JWT.');
	const header = decodePart(parts[0], 'header');
	const hash = typeof header.alg === 'string' ? ALGORITHMS[header.alg] : undefined;
	if (!hash) throw invalid('signature', `The id_token is signed with an algorithm that is not accepted (${String(header.alg)}).`);
	const key = keyFor(jwks, header.kid);
	const signed = Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii');
	if (!verify(hash, signed, key, Buffer.from(parts[2], 'base64url'))) throw invalid('signature', "The id_token's signature is not valid.");

	const c = decodePart(parts[1], 'payload');
	const skew = (expect.skewSeconds ?? 120) * 1000;
	if (c.iss !== expect.issuer) throw invalid('issuer', 'The id_token was issued by someone else than the provider.');
	const aud = c.aud;
	const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
	if (!audiences.includes(expect.clientId)) throw invalid('audience', 'The id_token was issued for another application.');
	if (audiences.length > 1 && c.azp !== expect.clientId) throw invalid('audience', 'The id_token was issued for another application.');
	if (typeof c.exp !== 'number') throw invalid('expired', 'The id_token has no expiry.');
	if (c.exp * 1000 + skew < expect.nowMs) throw invalid('expired', 'The id_token has expired.');
	if (typeof c.iat === 'number' && c.iat * 1000 - skew > expect.nowMs) throw invalid('expired', 'The id_token was issued in the future.');
	if (expect.nonce !== undefined && c.nonce !== expect.nonce) {
		throw invalid('nonce', 'The id_token does not answer this sign-in (nonce mismatch).');
	}
	if (typeof c.sub !== 'string' || c.sub === '') throw invalid('claims', 'The id_token names no user.');
	return c as IdTokenClaims;
}

/** Who signed in and where their tenant's API is. */
export interface OnlineIdentity {
	/** The provider's subject id of the user. */
	subject: string;
	/** The tenant (context identifier), e.g. Cust12345. */
	tenant: string;
	/** The API base URL from `webapi_url`, normalised (no `/api`), e.g. https://sod2.superoffice.com/Cust12345. */
	baseUrl: string;
	/** What to show for the user: e-mail, UPN or subject. */
	userName: string;
	companyName?: string;
}

function claim(c: IdTokenClaims, name: string): unknown {
	return c[SO_CLAIM + name];
}

export function identityFromClaims(c: IdTokenClaims): OnlineIdentity {
	const tenant = claim(c, 'ctx');
	if (typeof tenant !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(tenant)) throw invalid('claims', 'The id_token names no tenant (ctx).');
	const webApiUrl = claim(c, 'webapi_url');
	if (!isAcceptableUrl(webApiUrl)) throw invalid('claims', "The id_token has no usable address of the tenant's Web API (webapi_url).");
	const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
	const userName = text(claim(c, 'email')) ?? text(c.email) ?? text(claim(c, 'upn')) ?? c.sub;
	let baseUrl: string;
	try {
		baseUrl = normalizeBaseUrl(webApiUrl);
	} catch {
		throw invalid('claims', "The id_token has no usable address of the tenant's Web API (webapi_url).");
	}
	const identity: OnlineIdentity = { subject: c.sub, tenant, baseUrl, userName };
	const company = text(claim(c, 'company_name'));
	if (company) identity.companyName = company;
	return identity;
}
