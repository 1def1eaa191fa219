import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { type LocalOidc, SO_CLAIM } from '../../server/oidc';
import { completeLogin } from '../../server/oidcLogin';
import { type Json, b64, claimsOf, useOidc } from './oidcHelpers';

describe('local OpenID Provider (SuperOffice-like)', function () {
	this.timeout(10000);
	const fx = useOidc();
	let oidc: LocalOidc;
	let f: ReturnType<typeof fx>;
	beforeEach(() => {
		f = fx();
		oidc = f.oidc;
	});

	it('serves discovery below /login while the issuer is the bare origin', () => {
		assert.equal(oidc.authority, `${oidc.origin}/login`);
		assert.equal(f.discovery.issuer, oidc.origin);
		assert.equal(oidc.issuer, oidc.origin);
		for (const name of ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'revocation_endpoint'] as const) {
			assert.ok(f.discovery[name].startsWith(`${oidc.authority}/`), `${name} = ${f.discovery[name]}`);
		}
		assert.deepEqual(f.discovery.id_token_signing_alg_values_supported, ['RS256']);
		assert.equal(f.jwks.keys.length, 1);
		assert.equal(f.jwks.keys[0].kty, 'RSA');
		assert.ok(typeof f.jwks.keys[0].kid === 'string' && !('d' in f.jwks.keys[0]), 'a kid, and no private part published');
	});

	it('signs a user in with code + PKCE through a loopback redirect on any port', async () => {
		const a = f.authorize(oidc.publicClient.clientId);
		const login = await completeLogin(a.url, { login: 'ada@example.com' });
		const target = new URL(login.redirectedTo);
		assert.equal(target.origin + target.pathname, f.redirectUri);
		assert.equal(target.searchParams.get('state'), a.state);
		assert.equal(target.searchParams.get('iss'), oidc.issuer);
		const code = target.searchParams.get('code') ?? '';
		assert.ok(code.length > 10);
		assert.equal(login.callbackStatus, 200);
		assert.match(login.callbackBody, /You can close this tab/);
		assert.equal(f.callbacks.length, 1);
		assert.equal(new URL(f.callbacks[0], f.redirectUri).searchParams.get('code'), code);

		const wrongVerifier = await f.post(f.discovery.token_endpoint, {
			grant_type: 'authorization_code',
			code,
			redirect_uri: f.redirectUri,
			client_id: oidc.publicClient.clientId,
			code_verifier: b64(randomBytes(32)),
		});
		assert.equal(wrongVerifier.status, 400);
		assert.equal(wrongVerifier.body.error, 'invalid_grant');

		const { tokens } = await f.signIn({ login: 'ada@example.com' });
		assert.equal(tokens.token_type, 'Bearer');
		assert.equal(tokens.expires_in, 3600);
		assert.ok(tokens.access_token && tokens.refresh_token && tokens.id_token);
		assert.ok(f.signatureValid(tokens.id_token), 'id_token verifies against the JWKS');
		const claims = claimsOf(tokens.id_token);
		assert.equal(claims.iss, oidc.origin);
		assert.equal(claims.aud, oidc.publicClient.clientId);
		assert.equal(claims.sub, 'ada@example.com');
		assert.equal(claims[SO_CLAIM + 'ctx'], 'Cust00000');
		assert.equal(claims[SO_CLAIM + 'webapi_url'], `${f.server.url}/api/`);
		assert.equal(claims[SO_CLAIM + 'email'], 'ada@example.com');
		assert.equal(claims[SO_CLAIM + 'upn'], 'ada@example.com');
		assert.equal(claims[SO_CLAIM + 'associateid'], '5');
		assert.equal(claims[SO_CLAIM + 'company_name'], 'Local Demo AS');
		assert.deepEqual(
			oidc.tokenRequests.map((r) => [r.grantType, r.clientId, r.hadSecret, r.status]),
			[
				['authorization_code', oidc.publicClient.clientId, false, 400],
				['authorization_code', oidc.publicClient.clientId, false, 200],
			],
		);
	});

	it('puts the nonce the authorize URL finally carried into the id_token (rewrite)', async () => {
		const a = f.authorize(oidc.publicClient.clientId);
		const login = await completeLogin(a.url, { rewrite: (u) => u.searchParams.set('nonce', 'swapped-nonce'), skipCallback: true });
		assert.equal(login.callbackStatus, 0);
		assert.equal(f.callbacks.length, 0, 'skipCallback does not open the redirect target');
		const code = new URL(login.redirectedTo).searchParams.get('code') ?? '';
		const res = await f.post(f.discovery.token_endpoint, {
			grant_type: 'authorization_code',
			code,
			redirect_uri: f.redirectUri,
			client_id: oidc.publicClient.clientId,
			code_verifier: a.verifier,
		});
		assert.equal(claimsOf(String(res.body.id_token)).nonce, 'swapped-nonce');
	});

	it('requires PKCE from the public client and refuses unregistered redirect URIs', async () => {
		const noPkce = await completeLogin(f.authorize(oidc.publicClient.clientId, { code_challenge: '', code_challenge_method: '' }).url);
		assert.equal(new URL(noPkce.redirectedTo).searchParams.get('error'), 'invalid_request');
		assert.match(new URL(noPkce.redirectedTo).searchParams.get('error_description') ?? '', /PKCE/);
		for (const other of [f.redirectUri.replace('127.0.0.1', 'localhost'), `${f.redirectUri}elsewhere`]) {
			await assert.rejects(completeLogin(f.authorize(oidc.publicClient.clientId, { redirect_uri: other }).url), /redirect_uri/);
		}
		assert.equal(f.callbacks.length, 1, 'only the error redirect reached the loopback listener');
	});

	it('lets the confidential client in with client_secret_post only', async () => {
		const { clientId, clientSecret } = oidc.confidentialClient;
		const a = f.authorize(clientId);
		const code = new URL((await completeLogin(a.url, { skipCallback: true })).redirectedTo).searchParams.get('code') ?? '';
		const form = { grant_type: 'authorization_code', code, redirect_uri: f.redirectUri, client_id: clientId, code_verifier: a.verifier };
		const noSecret = await f.post(f.discovery.token_endpoint, form);
		assert.equal(noSecret.status, 401);
		assert.equal(noSecret.body.error, 'invalid_client');
		const ok = await f.post(f.discovery.token_endpoint, { ...form, client_secret: clientSecret });
		assert.equal(ok.status, 200);
		assert.equal(claimsOf(String(ok.body.id_token)).aud, clientId);
		assert.deepEqual(
			oidc.tokenRequests.map((r) => [r.hadSecret, r.status]),
			[
				[false, 401],
				[true, 200],
			],
		);
		assert.ok(!JSON.stringify(oidc.tokenRequests).includes(clientSecret), 'records never hold the secret');
	});

	it('the SuperOffice server accepts the access token until the provider revokes it', async () => {
		const { tokens } = await f.signIn();
		assert.equal((await f.principal(tokens.access_token)).status, 200);
		assert.equal(await oidc.isValidAccessToken(tokens.access_token), true);
		assert.equal((await f.principal('not-a-token-the-provider-issued')).status, 401);
		await oidc.revokeAccessToken(tokens.access_token);
		assert.equal(await oidc.isValidAccessToken(tokens.access_token), false);
		assert.equal((await f.principal(tokens.access_token)).status, 401);
	});

	it('refreshes with the same reusable refresh token until the grants are revoked', async () => {
		const { tokens } = await f.signIn();
		const first = await f.refresh(tokens.refresh_token);
		const second = await f.refresh(tokens.refresh_token);
		for (const r of [first, second]) {
			assert.equal(r.status, 200);
			assert.equal(r.body.refresh_token, undefined, 'as SuperOffice: no new refresh token');
			assert.ok(f.signatureValid(String(r.body.id_token)));
			assert.equal((await f.principal(String(r.body.access_token))).status, 200);
		}
		await oidc.revokeAllGrants();
		const refused = await f.refresh(tokens.refresh_token);
		assert.equal(refused.status, 400);
		assert.equal(refused.body.error, 'invalid_grant');
		assert.deepEqual(oidc.tokenRequests.map((r) => [r.grantType, r.status]).slice(1), [
			['refresh_token', 200],
			['refresh_token', 200],
			['refresh_token', 400],
		]);
	});

	it('tampers with id_tokens of code and refresh grants as asked, until set back to none', async () => {
		oidc.tamper('wrongAudience');
		const { tokens } = await f.signIn();
		assert.ok(f.signatureValid(tokens.id_token));
		assert.notEqual(claimsOf(tokens.id_token).aud, oidc.publicClient.clientId, 'the code grant is tampered too');

		const now = Math.floor(Date.now() / 1000);
		const expectations: [Parameters<LocalOidc['tamper']>[0], (t: string) => void][] = [
			['badSignature', (t) => (assert.equal(f.signatureValid(t), false), assert.equal(claimsOf(t).aud, oidc.publicClient.clientId))],
			['wrongAudience', (t) => (assert.ok(f.signatureValid(t)), assert.notEqual(claimsOf(t).aud, oidc.publicClient.clientId))],
			['wrongIssuer', (t) => (assert.ok(f.signatureValid(t)), assert.notEqual(claimsOf(t).iss, oidc.issuer))],
			['expired', (t) => (assert.ok(f.signatureValid(t)), assert.ok(Number(claimsOf(t).exp) < now - 600))],
			[
				'none',
				(t) => (
					assert.ok(f.signatureValid(t)),
					assert.equal(claimsOf(t).iss, oidc.issuer),
					assert.equal(claimsOf(t).aud, oidc.publicClient.clientId)
				),
			],
		];
		for (const [mode, check] of expectations) {
			oidc.tamper(mode);
			const r = await f.refresh(tokens.refresh_token);
			assert.equal(r.status, 200);
			check(String(r.body.id_token));
			assert.equal((await f.principal(String(r.body.access_token))).status, 200, 'access tokens stay usable');
		}
	});

	it('issues access tokens with the TTL set at the time and records revocations', async () => {
		oidc.setAccessTokenTtl(1);
		const { tokens } = await f.signIn();
		assert.equal(tokens.expires_in, 1);
		const deadline = Date.now() + 4000;
		while (await oidc.isValidAccessToken(tokens.access_token)) {
			assert.ok(Date.now() < deadline, 'the access token expires');
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		assert.equal((await f.principal(tokens.access_token)).status, 401);

		const revoked = await f.post(f.discovery.revocation_endpoint, {
			token: tokens.refresh_token,
			token_type_hint: 'refresh_token',
			client_id: oidc.publicClient.clientId,
		});
		assert.equal(revoked.status, 200);
		assert.deepEqual(
			oidc.revocations.map((r) => r.tokenTypeHint),
			['refresh_token'],
		);
		assert.equal((await f.refresh(tokens.refresh_token)).status, 400);
		oidc.reset();
		assert.equal((await f.signIn()).tokens.expires_in, 3600, 'reset restores the TTL');
	});

	it('answers the tenant state API and follows setTenantState, moveTenant and reset', async () => {
		const state = async (ctx: string): Promise<{ status: number; body: Json }> => {
			const res = await fetch(`${oidc.origin}/api/state/${ctx}`);
			return { status: res.status, body: (await res.json()) as Json };
		};
		const start = await state('Cust00000');
		assert.equal(start.status, 200);
		assert.deepEqual(
			{ ...start.body, ValidUntil: undefined },
			{
				ContextIdentifier: 'Cust00000',
				Endpoint: f.server.url,
				State: 'Running',
				IsRunning: true,
				ValidUntil: undefined,
				Api: `${f.server.url}/api`,
				Version: '10.5.0',
			},
		);
		assert.ok(Date.parse(String(start.body.ValidUntil)) > Date.now() + 50 * 60 * 1000);
		assert.equal((await state('Cust99999')).status, 404);

		oidc.setTenantState({ State: 'OfflineMaintenance', IsRunning: false });
		assert.deepEqual([(await state('Cust00000')).body.State, (await state('Cust00000')).body.IsRunning], ['OfflineMaintenance', false]);
		oidc.moveTenant('http://127.0.0.1:1/Cust00000');
		const moved = (await state('Cust00000')).body;
		assert.deepEqual(
			[moved.Endpoint, moved.Api, moved.State],
			['http://127.0.0.1:1/Cust00000', 'http://127.0.0.1:1/Cust00000/api', 'OfflineMaintenance'],
		);
		assert.equal(claimsOf((await f.signIn()).tokens.id_token)[SO_CLAIM + 'webapi_url'], 'http://127.0.0.1:1/Cust00000/api/');
		assert.deepEqual(
			oidc.stateRequests.map((r) => r.ctx),
			['Cust00000', 'Cust99999', 'Cust00000', 'Cust00000', 'Cust00000'],
		);

		oidc.reset();
		assert.deepEqual(oidc.stateRequests, []);
		assert.deepEqual(oidc.tokenRequests, []);
		const again = (await state('Cust00000')).body;
		assert.deepEqual([again.Endpoint, again.State, again.IsRunning], [f.server.url, 'Running', true]);
	});
});
