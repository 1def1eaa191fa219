import * as assert from 'node:assert/strict';
import { sign } from 'node:crypto';
import { type IdTokenClaims, verifyIdToken } from '../../../src/online';
import { type IdTokenExpectations, type Jwks } from '../../../src/online/idToken';
import { type SigningKey, assertNoSecrets, jwksOf, signJwt, signingKey, throwsKind, unsignedJwt } from './helpers';

const ISSUER = 'https://sod.superoffice.com';
const CLIENT = 'client-1';
const NOW = Date.parse('2026-03-01T12:00:00Z');
const NOW_S = NOW / 1000;

function claims(over: Record<string, unknown> = {}): Record<string, unknown> {
	return { iss: ISSUER, aud: CLIENT, sub: 'user-42', iat: NOW_S - 10, exp: NOW_S + 3600, nonce: 'n-123', ...over };
}

describe('online/idToken verifyIdToken', () => {
	let key: SigningKey;
	let other: SigningKey;
	let jwks: Jwks;
	const expect: IdTokenExpectations = { issuer: ISSUER, clientId: CLIENT, nonce: 'n-123', nowMs: NOW };

	before(async () => {
		[key, other] = await Promise.all([signingKey('key-1'), signingKey('key-2')]);
		jwks = jwksOf(key);
	});

	/** Asserts the token fails with invalidIdToken naming `check`, and that the message does not carry the token. */
	function fails(token: string, check: string, expectations = expect, keys = jwks): void {
		const e = throwsKind(() => verifyIdToken(token, keys, expectations), 'invalidIdToken');
		assert.equal(e.check, check, e.message);
		assertNoSecrets(e.message, [token, ...token.split('.').filter((p) => p.length > 8)]);
	}

	it('accepts a valid token and returns its claims', () => {
		const extra = { 'http://schemes.superoffice.net/identity/ctx': 'Cust1' };
		const c: IdTokenClaims = verifyIdToken(signJwt(claims(extra), key), jwks, expect);
		assert.equal(c.sub, 'user-42');
		assert.equal(c.iss, ISSUER);
		assert.equal(c.aud, CLIENT);
		assert.equal(c.nonce, 'n-123');
		assert.equal(c['http://schemes.superoffice.net/identity/ctx'], 'Cust1');
	});

	it('picks the key named by kid from a JWKS with several keys', () => {
		const both = jwksOf(key, other);
		assert.equal(verifyIdToken(signJwt(claims(), other), both, expect).sub, 'user-42');
		assert.equal(verifyIdToken(signJwt(claims(), key), both, expect).sub, 'user-42');
	});

	it('refuses a token whose signature was changed', () => {
		const token = signJwt(claims(), key);
		const [h, p, s] = token.split('.');
		const sig = Buffer.from(s, 'base64url');
		sig[10] ^= 0x01;
		fails(`${h}.${p}.${sig.toString('base64url')}`, 'signature');
	});

	it('refuses a token whose payload was changed after signing', () => {
		const [h, , s] = signJwt(claims(), key).split('.');
		const forged = Buffer.from(JSON.stringify(claims({ sub: 'admin' }))).toString('base64url');
		fails(`${h}.${forged}.${s}`, 'signature');
	});

	it('refuses a token signed by another key under a known kid', () => {
		fails(signJwt(claims(), other, { kid: key.kid }), 'signature');
	});

	it('refuses a token whose kid is not in the JWKS', () => {
		fails(signJwt(claims(), other), 'signature');
	});

	it('refuses a token without kid when the JWKS has several keys', () => {
		fails(signJwt(claims(), key, { kid: undefined }), 'signature', expect, jwksOf(key, other));
	});

	it('accepts a token without kid when the JWKS has exactly one key', () => {
		assert.equal(verifyIdToken(signJwt(claims(), key, { kid: undefined }), jwks, expect).sub, 'user-42');
	});

	it('refuses keys meant for encryption', () => {
		const encOnly: Jwks = { keys: jwks.keys.map((k) => ({ ...k, use: 'enc' })) };
		fails(signJwt(claims(), key), 'signature', expect, encOnly);
	});

	it('refuses alg none, also with an empty signature', () => {
		fails(unsignedJwt(claims(), { alg: 'none', kid: 'key-1' }), 'signature');
		fails(unsignedJwt(claims(), { alg: 'none' }, 'AAAA'), 'signature');
	});

	it('refuses HS256 (no symmetric algorithms, even keyed with public material)', () => {
		fails(unsignedJwt(claims(), { alg: 'HS256', kid: 'key-1' }, 'c2lnbmF0dXJlc2lnbmF0dXJl'), 'signature');
	});

	it('refuses an RS256 token with an empty signature', () => {
		fails(unsignedJwt(claims(), { alg: 'RS256', kid: 'key-1' }, ''), 'signature');
	});

	it('refuses another issuer', () => {
		fails(signJwt(claims({ iss: 'https://evil.example.com' }), key), 'issuer');
		fails(signJwt(claims({ iss: 'https://online.superoffice.com' }), key), 'issuer');
	});

	it('refuses another audience', () => {
		fails(signJwt(claims({ aud: 'client-2' }), key), 'audience');
		fails(signJwt(claims({ aud: undefined }), key), 'audience');
	});

	it('refuses several audiences unless azp is this client', () => {
		fails(signJwt(claims({ aud: [CLIENT, 'client-2'] }), key), 'audience');
		fails(signJwt(claims({ aud: [CLIENT, 'client-2'], azp: 'client-2' }), key), 'audience');
		assert.equal(verifyIdToken(signJwt(claims({ aud: [CLIENT, 'client-2'], azp: CLIENT }), key), jwks, expect).sub, 'user-42');
		assert.equal(verifyIdToken(signJwt(claims({ aud: [CLIENT] }), key), jwks, expect).sub, 'user-42');
	});

	it('refuses an expired token beyond the clock skew and accepts one within it', () => {
		fails(signJwt(claims({ iat: NOW_S - 4000, exp: NOW_S - 121 }), key), 'expired');
		assert.equal(verifyIdToken(signJwt(claims({ iat: NOW_S - 4000, exp: NOW_S - 119 }), key), jwks, expect).sub, 'user-42');
		assert.equal(
			verifyIdToken(signJwt(claims({ iat: NOW_S - 4000, exp: NOW_S - 120 }), key), jwks, expect).sub,
			'user-42',
			'exactly at the skew',
		);
	});

	it('honours a custom clock skew', () => {
		const token = signJwt(claims({ exp: NOW_S - 30 }), key);
		fails(token, 'expired', { ...expect, skewSeconds: 0 });
		assert.equal(verifyIdToken(token, jwks, { ...expect, skewSeconds: 60 }).sub, 'user-42');
	});

	it('refuses a token without expiry', () => {
		fails(signJwt(claims({ exp: undefined }), key), 'expired');
		fails(signJwt(claims({ exp: String(NOW_S + 3600) }), key), 'expired');
	});

	it('refuses a token issued in the future beyond the skew', () => {
		fails(signJwt(claims({ iat: NOW_S + 121 }), key), 'expired');
		assert.equal(verifyIdToken(signJwt(claims({ iat: NOW_S + 100 }), key), jwks, expect).sub, 'user-42');
	});

	it('refuses a wrong or missing nonce when one is expected', () => {
		fails(signJwt(claims({ nonce: 'n-999' }), key), 'nonce');
		fails(signJwt(claims({ nonce: undefined }), key), 'nonce');
	});

	it('does not check the nonce when none is expected (refreshed id_token)', () => {
		const refreshed = { issuer: ISSUER, clientId: CLIENT, nowMs: NOW };
		assert.equal(verifyIdToken(signJwt(claims({ nonce: undefined }), key), jwks, refreshed).sub, 'user-42');
		assert.equal(verifyIdToken(signJwt(claims({ nonce: 'anything' }), key), jwks, refreshed).sub, 'user-42');
	});

	it('refuses a token that names no user', () => {
		fails(signJwt(claims({ sub: undefined }), key), 'claims');
		fails(signJwt(claims({ sub: '' }), key), 'claims');
	});

	it('refuses malformed tokens as format', () => {
		const good = signJwt(claims(), key);
		const [h, p, s] = good.split('.');
		for (const bad of ['', 'abc', `${h}.${p}`, `${good}.x`, `${h}.${p}.${s}=`, `${h}.${p}+.${s}`, `${h} .${p}.${s}`]) {
			const e = throwsKind(() => verifyIdToken(bad, jwks, expect), 'invalidIdToken');
			assert.equal(e.check, 'format', `${JSON.stringify(bad)}: ${e.message}`);
		}
		fails(`${Buffer.from('not json').toString('base64url')}.${p}.${s}`, 'format');
		fails(`${Buffer.from('[1,2]').toString('base64url')}.${p}.${s}`, 'format');
		const e = throwsKind(() => verifyIdToken(undefined as unknown as string, jwks, expect), 'invalidIdToken');
		assert.equal(e.check, 'format');
	});

	it('refuses a correctly signed payload that is not a JSON object', () => {
		const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: key.kid })).toString('base64url');
		const payload = Buffer.from('"just a string"').toString('base64url');
		const sig = sign('sha256', Buffer.from(`${header}.${payload}`), key.privateKey).toString('base64url');
		fails(`${header}.${payload}.${sig}`, 'format');
	});
});
