// One whole sign-in against a hand-written OpenID Provider on 127.0.0.1: discovery, authorize (the "browser"
// follows the redirect itself), PKCE-checked token exchange and an RS256 id_token with SuperOffice claims.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { type SignInRequest, SO_CLAIM, signIn } from '../../../src/online';
import { type SigningKey, type TinyServer, jwksOf, rejectsKind, sendJson, signJwt, signingKey, startTinyServer } from './helpers';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const PAGES = { success: 'Signed in.', failure: 'Not signed in.', unexpected: 'Not this sign-in.' };

interface Provider {
	server: TinyServer;
	/** Query of the authorize request the browser was sent to. */
	authorize?: URLSearchParams;
	/** Forms posted to the token endpoint. */
	tokenForms: Record<string, string>[];
	requireSecret?: string;
	/** Overrides the nonce put into the id_token. */
	nonce?: string;
}

async function startProvider(key: SigningKey): Promise<Provider> {
	const p: Provider = { server: await startTinyServer(), tokenForms: [] };
	const o = p.server.origin;
	p.server.respond((req, res) => {
		if (req.url === '/login/.well-known/openid-configuration') {
			return sendJson(res, 200, {
				issuer: o,
				authorization_endpoint: `${o}/login/authorize?x=1`,
				token_endpoint: `${o}/login/token`,
				jwks_uri: `${o}/login/jwks`,
			});
		}
		if (req.url === '/login/jwks') return sendJson(res, 200, jwksOf(key));
		if (req.url === '/login/token' && req.method === 'POST') {
			const f = Object.fromEntries(new URLSearchParams(req.body));
			p.tokenForms.push(f);
			const a = p.authorize;
			if (p.requireSecret && f.client_secret !== p.requireSecret) return sendJson(res, 401, { error: 'invalid_client' });
			const challenge = createHash('sha256')
				.update(f.code_verifier ?? '')
				.digest('base64url');
			if (!a || f.code !== 'the-code' || f.redirect_uri !== a.get('redirect_uri') || challenge !== a.get('code_challenge')) {
				return sendJson(res, 400, { error: 'invalid_grant' });
			}
			const idToken = signJwt(
				{
					iss: o,
					aud: a.get('client_id'),
					sub: 'sub-7',
					iat: NOW / 1000,
					exp: NOW / 1000 + 3600,
					nonce: p.nonce ?? a.get('nonce'),
					[`${SO_CLAIM}ctx`]: 'Cust26759',
					[`${SO_CLAIM}webapi_url`]: 'https://sod2.superoffice.com/Cust26759/api/',
					[`${SO_CLAIM}email`]: 'ada@example.com',
				},
				key,
			);
			return sendJson(res, 200, {
				token_type: 'Bearer',
				access_token: 'access-1',
				expires_in: 3600,
				refresh_token: 'refresh-1',
				id_token: idToken,
			});
		}
		sendJson(res, 404, {});
	});
	return p;
}

describe('online/signInFlow signIn with a local provider', () => {
	let key: SigningKey;
	let provider: Provider;

	before(async () => {
		key = await signingKey('key-1');
	});
	beforeEach(async () => {
		provider = await startProvider(key);
	});
	afterEach(() => provider.server.close());

	/** A browser that goes to the authorize URL and is sent straight back to the redirect URI with `answer`. */
	function browser(answer: (q: URLSearchParams) => string): (url: string) => Promise<boolean> {
		return async (url) => {
			const u = new URL(url);
			provider.authorize = u.searchParams;
			const res = await fetch(`${u.searchParams.get('redirect_uri')}/?${answer(u.searchParams)}`);
			await res.arrayBuffer();
			return true;
		};
	}
	const approve = (q: URLSearchParams): string => `code=the-code&state=${q.get('state')}`;

	function request(over: Partial<SignInRequest> = {}): SignInRequest {
		return {
			authority: `${provider.server.origin}/login`,
			clientId: 'client-1',
			tenant: 'Cust26759',
			loginHint: 'ada@example.com',
			timeoutMs: 5000,
			now: () => NOW,
			fetch,
			pages: PAGES,
			openBrowser: browser(approve),
			...over,
		};
	}

	it('signs in: PKCE, state and nonce round trip, and the identity comes from the verified id_token', async () => {
		const r = await signIn(request());
		assert.deepEqual(r.identity, {
			subject: 'sub-7',
			tenant: 'Cust26759',
			baseUrl: 'https://sod2.superoffice.com/Cust26759',
			userName: 'ada@example.com',
		});
		assert.equal(r.tokens.accessToken, 'access-1');
		assert.equal(r.tokens.refreshToken, 'refresh-1');
		assert.equal(r.tokens.expiresAt, NOW + 3_600_000);
		assert.equal(r.metadata.tokenEndpoint, `${provider.server.origin}/login/token`);
		assert.ok(!('newClientSecret' in r));
		const a = provider.authorize;
		assert.ok(a);
		assert.equal(a.get('x'), '1');
		assert.equal(a.get('acr_values'), 'tenant:Cust26759');
		assert.equal(a.get('login_hint'), 'ada@example.com');
		assert.notEqual(a.get('state'), a.get('nonce'));
		assert.equal(provider.tokenForms.length, 1);
		assert.equal(provider.tokenForms[0].grant_type, 'authorization_code');
		assert.equal(provider.tokenForms[0].client_secret, undefined);
	});

	it('asks once for the client secret when the token endpoint wants it, and reuses the code', async () => {
		provider.requireSecret = 'app-token-1';
		let asked = 0;
		const r = await signIn(request({ askClientSecret: async () => (asked++, 'app-token-1') }));
		assert.equal(asked, 1);
		assert.equal(r.newClientSecret, 'app-token-1');
		assert.equal(provider.tokenForms.length, 2);
		assert.equal(provider.tokenForms[1].client_secret, 'app-token-1');
		assert.equal(provider.tokenForms[1].code, provider.tokenForms[0].code);
	});

	it('stops with clientSecretRequired when the user gives no secret', async () => {
		provider.requireSecret = 'app-token-1';
		await rejectsKind(signIn(request({ askClientSecret: async () => undefined })), 'clientSecretRequired');
	});

	it('refuses an id_token that answers another sign-in (nonce)', async () => {
		provider.nonce = 'someone-elses-nonce';
		const e = await rejectsKind(signIn(request()), 'invalidIdToken');
		assert.equal(e.check, 'nonce');
	});

	it('reports denied when the user refuses consent', async () => {
		const e = await rejectsKind(signIn(request({ openBrowser: browser((q) => `error=access_denied&state=${q.get('state')}`) })), 'denied');
		assert.equal(e.oauthError, 'access_denied');
		assert.equal(provider.tokenForms.length, 0);
	});

	it('reports timeout when the browser never comes back, and cancelled when it could not be opened', async () => {
		await rejectsKind(signIn(request({ timeoutMs: 50, openBrowser: async () => true })), 'timeout');
		await rejectsKind(signIn(request({ openBrowser: async () => false })), 'cancelled');
	});

	it('reports cancelled when the user cancels while waiting', async () => {
		const ac = new AbortController();
		await rejectsKind(
			signIn(
				request({
					signal: ac.signal,
					openBrowser: async () => {
						ac.abort();
						return true;
					},
				}),
			),
			'cancelled',
		);
	});

	it('refuses an empty client id before going anywhere', async () => {
		await rejectsKind(signIn(request({ clientId: ' ' })), 'invalid');
		assert.equal(provider.server.received.length, 0);
	});
});
