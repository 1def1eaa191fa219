// A provider + SuperOffice server + loopback redirect listener for one describe block, and the plain-HTTP steps
// of a code flow done by hand (no client code involved), for testing the harness itself.
import * as assert from 'node:assert/strict';
import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import * as http from 'node:http';
import { type AddressInfo } from 'node:net';
import { type LocalOidc, startOidcProvider } from '../../server/oidc';
import { completeLogin } from '../../server/oidcLogin';
import { type LocalServer, startServer } from '../../server/server';

export interface Discovery {
	issuer: string;
	authorization_endpoint: string;
	token_endpoint: string;
	jwks_uri: string;
	revocation_endpoint: string;
	[key: string]: unknown;
}
export type Json = Record<string, unknown>;
export interface Tokens {
	access_token: string;
	refresh_token: string;
	id_token: string;
	expires_in: number;
	token_type: string;
}

export const b64 = (buf: Buffer): string => buf.toString('base64url');
export const claimsOf = (jwt: string): Json => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));

export interface OidcFixture {
	oidc: LocalOidc;
	server: LocalServer;
	discovery: Discovery;
	jwks: { keys: Json[] };
	redirectUri: string;
	/** Request URLs the loopback redirect listener received. */
	callbacks: string[];
	authorize(clientId: string, extra?: Record<string, string>): { url: string; verifier: string; state: string; nonce: string };
	post(endpoint: string, form: Record<string, string>): Promise<{ status: number; body: Json }>;
	/** Signs in with the public client and exchanges the code. */
	signIn(o?: { login?: string }): Promise<{ tokens: Tokens; nonce: string }>;
	refresh(refreshToken: string): Promise<{ status: number; body: Json }>;
	/** RS256 signature checked against the published JWKS. */
	signatureValid(jwt: string): boolean;
	/** GET currentPrincipal on the SuperOffice server with the token. */
	principal(token: string): Promise<Response>;
}

export function useOidc(): () => OidcFixture {
	let f: OidcFixture | undefined;
	let callbackServer: http.Server | undefined;
	const callbacks: string[] = [];

	before(async () => {
		// The server is started first (its URL is the tenant's site); its verifier asks the provider started next.
		const provider: { oidc?: LocalOidc } = {};
		const server = await startServer({ port: 0, quiet: true, verifyBearer: async (t) => provider.oidc?.isValidAccessToken(t) ?? false });
		const oidc = await startOidcProvider({ tenantEndpoint: server.url, quiet: true });
		provider.oidc = oidc;
		callbackServer = http.createServer((req, res) => {
			callbacks.push(req.url ?? '');
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<p>Signed in. You can close this tab.</p>');
		});
		await new Promise<void>((resolve) => callbackServer?.listen(0, '127.0.0.1', resolve));
		const redirectUri = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/`;
		const discovery = (await (await fetch(`${oidc.authority}/.well-known/openid-configuration`)).json()) as Discovery;
		const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: Json[] };
		f = fixture(oidc, server, discovery, jwks, redirectUri, callbacks);
	});
	after(async () => {
		await f?.oidc.close();
		await f?.server.close();
		callbackServer?.closeAllConnections();
		await new Promise((resolve) => callbackServer?.close(resolve));
	});
	beforeEach(() => {
		f?.oidc.reset();
		f?.server.reset();
		callbacks.length = 0;
	});
	return () => {
		if (!f) throw new Error('provider not started');
		return f;
	};
}

function fixture(
	oidc: LocalOidc,
	server: LocalServer,
	discovery: Discovery,
	jwks: { keys: Json[] },
	redirectUri: string,
	callbacks: string[],
): OidcFixture {
	function authorize(
		clientId: string,
		extra: Record<string, string> = {},
	): { url: string; verifier: string; state: string; nonce: string } {
		const verifier = b64(randomBytes(32));
		const state = b64(randomBytes(8));
		const nonce = b64(randomBytes(8));
		const url = new URL(discovery.authorization_endpoint);
		const params = {
			client_id: clientId,
			response_type: 'code',
			scope: 'openid',
			redirect_uri: redirectUri,
			state,
			nonce,
			code_challenge: b64(createHash('sha256').update(verifier).digest()),
			code_challenge_method: 'S256',
			...extra,
		};
		for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
		return { url: url.href, verifier, state, nonce };
	}

	async function post(endpoint: string, form: Record<string, string>): Promise<{ status: number; body: Json }> {
		const res = await fetch(endpoint, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(form),
		});
		const text = await res.text();
		return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Json) };
	}

	/** Signs in with the public client and exchanges the code; returns the tokens and the nonce sent. */
	async function signIn(o: { login?: string } = {}): Promise<{ tokens: Tokens; nonce: string }> {
		const a = authorize(oidc.publicClient.clientId);
		const login = await completeLogin(a.url, o);
		const code = new URL(login.redirectedTo).searchParams.get('code') ?? '';
		const res = await post(discovery.token_endpoint, {
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			client_id: oidc.publicClient.clientId,
			code_verifier: a.verifier,
		});
		assert.equal(res.status, 200, JSON.stringify(res.body));
		return { tokens: res.body as unknown as Tokens, nonce: a.nonce };
	}

	const refresh = (refreshToken: string): Promise<{ status: number; body: Json }> =>
		post(discovery.token_endpoint, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: oidc.publicClient.clientId });

	function signatureValid(jwt: string): boolean {
		const [h, p, s] = jwt.split('.');
		const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as Json;
		const jwk = jwks.keys.find((k) => k.kid === header.kid);
		if (!jwk || header.alg !== 'RS256') return false;
		return verify('sha256', Buffer.from(`${h}.${p}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(s, 'base64url'));
	}

	const principal = (token: string): Promise<Response> =>
		fetch(`${server.url}/api/v1/User/currentPrincipal`, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });

	return { oidc, server, discovery, jwks, redirectUri, callbacks, authorize, post, signIn, refresh, signatureValid, principal };
}
