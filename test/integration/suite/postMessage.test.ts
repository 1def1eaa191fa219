// Post Message end to end in the real host against the local server: the session picker, the text box, the
// request that arrived (path, headers, body), the confirmation, the recent list, the in-flight guard and Retry.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { TestingApi } from '../../../src/extensionApi';
import type { LocalServer } from '../../server/server';
import {
	addConnection,
	assertNoViolations,
	DEMO,
	DEMO_PASSWORD,
	demoBasic,
	posts,
	scripted,
	setSetting,
	SITE,
	startLocalServer,
	useCoreSuite,
	waitFor,
	waitUntilRefused,
} from '../helpers/core';
import type { InputOptions, PickItem } from '../../../src/core/prompter';

const POST_MESSAGE = 'superofficeChat.postMessage';

describe('Post Message (palette)', function () {
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

	it('picks a session, takes the text and posts exactly one ToCustomer message', async () => {
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const p = scripted(t).answer('session', 'Ada Lovelace').answer('messageText', 'Hello Ada, the fix is out.');

		const result = (await vscode.commands.executeCommand(POST_MESSAGE)) as { ChatMessageId?: number } | undefined;

		const sent = posts(server);
		assert.strictEqual(sent.length, 1, 'exactly one POST');
		const post = sent[0];
		assert.strictEqual(post.path, `${SITE}/api/v1/ChatSession/101/Messages`);
		assert.deepStrictEqual(post.body, { Message: 'Hello Ada, the fix is out.', Type: 'ToCustomer', SpecialType: 'None' });
		const basic = `Basic ${Buffer.from(`${DEMO.userName}:${DEMO.password}`).toString('base64')}`;
		assert.strictEqual(post.headers.authorization, basic);
		assert.match(post.headers['content-type'] ?? '', /^application\/json/);
		assert.strictEqual(post.headers['accept-language'], vscode.env.language);
		assert.strictEqual(post.headers['so-language'], vscode.env.language);
		assert.strictEqual(post.headers['so-culture'], undefined, 'no culture unless set');
		assert.strictEqual(post.status, 200);
		assert.ok(result?.ChatMessageId, 'the command returns the stored message');

		// Quiet by default: a spinner in the status bar while it posts, then the confirmation there, and no toast.
		assert.deepStrictEqual(p.windowProgressTitles, ['Posting to Ada Lovelace…']);
		assert.deepStrictEqual(p.statusMessages, [`$(check) Posted to Ada Lovelace (message #${result.ChatMessageId})`]);
		assert.deepStrictEqual(
			p.notifications.filter((n) => /posted/i.test(n.message)),
			[],
			'no toast for the send',
		);
		assert.deepStrictEqual(t.recentSessions(c.id), [101]);
		assert.deepStrictEqual(p.unexpected, []);
		assertNoViolations(server);
	});

	it('confirms with a notification and Show Log when confirmations is "notification"', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		await setSetting('confirmations', 'notification');
		const p = scripted(t);

		const result = (await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: 'Loud, please.' })) as
			{ ChatMessageId?: number } | undefined;

		assert.ok(result?.ChatMessageId);
		const ok = await p.waitForNotification((n) => n.level === 'info' && n.message.includes(`#${result.ChatMessageId}`));
		assert.strictEqual(ok.message, `Message #${result.ChatMessageId} posted to Ada Lovelace.`);
		assert.deepStrictEqual(ok.actions, ['Show Log']);
		assert.deepStrictEqual(p.statusMessages, [], 'no status-bar confirmation as well');
		assert.strictEqual(posts(server).length, 1);
	});

	it('lists recent sessions first, then open ones, then the rest, with an item to type an id', async () => {
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		await t.services.recentSessions.add(c.id, 102);
		const p = scripted(t).answer('session', undefined);

		await vscode.commands.executeCommand(POST_MESSAGE);

		const [asked] = p.questionsOf('session');
		assert.ok(asked?.entries, 'the session picker was shown');
		const rows = asked.entries.map((e) => ('separator' in e ? `--${e.label}` : e.label));
		assert.deepStrictEqual(rows.slice(0, 6), ['--Recent', 'Grace Hopper', '--Open', 'Ada Lovelace', 'Linus T.', '--Other']);
		assert.strictEqual(rows.at(-1), 'Enter a session id…');
		assert.ok(!rows.some((r) => /deleted/i.test(r)), 'deleted sessions are not offered');
		const ada = asked.entries.find((e): e is PickItem<unknown> => !('separator' in e) && e.label === 'Ada Lovelace');
		assert.match(ada?.description ?? '', /Support/, 'the topic name is shown');
		assert.match(ada?.description ?? '', /customer waiting/);
		assert.match(ada?.detail ?? '', /export button is greyed out/, 'the last message is shown');
		assert.strictEqual(posts(server).length, 0, 'cancelling posts nothing');
		assert.deepStrictEqual(p.notifications, [], 'cancelling is silent');
	});

	it('takes a typed session id (validated) and names the customer from the server', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const p = scripted(t)
			.answer('session', 'Enter a session id…')
			.answer('sessionId', 'abc', '103')
			.answer('messageText', 'Yes, 50 % for open source.');

		await vscode.commands.executeCommand(POST_MESSAGE);

		assert.deepStrictEqual(
			p.invalid.map((i) => i.value),
			['abc'],
		);
		assert.deepStrictEqual(
			posts(server).map((r) => r.path),
			[`${SITE}/api/v1/ChatSession/103/Messages`],
		);
		await p.waitForStatusMessage(/Posted to Linus T\. \(message #\d+\)$/);
	});

	it('with arguments { sessionId, text } asks nothing and still confirms', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const p = scripted(t);

		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 102, text: 'Here is the page.' });

		assert.deepStrictEqual(p.asked, [], 'no prompt');
		const sent = posts(server);
		assert.strictEqual(sent.length, 1);
		assert.deepStrictEqual(sent[0].body, { Message: 'Here is the page.', Type: 'ToCustomer', SpecialType: 'None' });
		await p.waitForStatusMessage(/Posted to Grace Hopper \(message #\d+\)$/);
	});

	it('rejects an empty text argument without any request', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const p = scripted(t);
		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: '   ' });
		const n = await p.waitForNotification((x) => x.level === 'error');
		assert.strictEqual(n.message, 'The message is empty.');
		// Only the send is checked: the live sessions' background reads (GET) may run at any time once signed in.
		assert.deepStrictEqual(
			server.received.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`),
			[],
		);
	});

	it('sends the language, culture and time zone settings as headers', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		await setSetting('language', 'nb');
		await setSetting('culture', 'nb-NO');
		await setSetting('timeZone', 'Europe/Oslo');
		scripted(t);

		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: 'Hei!' });

		const [post] = posts(server);
		assert.ok(post, 'posted');
		assert.strictEqual(post.headers['accept-language'], 'nb');
		assert.strictEqual(post.headers['so-language'], 'nb');
		assert.strictEqual(post.headers['so-culture'], 'nb-NO');
		assert.strictEqual(post.headers['so-timezone'], 'Europe/Oslo');
	});

	it('refuses a second send to the same session while the first is in flight', async () => {
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		server.fault({ method: 'POST', path: `${SITE}/api/v1/ChatSession/101/Messages`, delayMs: 1500 });
		const p = scripted(t);

		const first = vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: 'first' });
		await waitFor('the first send to be in flight', () => t.isSendBusy(c.id, 101));
		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: 'second' });
		const busy = await p.waitForNotification((n) => n.level === 'error');
		assert.match(busy.message, /still being sent/);
		await first;

		assert.deepStrictEqual(
			posts(server).map((r) => (r.body as { Message: string }).Message),
			['first'],
		);
		await p.waitForStatusMessage(/Posted to Ada Lovelace/);
	});

	it('keeps the text of a failed send: Retry (when safe) opens the box with it', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const port = new URL(server.origin).port;
		const p = scripted(t)
			.answer('session', 'Ada Lovelace')
			// The server goes away between choosing the session and sending: the POST provably never left.
			.answer('messageText', async () => {
				await server.close();
				await waitUntilRefused(server.origin);
				return 'Please restart the export.';
			})
			.answer('notification', 'Retry')
			.answer('messageText', async (o: InputOptions) => {
				server = await startLocalServer(Number(port));
				return o.value;
			});

		await vscode.commands.executeCommand(POST_MESSAGE);
		const failed = await p.waitForNotification((n) => n.level === 'error');
		assert.strictEqual(failed.message, 'Could not reach the server — nothing was posted.');
		assert.deepStrictEqual(failed.actions, ['Retry', 'Check Connection', 'Show Log']);

		await p.waitForStatusMessage(/Posted to Ada Lovelace/, 15000);
		const boxes = p.questionsOf('messageText');
		assert.strictEqual(boxes.length, 2);
		assert.strictEqual((boxes[1].options as { value?: string }).value, 'Please restart the export.', 'the retry box starts with the text');
		assert.deepStrictEqual(
			posts(server).map((r) => (r.body as { Message: string }).Message),
			['Please restart the export.'],
		);
	});

	it('offers no Retry when the POST may have arrived, but the next Post Message starts from the text', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		server.fault({ method: 'POST', path: `${SITE}/api/v1/ChatSession/101/Messages`, drop: true });
		const p = scripted(t).answer('session', 'Ada Lovelace', 'Ada Lovelace').answer('messageText', 'Lost?', undefined);

		await vscode.commands.executeCommand(POST_MESSAGE);
		const failed = await p.waitForNotification((n) => n.level === 'error');
		assert.match(failed.message, /may have been posted/);
		assert.ok(!failed.actions.includes('Retry'), 'no blind retry of a POST');
		await p.waitForNotification((n) => n.id === 'outboxCheck');

		await vscode.commands.executeCommand(POST_MESSAGE);
		const boxes = p.questionsOf('messageText');
		assert.strictEqual((boxes[1].options as { value?: string }).value, 'Lost?');
	});

	it('hands the chosen session to Compose in Editor', async () => {
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		scripted(t).answer('session', 'Grace Hopper').answer('messageText', { action: 'compose' });

		await vscode.commands.executeCommand(POST_MESSAGE);

		const editor = await waitFor('the compose editor', () => {
			const e = vscode.window.activeTextEditor;
			return e && e.document.isUntitled && e.document.getText().includes('Grace Hopper') ? e : undefined;
		});
		assert.ok(editor.document.getText().includes(c.name), 'the compose document names the connection');
		assert.strictEqual(posts(server).length, 0, 'nothing is posted before the user sends');
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	});
});
