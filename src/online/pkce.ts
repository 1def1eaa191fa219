// PKCE (RFC 7636, S256) and the one-time random values of an authorization request.
import { createHash, randomBytes } from 'node:crypto';

interface Pkce {
	/** 43 characters of base64url (32 random bytes): kept in memory only, sent once to the token endpoint. */
	verifier: string;
	/** base64url(SHA-256(verifier)). */
	challenge: string;
	method: 'S256';
}

export function base64url(bytes: Uint8Array): string {
	return Buffer.from(bytes).toString('base64url');
}

/** A random base64url string of `bytes` random bytes (state, nonce, verifier). */
export function randomToken(bytes = 32): string {
	return base64url(randomBytes(bytes));
}

export function challengeOf(verifier: string): string {
	return base64url(createHash('sha256').update(verifier, 'ascii').digest());
}

export function createPkce(): Pkce {
	const verifier = randomToken(32);
	return { verifier, challenge: challengeOf(verifier), method: 'S256' };
}

/** RFC 7636 §4.1: 43–128 characters of [A-Z a-z 0-9 - . _ ~]. */
export function isValidVerifier(v: string): boolean {
	return /^[A-Za-z0-9\-._~]{43,128}$/.test(v);
}
