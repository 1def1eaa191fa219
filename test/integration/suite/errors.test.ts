// Every failure a command can meet ends in one short message with the right actions (the error wrapper), the full
// detail in the log, and no POST where none should happen.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { TestingApi } from '../../../src/extensionApi';
import type { LocalServer } from '../../server/server';
import { addConnection, DEMO_PASSWORD, demoBasic, posts, scripted, setSetting, SITE, useCoreSuite, waitFor } from '../helpers/core';
import type { Notification, ScriptedPrompter } from '../helpers/scriptedPrompter';

const POST_MESSAGE = 'superofficeChat.postMessage';
const MESSAGES_101 = `${SITE}/api/v1/ChatSession/101/Messages`;

describe('Errors and their actions', function () {
	this.timeout(30000);
	let t: TestingApi;
	let server: LocalServer;

	useCoreSuite({
		ready: (api, local) => {
			t = api;
			server = local;
		},
		current: () => server,
	});

	async function postAndFail(p: ScriptedPrompter, args: unknown = { sessionId: 101, text: 'Hello' }): Promise<Notification> {
		await vscode.commands.executeCommand(POST_MESSAGE, args);
		return p.waitForNotification((n) => n.level === 'error');
	}

	function faultPost(status: number, extra: Record<string, unknown> = {}): void {
		server.fault({ method: 'POST', path: MESSAGES_101, status, ...extra });
	}

	it('401: says the credentials were refused and offers Sign In, which asks for them again', async () => {
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		faultPost(401, { body: { Error: true, ErrorType: 'UnauthorizedAccessException', ErrorMessage: 'Ticket expired' } });
		const p = scripted(t).answer('notification', 'Sign In').answer('userName', 'demo').answer('password', DEMO_PASSWORD.password);

		const n = await postAndFail(p);
		assert.strictEqual(n.message, 'Local demo did not accept your credentials. Sign in again.');
		assert.deepStrictEqual(n.actions, ['Sign In', 'Show Log']);
		await p.waitForNotification((x) => x.message === 'Signed in to Local demo as Demo Agent.');
		assert.ok(await t.hasSecret(c.id));
		const log = t.logLines().join('\n');
		assert.match(log, /kind=unauthorized, status=401, errorType=UnauthorizedAccessException, serverMessage="Ticket expired"/);
		assert.match(log, /request=POST \/Cust00000\/api\/v1\/ChatSession\/101\/Messages/);
	});

	it('403: explains the chat licence and channel membership ("Can respond")', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		faultPost(403);
		const n = await postAndFail(scripted(t));
		assert.match(n.message, /chat user licence/);
		assert.match(n.message, /"Can respond"/);
		assert.deepStrictEqual(n.actions, ['Show Log']);
	});

	it('404: the session is gone, and nothing is posted', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const n = await postAndFail(scripted(t), { sessionId: 404, text: 'Anyone there?' });
		assert.match(n.message, /chat session was not found/);
		assert.strictEqual(posts(server).length, 0);
	});

	it('421: the tenant moved', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		// fetch itself repeats a 421 once on a fresh connection (Fetch standard), so refuse twice.
		faultPost(421, { times: 2 });
		const n = await postAndFail(scripted(t));
		assert.match(n.message, /moved to another host/);
	});

	it("network, server unreachable: says so, with no Retry for the picker's load", async () => {
		// Port 1 on loopback: nothing listens there, so the connection is refused.
		await addConnection(t, { ...demoBasic(server), baseUrl: `http://127.0.0.1:1${SITE}` }, DEMO_PASSWORD);
		const p = scripted(t);
		await vscode.commands.executeCommand(POST_MESSAGE);
		const n = await p.waitForNotification((x) => x.level === 'error');
		assert.strictEqual(n.message, 'Could not reach the server. Check the URL and your network.');
		assert.deepStrictEqual(n.actions, ['Check Connection', 'Show Log']);
		assert.deepStrictEqual(p.questionsOf('session'), [], 'the picker closed');
	});

	it('network, dropped during the POST: may have been posted, checking; no Retry, the Outbox instead', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		server.fault({ method: 'POST', path: MESSAGES_101, drop: true });
		const p = scripted(t);
		const n = await postAndFail(p);
		assert.strictEqual(n.message, 'The connection broke during the send — the message may have been posted. Checking the conversation…');
		assert.deepStrictEqual(n.actions, ['Open Outbox', 'Show Log']);
		await p.waitForNotification((x) => x.id === 'outboxCheck');
	});

	it('timeout: no answer in N s — may have been posted, checking', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		await setSetting('requestTimeoutSeconds', 1);
		server.fault({ method: 'POST', path: MESSAGES_101, delayMs: 2500 });
		const p = scripted(t);
		const n = await postAndFail(p);
		assert.strictEqual(n.message, 'No answer in 1 s — the message may have been posted. Checking the conversation…');
		assert.deepStrictEqual(n.actions, ['Open Outbox', 'Show Log']);
		await p.waitForNotification((x) => x.id === 'outboxCheck');
		// The delayed POST goes on to store the message; let it land before the next test resets the server.
		await waitFor('the delayed POST to finish', () => server.messages(101).some((m) => m.Message === 'Hello'), 5000);
	});

	it('500 on POST: the server failed, may have been posted', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		faultPost(500);
		const p = scripted(t);
		const n = await postAndFail(p);
		assert.match(n.message, /^Local demo failed \(HTTP 500\) — the message may have been posted\. Checking the conversation…$/);
		await p.waitForNotification((x) => x.id === 'outboxCheck');
	});

	it('429: says when to try again', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		faultPost(429, { retryAfterSeconds: 7 });
		const n = await postAndFail(scripted(t));
		assert.strictEqual(n.message, 'The server is busy. Try again in 7 s.');
	});

	it('insecure: refuses credentials over http to another host and explains allowInsecureHttp', async () => {
		await addConnection(
			t,
			{ name: 'Plain http', baseUrl: 'http://crm.example.invalid/SuperOffice', auth: 'basic', userName: 'demo' },
			DEMO_PASSWORD,
		);
		const n = await postAndFail(scripted(t));
		assert.match(n.message, /plain http:\/\//);
		assert.match(n.message, /allowInsecureHttp/);
	});

	it('not signed in: asks to sign in first; no request at all', async () => {
		await addConnection(t, demoBasic(server));
		const n = await postAndFail(scripted(t));
		assert.strictEqual(n.message, 'Sign in to Local demo first.');
		assert.deepStrictEqual(n.actions, ['Sign In', 'Show Log']);
		assert.strictEqual(server.received.length, 0);
	});

	it('no connection: offers Add Connection', async () => {
		const n = await postAndFail(scripted(t));
		assert.strictEqual(n.message, 'There is no SuperOffice connection yet.');
		assert.deepStrictEqual(n.actions, ['Add Connection', 'Show Log']);
	});

	it('offers Switch Connection when there is more than one connection', async () => {
		await addConnection(t, { ...demoBasic(server), name: 'Other' }, DEMO_PASSWORD);
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		faultPost(401);
		const p = scripted(t).answer('notification', 'Switch Connection').answer('pickConnection', 'Other');
		const n = await postAndFail(p);
		assert.deepStrictEqual(n.actions, ['Sign In', 'Switch Connection', 'Show Log']);
		await waitFor('the switch', () => t.services.connections.active()?.name === 'Other');
	});

	it('cancelling is silent', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const p = scripted(t).answer('session', 'Ada Lovelace').answer('messageText', undefined);
		await vscode.commands.executeCommand(POST_MESSAGE);
		assert.deepStrictEqual(p.notifications, []);
		assert.strictEqual(posts(server).length, 0);
	});
});
