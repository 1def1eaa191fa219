// Add, switch, sign in and remove connections end to end: what the server received while adding (the probe, the
// credential check), what ends up in settings (never a secret) and in SecretStorage.
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
	startLocalServer,
	useCoreSuite,
	WRONG_PASSWORD,
} from '../helpers/core';

const ADD = 'superofficeChat.addConnection';

function userSettingsText(): string {
	return JSON.stringify(vscode.workspace.getConfiguration('superofficeChat').inspect('connections')?.globalValue ?? null);
}

/** What the live model reads in the background once a connection is active (the list, who is signed in, topics, messages). */
const LIVE_READ = /^GET \S+\/api\/v1\/((ChatSession|ChatTopic)\/ForCurrentUser|ChatSession\/\d+\/Messages|User\/currentPrincipal) 200$/;

describe('Connections', function () {
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

	it('Add Connection (Basic): probes the URL, checks the credentials, stores the secret apart and makes it active', async () => {
		const p = scripted(t)
			.answer('connectionName', 'Local demo')
			// Pasted from the API docs: the extension keeps only the base.
			.answer('baseUrl', `${server.url}/api/v1/ChatSession`)
			.answer('authScheme', 'User name and password')
			.answer('userName', DEMO.userName)
			.answer('password', DEMO.password);

		const id = (await vscode.commands.executeCommand(ADD)) as string;

		assert.ok(id, 'the command returns the new id');
		const requests = server.received.map((r) => `${r.method} ${r.path} ${r.status}`);
		assert.deepStrictEqual(requests.slice(0, 2), [`GET ${SITE}/api 200`, `GET ${SITE}/api/v1/User/currentPrincipal 200`]);
		assert.deepStrictEqual(
			requests.slice(2).filter((r) => !LIVE_READ.test(r)),
			[],
			'after that only the live model reads',
		);
		assert.strictEqual(server.received[0].headers.authorization, undefined, 'the probe sends no credentials');
		assert.match(server.received[1].headers.authorization ?? '', /^Basic /);
		const scheme = p.questionsOf('authScheme')[0];
		assert.match((scheme.options as { placeholder?: string }).placeholder ?? '', /SuperOffice 10\.5\.4\.0/, 'the server version is shown');
		assert.strictEqual(p.questionsOf('password')[0] && (p.questionsOf('password')[0].options as { password?: boolean }).password, true);

		const c = t.services.connections.get(id);
		assert.deepStrictEqual(c, { id, name: 'Local demo', baseUrl: server.url, auth: 'basic', userName: 'demo' });
		assert.strictEqual(t.services.connections.active()?.id, id);
		assert.ok(await t.hasSecret(id));
		const settings = userSettingsText();
		for (const secret of allSecrets()) assert.ok(!settings.includes(secret), 'no secret in settings');
		await p.waitForNotification((n) => n.message === 'Connected to Local demo as Demo Agent.');
		assert.deepStrictEqual(p.unexpected, []);
	});

	it('Add Connection: a URL that does not answer offers Edit URL, and a refused password is asked again', async () => {
		const p = scripted(t)
			.answer('connectionName', 'Demo')
			.answer('baseUrl', 'ftp://nope', `http://127.0.0.1:1${SITE}`, server.url)
			.answer('probeFailed', 'Edit URL')
			.answer('authScheme', 'User name and password')
			.answer('userName', DEMO.userName, DEMO.userName)
			.answer('password', WRONG_PASSWORD, DEMO.password)
			.answer('verifyFailed', 'Enter Again');

		const id = (await vscode.commands.executeCommand(ADD)) as string;

		assert.deepStrictEqual(
			p.invalid.map((i) => i.value),
			['ftp://nope'],
			'a non-http URL is refused by the box itself',
		);
		const probe = p.notifications.find((n) => n.id === 'probeFailed');
		assert.ok(probe, 'the failed probe was reported');
		assert.strictEqual(probe.message, `Could not confirm a SuperOffice WebAPI at http://127.0.0.1:1${SITE}.`);
		assert.match(probe.detail ?? '', /Could not reach the server/);
		assert.deepStrictEqual(probe.actions, ['Use Anyway', 'Edit URL']);
		const refused = p.notifications.find((n) => n.id === 'verifyFailed');
		assert.ok(refused);
		assert.deepStrictEqual(refused.actions, ['Enter Again'], 'wrong credentials cannot be saved anyway');
		assert.strictEqual(t.services.connections.get(id)?.baseUrl, server.url);
		const principalCalls = server.received.filter((r) => r.path.endsWith('/currentPrincipal')).map((r) => r.status);
		// A third one, once saved, is the live model asking who is signed in.
		assert.deepStrictEqual(principalCalls.slice(0, 2), [401, 200]);
		assert.ok(principalCalls.length <= 3 && principalCalls.slice(2).every((s) => s === 200), principalCalls.join(', '));
	});

	it('Add Connection (SOTicket + app token) sends both headers', async () => {
		scripted(t)
			.answer('connectionName', 'Ticket')
			.answer('baseUrl', server.url)
			.answer('authScheme', 'SuperOffice ticket')
			.answer('ticket', DEMO.ticket)
			.answer('appToken', DEMO.appToken);
		const id = (await vscode.commands.executeCommand(ADD)) as string;
		assert.ok(id);
		server.reset();
		await vscode.commands.executeCommand('superofficeChat.postMessage', { sessionId: 101, text: 'via ticket' });
		const [post] = posts(server);
		assert.ok(post);
		assert.strictEqual(post.headers.authorization, `SOTicket ${DEMO.ticket}`);
		assert.strictEqual(post.headers['so-apptoken'], DEMO.appToken);
	});

	it('Add Connection (Bearer) sends the token', async () => {
		scripted(t)
			.answer('connectionName', 'Token')
			.answer('baseUrl', server.url)
			.answer('authScheme', 'Access token')
			.answer('token', DEMO.bearer);
		const id = (await vscode.commands.executeCommand(ADD)) as string;
		assert.ok(id);
		server.reset();
		await vscode.commands.executeCommand('superofficeChat.postMessage', { sessionId: 101, text: 'via token' });
		assert.strictEqual(posts(server)[0]?.headers.authorization, `Bearer ${DEMO.bearer}`);
	});

	it('Switch Connection: the next post goes to the chosen connection', async () => {
		const other = await startLocalServer();
		try {
			await addConnection(t, { ...demoBasic(other), name: 'Second' }, DEMO_PASSWORD);
			await addConnection(t, demoBasic(server), DEMO_PASSWORD);
			const p = scripted(t).answer('pickConnection', 'Second');
			await vscode.commands.executeCommand('superofficeChat.switchConnection');
			const picker = p.questionsOf('pickConnection')[0];
			assert.ok(picker.entries?.some((e) => !('separator' in e) && e.label === 'Add Connection…'));
			assert.strictEqual(t.services.connections.active()?.name, 'Second');

			await vscode.commands.executeCommand('superofficeChat.postMessage', { sessionId: 101, text: 'to the second' });
			assert.strictEqual(posts(other).length, 1);
			assert.strictEqual(posts(server).length, 0);
		} finally {
			await other.close();
		}
	});

	it('Remove Connection: asks first, then deletes the profile, its secret and its recent sessions', async () => {
		const keep = await addConnection(t, { ...demoBasic(server), name: 'Keep' }, DEMO_PASSWORD);
		const gone = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		await t.services.recentSessions.add(gone.id, 101);
		const p = scripted(t).answer('confirmRemove', false, true);

		await vscode.commands.executeCommand('superofficeChat.removeConnection', { connectionId: gone.id });
		assert.ok(t.services.connections.get(gone.id), 'declining keeps it');

		await vscode.commands.executeCommand('superofficeChat.removeConnection', { connectionId: gone.id });
		assert.strictEqual(t.services.connections.get(gone.id), undefined);
		assert.strictEqual(await t.hasSecret(gone.id), false);
		assert.deepStrictEqual(t.recentSessions(gone.id), []);
		assert.strictEqual(t.services.connections.active()?.id, keep.id, 'another connection becomes active');
		assert.match(p.questionsOf('confirmRemove')[0].message ?? '', /Remove the connection "Local demo"\?/);
	});
});
