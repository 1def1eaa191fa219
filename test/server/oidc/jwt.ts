// The provider's signing key and the id_token tampering the tests ask for. Claim changes are re-signed with the
// same key, so a client that checks only the signature still accepts them; only claim checks catch them.
import { type JsonWebKey, type KeyObject, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

export type TamperMode = 'none' | 'badSignature' | 'wrongAudience' | 'wrongIssuer' | 'expired';

export interface SigningKey {
	readonly kid: string;
	readonly privateKey: KeyObject;
	/** Private JWK (kid, alg RS256, use sig) as the provider's `jwks` wants it. Never printed. */
	readonly privateJwk: JsonWebKey;
}

export function generateSigningKey(): SigningKey {
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const kid = `local-${randomBytes(6).toString('hex')}`;
	return { kid, privateKey, privateJwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}

const encodePart = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

export interface DecodedJwt {
	header: Record<string, unknown>;
	payload: Record<string, unknown>;
	signingInput: string;
	signature: Buffer;
}

/** Splits and decodes a compact JWS without verifying anything. */
export function decodeJwt(token: string): DecodedJwt {
	const parts = token.split('.');
	if (parts.length !== 3) throw new Error('not a compact JWS (expected three parts)');
	const json = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
	return {
		header: json(parts[0]),
		payload: json(parts[1]),
		signingInput: `${parts[0]}.${parts[1]}`,
		signature: Buffer.from(parts[2], 'base64url'),
	};
}

export function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
	const input = `${encodePart(header)}.${encodePart(payload)}`;
	return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

export interface TamperContext {
	key: SigningKey;
	/** What a user types as authority (issuer + '/login'); used as the wrong issuer, the classic mix-up. */
	authority: string;
}

/**
 * Rewrites an id_token:
 * - badSignature: same header and claims, signature bytes flipped;
 * - wrongAudience: aud = an app id that is not the caller's;
 * - wrongIssuer: iss = the authority (origin + '/login') instead of the bare origin;
 * - expired: iat/nbf two hours ago, exp one hour ago (far beyond any clock skew allowance).
 */
export function tamperIdToken(token: string, mode: TamperMode, c: TamperContext): string {
	if (mode === 'none') return token;
	const jwt = decodeJwt(token);
	if (mode === 'badSignature') {
		const flipped = Buffer.from(jwt.signature);
		for (let i = 0; i < Math.min(8, flipped.length); i++) flipped[i] ^= 0xff;
		return `${jwt.signingInput}.${flipped.toString('base64url')}`;
	}
	const payload = { ...jwt.payload };
	const now = Math.floor(Date.now() / 1000);
	switch (mode) {
		case 'wrongAudience':
			payload.aud = 'another-application-id';
			break;
		case 'wrongIssuer':
			payload.iss = c.authority;
			break;
		case 'expired':
			payload.iat = now - 7200;
			if ('nbf' in payload) payload.nbf = now - 7200;
			payload.exp = now - 3600;
			break;
	}
	return signJwt({ ...jwt.header, kid: c.key.kid }, payload, c.key.privateKey);
}
