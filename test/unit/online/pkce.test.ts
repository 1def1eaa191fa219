import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { base64url, challengeOf, createPkce, isValidVerifier, randomToken } from '../../../src/online/pkce';

const BASE64URL = /^[A-Za-z0-9_-]+$/;

describe('online/pkce', () => {
	it('matches the example of RFC 7636 appendix B', () => {
		assert.equal(challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
	});

	it('makes a 43-character verifier of the RFC 7636 alphabet with its S256 challenge', () => {
		const p = createPkce();
		assert.equal(p.method, 'S256');
		assert.equal(p.verifier.length, 43);
		assert.match(p.verifier, /^[A-Za-z0-9\-._~]{43,128}$/);
		assert.ok(isValidVerifier(p.verifier));
		const expected = createHash('sha256').update(p.verifier).digest('base64url');
		assert.equal(p.challenge, expected);
		assert.match(p.challenge, BASE64URL);
		assert.equal(p.challenge.length, 43);
		assert.ok(!p.challenge.includes('='), 'no padding');
	});

	it('never repeats a verifier, state or nonce', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 200; i++) {
			seen.add(createPkce().verifier);
			seen.add(randomToken(16));
			seen.add(randomToken());
		}
		assert.equal(seen.size, 600);
	});

	it('makes state and nonce tokens of base64url from the asked number of random bytes', () => {
		assert.equal(randomToken(16).length, 22);
		assert.equal(randomToken().length, 43);
		for (let i = 0; i < 20; i++) assert.match(randomToken(16), BASE64URL);
	});

	it('encodes base64url without padding', () => {
		assert.equal(base64url(Uint8Array.from([0xfb, 0xff, 0xfe])), '-__-');
		assert.equal(base64url(Uint8Array.from([1])), 'AQ');
	});

	it('accepts only verifiers of 43 to 128 unreserved characters', () => {
		assert.ok(isValidVerifier('a'.repeat(43)));
		assert.ok(isValidVerifier(`${'A'.repeat(124)}-._~`));
		assert.ok(!isValidVerifier('a'.repeat(42)), 'too short');
		assert.ok(!isValidVerifier('a'.repeat(129)), 'too long');
		assert.ok(!isValidVerifier(`${'a'.repeat(42)}+`), 'plus');
		assert.ok(!isValidVerifier(`${'a'.repeat(42)}/`), 'slash');
		assert.ok(!isValidVerifier(`${'a'.repeat(42)}=`), 'padding');
		assert.ok(!isValidVerifier(`${'a'.repeat(42)} `), 'space');
	});
});
