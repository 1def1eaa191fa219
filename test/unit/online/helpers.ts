// Shared helpers for the Online sign-in tests: an RSA signing key with its JWKS, a JWT signer, a tiny HTTP
// server that records what it received, a closed port, and an assertion on OnlineAuthError.
import * as assert from 'node:assert/strict';
import { type KeyObject, generateKeyPair, sign } from 'node:crypto';
import type * as http from 'node:http';
import { promisify } from 'node:util';
import { OnlineAuthError, type OnlineAuthErrorKind } from '../../../src/online';
import { type Jwks } from '../../../src/online/idToken';
import { type OtherOrigin, type SeenRequest, startOtherOrigin } from '../api/helpers';

export interface SigningKey {
	kid: string;
	privateKey: KeyObject;
	publicKey: KeyObject;
}

const keyCache = new Map<string, Promise<SigningKey>>();

/** An RSA key pair, made once per kid for the whole run (key generation is the slow part). */
export function signingKey(kid: string): Promise<SigningKey> {
	let key = keyCache.get(kid);
	if (!key) {
		key = promisify(generateKeyPair)('rsa', { modulusLength: 2048 }).then(({ privateKey, publicKey }) => ({ kid, privateKey, publicKey }));
		keyCache.set(kid, key);
	}
	return key;
}

/** The JWKS a provider would publish for these keys (public parts only, with kid, use and alg). */
export function jwksOf(...keys: SigningKey[]): Jwks {
	return { keys: keys.map((k) => ({ ...k.publicKey.export({ format: 'jwk' }), kid: k.kid, use: 'sig', alg: 'RS256' })) };
}

function part(value: object): string {
	return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** A compact JWT signed with RS256 by `key`; `header` overrides or adds header fields. */
export function signJwt(claims: object, key: SigningKey, header: Record<string, unknown> = {}): string {
	const input = `${part({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header })}.${part(claims)}`;
	const signature = sign('sha256', Buffer.from(input, 'ascii'), key.privateKey).toString('base64url');
	return `${input}.${signature}`;
}

/** A JWT with the given header and claims and an arbitrary (unchecked) signature part. */
export function unsignedJwt(claims: object, header: Record<string, unknown>, signature = ''): string {
	return `${part(header)}.${part(claims)}.${signature}`;
}

export { closedPort, type SeenRequest } from '../api/helpers';
export type TinyServer = OtherOrigin;

/** A tiny HTTP server on a random port of 127.0.0.1 that records every request with its body (default answer: 404). */
export function startTinyServer(fn?: (req: SeenRequest, res: http.ServerResponse) => void): Promise<TinyServer> {
	return startOtherOrigin(
		fn ??
			((_req, res): void => {
				res.writeHead(404).end();
			}),
	);
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(body));
}

function checkError(e: unknown, kind: OnlineAuthErrorKind): OnlineAuthError {
	assert.ok(e instanceof OnlineAuthError, `expected an OnlineAuthError, got ${String(e)}`);
	assert.equal(e.kind, kind, `expected kind ${kind}, got ${e.kind}: ${e.message}`);
	return e;
}

/** Runs `fn`, which must throw an OnlineAuthError of the given kind, and returns the error. */
export function throwsKind(fn: () => unknown, kind: OnlineAuthErrorKind): OnlineAuthError {
	try {
		fn();
	} catch (e) {
		return checkError(e, kind);
	}
	assert.fail(`expected an OnlineAuthError of kind ${kind}, but the call succeeded`);
}

/** Awaits a promise that must reject with an OnlineAuthError of the given kind, and returns the error. */
export async function rejectsKind(promise: Promise<unknown>, kind: OnlineAuthErrorKind): Promise<OnlineAuthError> {
	try {
		await promise;
	} catch (e) {
		return checkError(e, kind);
	}
	assert.fail(`expected an OnlineAuthError of kind ${kind}, but the call succeeded`);
}

/** Asserts that none of the secrets occurs in the text. */
export function assertNoSecrets(text: string, secrets: readonly string[]): void {
	for (const s of secrets) assert.ok(!text.includes(s), `a secret leaked into: ${text}`);
}
