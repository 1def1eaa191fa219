// Credentials live in SecretStorage only: they survive a reload, Sign Out deletes them, and no credential appears
// in the log, the settings, globalState or a notification.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { TestingApi } from '../../../src/extensionApi';
import type { LocalServer } from '../../server/server';
import {
	addConnection,
	allSecrets,
	DEMO,
	DEMO_PASSWORD,
	demoBasic,
	posts,
	scripted,
	SITE,
	useCoreSuite,
	waitFor,
	WRONG_PASSWORD,
} from '../helpers/core';

describe('Secrets', function () {
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

	it('survive a reload: new stores over the same SecretStorage still authenticate', async () => {
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const reopened = t.reopenStores();
		try {
			assert.strictEqual(await reopened.secrets.has(c.id), true);
			const { connection, client } = await reopened.clients.forActive();
			assert.strictEqual(connection.id, c.id);
			const sessions = await client.listSessions();
			assert.ok(sessions.length > 0);
			const [get] = server.received;
			assert.strictEqual(get.path, `${SITE}/api/v1/ChatSession/ForCurrentUser`);
			assert.strictEqual(get.status, 200, 'the reloaded credentials were accepted');
		} finally {
			reopened.dispose();
		}
	});

	it('Sign Out deletes them (also for a reloaded window) and the next post asks to sign in, sending nothing', async () => {
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const reopened = t.reopenStores();
		try {
			const changed = new Promise<string>((resolve) => reopened.secrets.onDidChange(resolve));
			const p = scripted(t);
			await vscode.commands.executeCommand('superofficeChat.signOut', { connectionId: c.id });
			assert.strictEqual(await changed, c.id, 'another store over the same storage hears of it');
			assert.strictEqual(await t.hasSecret(c.id), false);
			assert.strictEqual(await reopened.secrets.has(c.id), false);
			await p.waitForNotification((n) => n.message === 'Signed out of Local demo. Its stored credentials were deleted.');

			await vscode.commands.executeCommand('superofficeChat.postMessage', { sessionId: 101, text: 'Hello?' });
			await p.waitForNotification((n) => n.message === 'Sign in to Local demo first.');
			assert.strictEqual(server.received.length, 0);
		} finally {
			reopened.dispose();
		}
	});

	it('Sign In / Update Credentials replaces them; the status follows', async () => {
		const c = await addConnection(t, demoBasic(server));
		assert.strictEqual(await t.hasSecret(c.id), false);
		scripted(t).answer('userName', DEMO.userName).answer('password', DEMO.password);
		await vscode.commands.executeCommand('superofficeChat.signIn', { connectionId: c.id });
		assert.strictEqual(await t.hasSecret(c.id), true);
		await waitFor('signed-in status', () => t.services.connections.active()?.id === c.id);
		await vscode.commands.executeCommand('superofficeChat.postMessage', { sessionId: 101, text: 'after sign in' });
		assert.strictEqual(posts(server).length, 1);
	});

	it('never appear in the log, settings, globalState or notifications — while the log has the trace', async () => {
		// Every scheme, a refused password and a successful post, so each credential has passed through.
		const p = scripted(t)
			.answer('connectionName', 'Basic', 'Ticket', 'Token')
			.answer('baseUrl', server.url, server.url, server.url)
			.answer('authScheme', 'User name and password', 'SuperOffice ticket', 'Access token')
			.answer('userName', DEMO.userName, DEMO.userName)
			.answer('password', WRONG_PASSWORD, DEMO.password)
			.answer('verifyFailed', 'Enter Again')
			.answer('ticket', DEMO.ticket)
			.answer('appToken', DEMO.appToken)
			.answer('token', DEMO.bearer);
		for (let i = 0; i < 3; i++) {
			assert.ok(await vscode.commands.executeCommand('superofficeChat.addConnection'), 'added');
			await vscode.commands.executeCommand('superofficeChat.postMessage', { sessionId: 101, text: `post ${i}` });
		}
		server.fault({ method: 'POST', path: `${SITE}/api/v1/ChatSession/101/Messages`, status: 401 });
		await vscode.commands.executeCommand('superofficeChat.postMessage', { sessionId: 101, text: 'refused' });
		await p.waitForNotification((n) => n.level === 'error');
		assert.strictEqual(posts(server).length, 4);

		const log = t.logLines();
		assert.ok(
			log.some((l) => /POST \/Cust00000\/api\/v1\/ChatSession\/101\/Messages 200 [\d.]+ ms message #\d+ \[Token\]/.test(l)),
			'the log traces each request with status, time and message id',
		);
		assert.ok(log.some((l) => /GET \/Cust00000\/api\/v1\/User\/currentPrincipal 401/.test(l)));
		const places: [string, string][] = [
			['log', log.join('\n')],
			['settings', JSON.stringify(vscode.workspace.getConfiguration('superofficeChat').inspect('connections')?.globalValue)],
			['globalState', JSON.stringify(t.services.globalState.keys().map((k) => t.services.globalState.get(k)))],
			['notifications', JSON.stringify(p.notifications)],
		];
		for (const [where, text] of places) {
			for (const secret of allSecrets()) assert.ok(!text.includes(secret), `a credential appears in the ${where}`);
		}
	});
});
