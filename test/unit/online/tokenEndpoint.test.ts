import * as assert from 'node:assert/strict';
import { type TokenRequestContext, type TokenSet, refreshTokens, revokeToken } from '../../../src/online';
import { exchangeCode } from '../../../src/online/tokens';
import { type SeenRequest, type TinyServer, assertNoSecrets, closedPort, rejectsKind, sendJson, startTinyServer } from './helpers';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const CODE = 'code-abc-123';
const VERIFIER = 'v'.repeat(43);
const SECRET = 'app-token-s3cret';
const REDIRECT = 'http://127.0.0.1:50123';

function form(req: SeenRequest): Record<string, string> {
	return Object.fromEntries(new URLSearchParams(req.body));
}

describe('online/tokens over HTTP', () => {
	let server: TinyServer;
	const ctx = (over: Partial<TokenRequestContext> = {}): TokenRequestContext => ({
		tokenEndpoint: `${server.origin}/login/common/oauth/tokens`,
		client: { clientId: 'client-1' },
		fetch,
		nowMs: () => NOW,
		...over,
	});
	const withSecret = (): Partial<TokenRequestContext> => ({ client: { clientId: 'client-1', clientSecret: SECRET } });
	const previous: TokenSet = { accessToken: 'old-access', refreshToken: 'refresh-xyz', idToken: 'old.id.token', issuedAt: 0, expiresAt: 1 };

	beforeEach(async () => {
		server = await startTinyServer((_req, res) =>
			sendJson(res, 200, {
				token_type: 'Bearer',
				access_token: 'access-1',
				expires_in: 3600,
				refresh_token: 'refresh-1',
				id_token: 'h.p.s',
			}),
		);
	});
	afterEach(() => server.close());

	describe('exchangeCode', () => {
		it('posts exactly the code grant as a form and returns the tokens', async () => {
			const t = await exchangeCode(ctx(), CODE, REDIRECT, VERIFIER);
			assert.deepEqual(t, {
				accessToken: 'access-1',
				refreshToken: 'refresh-1',
				idToken: 'h.p.s',
				issuedAt: NOW,
				expiresAt: NOW + 3_600_000,
			});
			assert.equal(server.received.length, 1);
			const req = server.received[0];
			assert.equal(req.method, 'POST');
			assert.equal(req.url, '/login/common/oauth/tokens');
			assert.equal(req.headers['content-type'], 'application/x-www-form-urlencoded');
			assert.equal(req.headers.authorization, undefined);
			assert.deepEqual(form(req), {
				grant_type: 'authorization_code',
				code: CODE,
				redirect_uri: REDIRECT,
				code_verifier: VERIFIER,
				client_id: 'client-1',
			});
		});

		it('adds client_secret (client_secret_post) only when the application has one', async () => {
			await exchangeCode(ctx(withSecret()), CODE, REDIRECT, VERIFIER);
			assert.deepEqual(form(server.received[0]), {
				grant_type: 'authorization_code',
				code: CODE,
				redirect_uri: REDIRECT,
				code_verifier: VERIFIER,
				client_id: 'client-1',
				client_secret: SECRET,
			});
		});

		it('maps invalid_client without a secret to clientSecretRequired', async () => {
			server.respond((_req, res) => sendJson(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' }));
			const e = await rejectsKind(exchangeCode(ctx(), CODE, REDIRECT, VERIFIER), 'clientSecretRequired');
			assert.equal(e.status, 401);
			assert.equal(e.oauthError, 'invalid_client');
			assert.equal(e.description, 'Client authentication failed');
		});

		it('maps a bare 401 without a secret to clientSecretRequired', async () => {
			server.respond((_req, res) => res.writeHead(401).end());
			await rejectsKind(exchangeCode(ctx(), CODE, REDIRECT, VERIFIER), 'clientSecretRequired');
		});

		it('maps invalid_client with a secret to token, without the secret, code or verifier in the message', async () => {
			server.respond((_req, res) => sendJson(res, 400, { error: 'invalid_client' }));
			const e = await rejectsKind(exchangeCode(ctx(withSecret()), CODE, REDIRECT, VERIFIER), 'token');
			assert.equal(e.oauthError, 'invalid_client');
			assertNoSecrets(`${e.message} ${e.description ?? ''}`, [SECRET, CODE, VERIFIER]);
		});

		it('maps invalid_grant on a code exchange to token', async () => {
			server.respond((_req, res) => sendJson(res, 400, { error: 'invalid_grant', error_description: 'code expired' }));
			const e = await rejectsKind(exchangeCode(ctx(), CODE, REDIRECT, VERIFIER), 'token');
			assert.equal(e.oauthError, 'invalid_grant');
			assert.equal(e.status, 400);
			assertNoSecrets(e.message, [CODE, VERIFIER]);
		});

		it('maps a server error to token with its status', async () => {
			server.respond((_req, res) => res.writeHead(500, { 'Content-Type': 'text/html' }).end('<html>oops</html>'));
			const e = await rejectsKind(exchangeCode(ctx(), CODE, REDIRECT, VERIFIER), 'token');
			assert.equal(e.status, 500);
			assert.match(e.message, /HTTP 500/);
		});

		it('maps a 200 that is not JSON to token', async () => {
			server.respond((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>sign in</html>'));
			await rejectsKind(exchangeCode(ctx(), CODE, REDIRECT, VERIFIER), 'token');
		});

		it('cuts a long error_description', async () => {
			server.respond((_req, res) => sendJson(res, 400, { error: 'invalid_request', error_description: 'x'.repeat(5000) }));
			const e = await rejectsKind(exchangeCode(ctx(), CODE, REDIRECT, VERIFIER), 'token');
			assert.equal(e.description?.length, 300);
		});

		it('maps a refused connection to network', async () => {
			const e = await rejectsKind(
				exchangeCode(ctx({ tokenEndpoint: `http://127.0.0.1:${await closedPort()}/t` }), CODE, REDIRECT, VERIFIER),
				'network',
			);
			assertNoSecrets(e.message, [CODE, VERIFIER]);
		});

		it('maps an aborted request to cancelled and a timed-out one to timeout', async () => {
			const ac = new AbortController();
			ac.abort();
			await rejectsKind(exchangeCode(ctx({ signal: ac.signal }), CODE, REDIRECT, VERIFIER), 'cancelled');
			server.respond(() => undefined); // never answers
			await rejectsKind(exchangeCode(ctx({ signal: AbortSignal.timeout(50) }), CODE, REDIRECT, VERIFIER), 'timeout');
		});

		it('does not follow a redirect of the token endpoint', async () => {
			server.respond((req, res) => {
				if (req.url === '/elsewhere') return sendJson(res, 200, { access_token: 'stolen' });
				res.writeHead(307, { Location: '/elsewhere' }).end();
			});
			await assert.rejects(exchangeCode(ctx(withSecret()), CODE, REDIRECT, VERIFIER));
			assert.deepEqual(
				server.received.map((r) => r.url),
				['/login/common/oauth/tokens'],
			);
		});
	});

	describe('refreshTokens', () => {
		it('posts exactly the refresh grant and keeps the refresh token when none comes back', async () => {
			server.respond((_req, res) =>
				sendJson(res, 200, { token_type: 'Bearer', access_token: 'access-2', expires_in: 3600, id_token: 'h2.p2.s2' }),
			);
			const t = await refreshTokens(ctx(withSecret()), previous);
			assert.deepEqual(t, {
				accessToken: 'access-2',
				refreshToken: 'refresh-xyz',
				idToken: 'h2.p2.s2',
				issuedAt: NOW,
				expiresAt: NOW + 3_600_000,
			});
			assert.deepEqual(form(server.received[0]), {
				grant_type: 'refresh_token',
				refresh_token: 'refresh-xyz',
				client_id: 'client-1',
				client_secret: SECRET,
			});
		});

		it('sends no client_secret when the application has none', async () => {
			await refreshTokens(ctx(), previous);
			assert.deepEqual(form(server.received[0]), { grant_type: 'refresh_token', refresh_token: 'refresh-xyz', client_id: 'client-1' });
		});

		it('maps invalid_grant to refreshFailed without the refresh token in the message', async () => {
			server.respond((_req, res) => sendJson(res, 400, { error: 'invalid_grant' }));
			const e = await rejectsKind(refreshTokens(ctx(withSecret()), previous), 'refreshFailed');
			assert.equal(e.oauthError, 'invalid_grant');
			assertNoSecrets(e.message, ['refresh-xyz', SECRET]);
		});

		it('maps a server error on refresh to token (worth retrying later)', async () => {
			server.respond((_req, res) => res.writeHead(503).end());
			const e = await rejectsKind(refreshTokens(ctx(withSecret()), previous), 'token');
			assert.equal(e.status, 503);
		});

		it('refuses without asking the server when there is no refresh token', async () => {
			await rejectsKind(refreshTokens(ctx(), { accessToken: 'a', issuedAt: 0, expiresAt: 1 }), 'refreshFailed');
			assert.equal(server.received.length, 0);
		});
	});

	describe('revokeToken', () => {
		it('posts the token with its hint and reports the confirmation', async () => {
			server.respond((_req, res) => res.writeHead(200).end());
			const ok = await revokeToken({ ...ctx(withSecret()), revocationEndpoint: `${server.origin}/revoke` }, 'refresh-xyz', 'refresh_token');
			assert.equal(ok, true);
			assert.equal(server.received[0].url, '/revoke');
			assert.equal(server.received[0].method, 'POST');
			assert.deepEqual(form(server.received[0]), {
				token: 'refresh-xyz',
				token_type_hint: 'refresh_token',
				client_id: 'client-1',
				client_secret: SECRET,
			});
		});

		it('returns false and never throws when revocation fails', async () => {
			server.respond((_req, res) => res.writeHead(500).end('no'));
			assert.equal(await revokeToken({ ...ctx(), revocationEndpoint: `${server.origin}/revoke` }, 't', 'access_token'), false);
			assert.deepEqual(form(server.received[0]), { token: 't', token_type_hint: 'access_token', client_id: 'client-1' });
			const refused = `http://127.0.0.1:${await closedPort()}/revoke`;
			assert.equal(await revokeToken({ ...ctx(), revocationEndpoint: refused }, 't', 'access_token'), false);
			assert.equal(await revokeToken({ ...ctx(), revocationEndpoint: 'not a url' }, 't', 'access_token'), false);
			const throwing = (() => {
				throw new Error('boom');
			}) as unknown as typeof fetch;
			assert.equal(
				await revokeToken({ ...ctx({ fetch: throwing }), revocationEndpoint: `${server.origin}/revoke` }, 't', 'access_token'),
				false,
			);
		});
	});
});
