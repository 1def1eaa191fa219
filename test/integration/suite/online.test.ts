// Sign In to SuperOffice Online inside the real host, against a real OpenID Provider (oidc-provider) on 127.0.0.1
// and the local SuperOffice server that accepts its access tokens: the whole code flow driven headlessly, refresh
// before expiry and after a 401, refused id_tokens, tenant moves (421 and ValidUntil), cancel and timeout.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { TestingApi } from '../../../src/extensionApi';
import { type LocalOidc, startOidcProvider } from '../../server/oidc';
import { type LoginResult, completeLogin } from '../../server/oidcLogin';
import { type LocalServer, startServer } from '../../server/server';
import { assertNoViolations, posts, resetExtensionState, scripted, setSetting, testingApi, waitFor } from '../helpers/core';
import { type ScriptedPrompter } from '../helpers/scriptedPrompter';

const SIGN_IN = 'superofficeChat.signInOnline';
const POST = 'superofficeChat.postMessage';
const SIGN_OUT = 'superofficeChat.signOut';
const TENANT = 'Cust00000';
const MISDIRECTED = {
	status: 421,
	body: { Error: 'Wrong subdomain used to access tenant', ErrorType: 'MisdirectedRequest', Source: 'WebApi' },
};

describe('Sign In to SuperOffice Online', function () {
	this.timeout(60000);
	let t: TestingApi;
	let oidc: LocalOidc;
	let tenantA: LocalServer;
	let tenantB: LocalServer;
	let logins: Promise<LoginResult>[];
	/** What the last failed sign-in showed, for assertion messages. */
	let lastFailure = '';

	const verifyBearer = (token: string): Promise<boolean> => oidc.isValidAccessToken(token);

	before(async () => {
		t = await testingApi();
		tenantA = await startServer({ quiet: true, verifyBearer });
		tenantB = await startServer({ quiet: true, verifyBearer });
		oidc = await startOidcProvider({ tenantEndpoint: tenantA.url, quiet: true });
	});
	after(async () => {
		t.setPrompter(undefined);
		await resetExtensionState(t);
		await resetOnlineSettings();
		await Promise.all([tenantA.close(), tenantB.close(), oidc.close()]);
	});
	beforeEach(async () => {
		await resetExtensionState(t);
		tenantA.reset();
		tenantB.reset();
		oidc.reset();
		logins = [];
		await t.services.secrets.deleteClientSecret(oidc.authority, oidc.confidentialClient.clientId);
		await setSetting('online.environment', 'custom');
		await setSetting('online.customAuthority', oidc.authority);
		await setSetting('online.clientIds', { custom: oidc.publicClient.clientId });
		await setSetting('online.signInTimeoutSeconds', 30);
	});

	async function resetOnlineSettings(): Promise<void> {
		for (const key of ['online.environment', 'online.customAuthority', 'online.clientIds', 'online.signInTimeoutSeconds']) {
			await setSetting(key, undefined);
		}
	}

	/** A prompter that answers the sign-in questions and plays the browser with `browse` (default: log in). */
	function signInScript(o: { tenant?: string; browse?: (url: string) => Promise<LoginResult> | undefined } = {}): ScriptedPrompter {
		const p = scripted(t)
			.answer('onlineEnvironment', /Custom/)
			.answer('onlineAuthority', oidc.authority)
			.answer('onlineTenant', o.tenant ?? '');
		p.onOpenExternal = (url) => {
			if (!url.startsWith(oidc.origin)) return; // e.g. the Developer Portal's help page: not the sign-in
			const login = o.browse ? o.browse(url) : completeLogin(url);
			if (login) logins.push(login);
		};
		return p;
	}

	async function signIn(o: Parameters<typeof signInScript>[0] = {}): Promise<{ p: ScriptedPrompter; id: string | undefined }> {
		const p = signInScript(o);
		const id = (await vscode.commands.executeCommand(SIGN_IN)) as string | undefined;
		if (!id) lastFailure = `${JSON.stringify(p.notifications)}; log: ${t.logLines().slice(-3).join(' | ')}`;
		return { p, id };
	}

	async function stored(
		id: string,
	): Promise<{ token?: string; refreshToken?: string; idToken?: string; expiresAt?: number; issuedAt?: number }> {
		return (await t.services.secrets.get(id)) ?? {};
	}

	function bearerOf(server: LocalServer, method = 'POST'): string[] {
		return server.received.filter((r) => r.method === method).map((r) => (r.headers.authorization ?? '').replace(/^Bearer /, ''));
	}

	async function post(text: string): Promise<{ ChatMessageId?: number } | undefined> {
		return (await vscode.commands.executeCommand(POST, { sessionId: 101, text })) as { ChatMessageId?: number } | undefined;
	}

	function assertNothingStored(): void {
		assert.deepStrictEqual(t.services.connections.list(), [], 'no connection was added');
		const ids = vscode.workspace.getConfiguration('superofficeChat').inspect<Record<string, string>>('online.clientIds')?.globalValue;
		assert.deepStrictEqual(ids, { custom: oidc.publicClient.clientId }, 'settings unchanged');
	}

	it('goes from nothing to a posted message with one sign-in: PKCE, state, nonce, loopback, Bearer token', async () => {
		const { p, id } = await signIn();
		assert.ok(id, `the command returns the connection id (${lastFailure})`);

		// What the browser was sent to.
		assert.strictEqual(p.opened.length, 1);
		const authorize = new URL(p.opened[0]);
		assert.strictEqual(authorize.origin, oidc.origin);
		assert.ok(authorize.pathname.startsWith('/login/'), "the provider's own authorization endpoint (from discovery)");
		const q = authorize.searchParams;
		assert.strictEqual(q.get('response_type'), 'code');
		assert.strictEqual(q.get('scope'), 'openid');
		assert.strictEqual(q.get('client_id'), oidc.publicClient.clientId);
		assert.strictEqual(q.get('code_challenge_method'), 'S256');
		assert.match(q.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
		assert.match(q.get('redirect_uri') ?? '', /^http:\/\/127\.0\.0\.1:\d{4,5}$/);
		assert.match(q.get('state') ?? '', /^[A-Za-z0-9_-]{16,}$/);
		assert.match(q.get('nonce') ?? '', /^[A-Za-z0-9_-]{16,}$/);
		assert.strictEqual(q.get('acr_values'), null, 'no tenant named, no acr_values');

		// What the browser tab shows at the end.
		const login = await logins[0];
		assert.strictEqual(login.callbackStatus, 200);
		assert.match(login.callbackBody, /You can close this tab/);

		// The connection: the tenant's API from the id_token / state API; no secret in settings.
		const c = t.services.connections.get(id);
		assert.ok(c);
		assert.strictEqual(c.auth, 'online');
		assert.strictEqual(c.baseUrl, tenantA.url);
		assert.strictEqual(c.tenant, TENANT);
		assert.strictEqual(c.authority, oidc.authority);
		assert.strictEqual(c.clientId, oidc.publicClient.clientId);
		assert.strictEqual(t.services.connections.active()?.id, id);
		const s = await stored(id);
		assert.ok(s.token && s.refreshToken && s.idToken, 'tokens are in SecretStorage');
		assert.deepStrictEqual(
			oidc.tokenRequests.map((r) => [r.grantType, r.hadSecret, r.status]),
			[['authorization_code', false, 200]],
			'one code exchange, no client secret',
		);
		const ok = await p.waitForNotification((n) => n.level === 'info' && n.message.startsWith('Signed in to'));
		assert.match(ok.message, /as agent@example\.com\.$/);

		// The post goes to the tenant with the access token.
		const result = await post('Hello from Online');
		assert.ok(result?.ChatMessageId, `posted (notifications: ${JSON.stringify(p.notifications)})`);
		assert.deepStrictEqual(bearerOf(tenantA), [s.token]);
		assert.strictEqual(tenantA.messages(101).filter((m) => m.Message === 'Hello from Online').length, 1);
		assertNoViolations(tenantA);

		// The account is a session of the `superoffice` authentication provider.
		const accounts = await vscode.authentication.getAccounts('superoffice');
		assert.deepStrictEqual(
			accounts.map((a) => a.label),
			['agent@example.com (Cust00000)'],
			'the Accounts menu lists the account',
		);

		// No token, id_token or refresh token in the log, the settings or globalState.
		const everywhere = [
			t.logLines().join('\n'),
			JSON.stringify(vscode.workspace.getConfiguration('superofficeChat')),
			JSON.stringify(t.services.connections.list()),
		].join('\n');
		for (const secret of [s.token, s.refreshToken, s.idToken]) assert.ok(!everywhere.includes(secret as string), 'a token leaked');
		assert.deepStrictEqual(p.unexpected, []);
	});

	it('asks for the client id on the first sign-in, with a way to the Developer Portal, and remembers it', async () => {
		await setSetting('online.clientIds', undefined);
		const p = signInScript();
		p.answer('onlineClientId', { action: 'help' }, oidc.publicClient.clientId);
		const id = (await vscode.commands.executeCommand(SIGN_IN)) as string | undefined;
		assert.ok(id, `signed in (${JSON.stringify(p.notifications)})`);
		assert.match(p.opened[0], /^https:\/\/docs\.superoffice\.com\/.*native-app/, 'the help page first');
		assert.ok(p.opened[1].startsWith(oidc.origin), 'then the sign-in');
		assert.strictEqual(p.questionsOf('onlineClientId').length, 2);
		const ids = vscode.workspace.getConfiguration('superofficeChat').inspect('online.clientIds')?.globalValue;
		assert.deepStrictEqual(ids, { custom: oidc.publicClient.clientId });

		// The next sign-in does not ask again.
		const again = signInScript();
		assert.ok(await vscode.commands.executeCommand(SIGN_IN));
		assert.deepStrictEqual(again.questionsOf('onlineClientId'), []);
		assert.strictEqual(t.services.connections.list().length, 1, 'the same tenant and user stay one connection');
	});

	it('keeps several accounts at once; signing one out leaves the other', async () => {
		const first = await signIn();
		const second = await signIn({ browse: (url) => completeLogin(url, { login: 'second@example.com' }) });
		assert.ok(first.id && second.id && first.id !== second.id, 'two connections');
		const labels = async (): Promise<string[]> => (await vscode.authentication.getAccounts('superoffice')).map((a) => a.label).sort();
		assert.deepStrictEqual(await labels(), ['agent@example.com (Cust00000)', 'second@example.com (Cust00000)']);
		assert.strictEqual(t.services.connections.active()?.id, second.id, 'the latest sign-in is active');

		await vscode.commands.executeCommand(SIGN_OUT, { connectionId: first.id });
		assert.deepStrictEqual(await labels(), ['second@example.com (Cust00000)']);
		assert.ok(await post('Still signed in as the second user'));
		assert.deepStrictEqual(bearerOf(tenantA), [(await stored(second.id)).token]);
	});

	it('names the tenant with acr_values when the user gives one', async () => {
		const { p, id } = await signIn({ tenant: TENANT });
		assert.ok(id);
		assert.strictEqual(new URL(p.opened[0]).searchParams.get('acr_values'), `tenant:${TENANT}`);
	});

	it('refreshes the access token before it expires, without a prompt', async () => {
		oidc.setAccessTokenTtl(10);
		const { p, id } = await signIn();
		assert.ok(id);
		const first = await stored(id);
		assert.ok(first.token && first.issuedAt && first.expiresAt);
		// Due at 80 % of the token's life (10 s → 2 s margin, room for a slow machine); the old token is still valid then.
		const due = first.expiresAt - (first.expiresAt - first.issuedAt) * 0.2;
		await waitFor('the token to be due for renewal', () => Date.now() >= due + 50, 10000);
		assert.ok(await oidc.isValidAccessToken(first.token), 'the first token has not expired yet');

		const result = await post('After renewal');
		assert.ok(result?.ChatMessageId, `posted (notifications: ${JSON.stringify(p.notifications)})`);
		const used = bearerOf(tenantA);
		assert.strictEqual(used.length, 1, 'one POST, no 401 first');
		assert.notStrictEqual(used[0], first.token, 'the POST carried a renewed token');
		assert.strictEqual((await stored(id)).token, used[0]);
		assert.ok(oidc.tokenRequests.some((r) => r.grantType === 'refresh_token' && r.status === 200));
		assert.deepStrictEqual(p.unexpected, []);
		assert.ok(!p.notifications.some((n) => n.level !== 'info'), 'no warning or error');
	});

	it('refreshes once after a 401 and posts exactly once', async () => {
		const { p, id } = await signIn();
		assert.ok(id);
		const first = (await stored(id)).token as string;
		await oidc.revokeAccessToken(first);

		const result = await post('After a 401');
		assert.ok(result?.ChatMessageId, `posted (notifications: ${JSON.stringify(p.notifications)})`);
		// Post Message reads the session (for the customer's name) first: that GET meets the 401.
		assert.deepStrictEqual(
			tenantA.received.map((r) => [r.method, r.status]),
			[
				['GET', 401],
				['GET', 200],
				['POST', 200],
			],
		);
		const second = (await stored(id)).token as string;
		assert.deepStrictEqual(bearerOf(tenantA, 'GET'), [first, second]);
		assert.deepStrictEqual(bearerOf(tenantA), [second]);
		assert.notStrictEqual(first, second);
		assert.strictEqual(tenantA.messages(101).filter((m) => m.Message === 'After a 401').length, 1);
		assert.deepStrictEqual(
			oidc.tokenRequests.map((r) => r.grantType),
			['authorization_code', 'refresh_token'],
		);
		assert.ok(!p.notifications.some((n) => n.level === 'error'));
	});

	it('asks to sign in again once when the refresh is refused, and forgets the tokens', async () => {
		const { p, id } = await signIn();
		assert.ok(id);
		await oidc.revokeAccessToken((await stored(id)).token as string);
		await oidc.revokeAllGrants();

		assert.strictEqual(await post('Refused'), undefined);
		const ended = await p.waitForNotification((n) => n.level === 'error');
		assert.match(ended.message, /has ended and could not be renewed\. Sign in again\./);
		assert.ok(ended.actions.includes('Sign In'));
		assert.strictEqual(await t.hasSecret(id), false, 'the unusable tokens are gone');
		assert.deepStrictEqual(
			tenantA.received.map((r) => [r.method, r.status]),
			[['GET', 401]],
			'one request met the 401; nothing was posted',
		);
		assert.strictEqual(oidc.tokenRequests.filter((r) => r.grantType === 'refresh_token').length, 1, 'one refresh attempt, no loop');
		// A loop would show more prompts right after the first; give it a moment to show itself.
		await new Promise((r) => setTimeout(r, 300));
		assert.strictEqual(p.notifications.filter((n) => n.level === 'error').length, 1, 'one prompt');
		assert.deepStrictEqual(await vscode.authentication.getAccounts('superoffice'), [], 'no account left in the Accounts menu');
	});

	it('Sign In on a connection whose sign-in ended signs in again to the same tenant and keeps the connection', async () => {
		const { id } = await signIn();
		assert.ok(id);
		await oidc.revokeAllGrants();
		await t.services.secrets.delete(id);

		const p = signInScript();
		const again = await vscode.commands.executeCommand('superofficeChat.signIn', { connectionId: id });
		assert.strictEqual(again, id, 'the same connection');
		assert.strictEqual(new URL(p.opened[0]).searchParams.get('acr_values'), `tenant:${TENANT}`);
		assert.deepStrictEqual(p.questionsOf('onlineEnvironment'), [], 'nothing asked: environment, app and tenant are known');
		assert.ok((await stored(id)).token);
		assert.strictEqual(t.services.connections.list().length, 1);
		assert.ok(await post('Back again'));
	});

	for (const [mode, check, what] of [
		['badSignature', 'signature', 'a bad signature'],
		['wrongAudience', 'audience', 'another audience'],
		['wrongIssuer', 'issuer', 'another issuer'],
		['expired', 'expired', 'an expiry in the past'],
	] as const) {
		it(`refuses an id_token with ${what} and stores nothing`, async () => {
			oidc.tamper(mode);
			const { p, id } = await signIn();
			assert.strictEqual(id, undefined);
			const e = await p.waitForNotification((n) => n.level === 'error');
			assert.strictEqual(e.message, `The sign-in answer failed a security check (${check}) and was refused. Nothing was stored.`);
			assertNothingStored();
		});
	}

	it('refuses an id_token whose nonce is not the one sent', async () => {
		const { p, id } = await signIn({
			browse: (url) => completeLogin(url, { rewrite: (u) => u.searchParams.set('nonce', 'not-the-nonce-sent') }),
		});
		assert.strictEqual(id, undefined);
		const e = await p.waitForNotification((n) => n.level === 'error');
		assert.match(e.message, /security check \(nonce\)/);
		assertNothingStored();
	});

	it('follows a 421 to the tenant’s new host and posts exactly once', async () => {
		const { p, id } = await signIn();
		assert.ok(id);
		oidc.moveTenant(tenantB.url);
		tenantA.fault({ ...MISDIRECTED, times: 10 });

		const result = await post('Moved');
		assert.ok(result?.ChatMessageId, `posted (notifications: ${JSON.stringify(p.notifications)})`);
		assert.ok(oidc.stateRequests.length >= 1, 'the tenant state API was asked');
		assert.ok(
			posts(tenantA).every((r) => r.status === 421),
			'the old host processed nothing',
		);
		assert.deepStrictEqual(
			posts(tenantB).map((r) => r.status),
			[200],
		);
		assert.strictEqual(tenantB.messages(101).filter((m) => m.Message === 'Moved').length, 1);
		assert.strictEqual(tenantA.messages(101).filter((m) => m.Message === 'Moved').length, 0);
		assert.strictEqual(t.services.connections.get(id)?.baseUrl, tenantB.url, 'the connection moved');
	});

	it('asks the state API again once ValidUntil has passed, before sending', async () => {
		const validUntil = Date.now() + 1500;
		oidc.setTenantState({ ValidUntil: new Date(validUntil).toISOString() });
		const { id } = await signIn();
		assert.ok(id);
		oidc.moveTenant(tenantB.url);
		const asked = oidc.stateRequests.length;
		await waitFor('ValidUntil to pass', () => Date.now() > validUntil + 50, 10000);

		const result = await post('After ValidUntil');
		assert.ok(result?.ChatMessageId);
		assert.ok(oidc.stateRequests.length > asked, 'asked again');
		assert.strictEqual(posts(tenantA).length, 0, 'nothing went to the old host');
		assert.strictEqual(posts(tenantB).length, 1);
	});

	it('says in plain words that the tenant is in maintenance, and sends nothing', async () => {
		const { p, id } = await signIn();
		assert.ok(id);
		oidc.setTenantState({ State: 'OfflineMaintenance', IsRunning: false });
		tenantA.fault({ ...MISDIRECTED, times: 10 });

		assert.strictEqual(await post('During maintenance'), undefined);
		const e = await p.waitForNotification((n) => n.level === 'error');
		assert.strictEqual(e.message, `${TENANT} is down for maintenance. Try again later. Nothing was sent.`);
		assert.ok(posts(tenantA).every((r) => r.status === 421));
		assert.strictEqual(posts(tenantB).length, 0);
	});

	it('Cancel leaves nothing stored and closes the loopback listener', async () => {
		let authorizeUrl = '';
		const p = signInScript({ browse: (url) => ((authorizeUrl = url), undefined) });
		const running = vscode.commands.executeCommand(SIGN_IN);
		await p.waitForOpened(1);
		assert.strictEqual(p.cancelProgress(), 1);
		assert.strictEqual(await running, undefined);
		assert.ok(!p.notifications.some((n) => n.level === 'error'), 'cancelling is silent');
		assertNothingStored();
		// The browser finishing late reaches nobody.
		const late = await completeLogin(authorizeUrl, { skipCallback: true });
		await assert.rejects(fetch(late.redirectedTo), 'the listener is closed');
		assert.deepStrictEqual(oidc.tokenRequests, [], 'no code was exchanged');
	});

	it('times out with a clear message and nothing stored', async () => {
		await setSetting('online.signInTimeoutSeconds', 2);
		const { p, id } = await signIn({ browse: () => undefined });
		assert.strictEqual(id, undefined);
		const e = await p.waitForNotification((n) => n.level === 'error');
		assert.strictEqual(e.message, 'The sign-in timed out: no answer came back from the browser.');
		assert.ok(e.actions.includes('Try Again'));
		assertNothingStored();
	});

	it('asks once for the client secret of a confidential application, keeps it in SecretStorage, forgets it on Sign Out', async () => {
		await setSetting('online.clientIds', { custom: oidc.confidentialClient.clientId });
		const p = signInScript();
		p.answer('clientSecret', oidc.confidentialClient.clientSecret);
		const id = (await vscode.commands.executeCommand(SIGN_IN)) as string | undefined;
		assert.ok(id, `signed in (notifications: ${JSON.stringify(p.notifications)})`);
		assert.deepStrictEqual(
			oidc.tokenRequests.map((r) => [r.grantType, r.hadSecret, r.status === 200]),
			[
				['authorization_code', false, false],
				['authorization_code', true, true],
			],
		);
		assert.strictEqual(
			await t.services.secrets.getClientSecret(oidc.authority, oidc.confidentialClient.clientId),
			oidc.confidentialClient.clientSecret,
		);
		assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('superofficeChat')).includes(oidc.confidentialClient.clientSecret));

		// A second sign-in does not ask again.
		const again = signInScript();
		assert.ok(await vscode.commands.executeCommand(SIGN_IN));
		assert.deepStrictEqual(again.questionsOf('clientSecret'), []);

		// Sign Out revokes the refresh token at the provider and forgets tokens and the client secret.
		const refresh = (await stored(id)).refreshToken;
		assert.ok(refresh);
		await vscode.commands.executeCommand(SIGN_OUT, { connectionId: id });
		assert.ok(oidc.revocations.length >= 1, 'the refresh token was revoked');
		assert.strictEqual(await t.hasSecret(id), false);
		assert.strictEqual(await t.services.secrets.getClientSecret(oidc.authority, oidc.confidentialClient.clientId), undefined);
		assert.ok(t.services.connections.get(id), 'the connection stays for a later Sign In');
		assert.deepStrictEqual(await vscode.authentication.getAccounts('superoffice'), [], 'no account left in the Accounts menu');
	});

	it('stays signed in across a reload (fresh stores read the tokens back)', async () => {
		const { id } = await signIn();
		assert.ok(id);
		const reopened = t.reopenStores();
		try {
			const c = reopened.connections.get(id);
			assert.ok(c);
			const client = await reopened.clients.forConnection(c);
			const message = await client.postMessage(101, { Message: 'After reload', Type: 'ToCustomer', SpecialType: 'None' });
			assert.ok(message.ChatMessageId);
			assert.deepStrictEqual(bearerOf(tenantA), [(await stored(id)).token]);
		} finally {
			reopened.dispose();
		}
	});
});
