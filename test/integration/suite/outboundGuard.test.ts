// The outbound guard and the send defects at the one send path, end to end in a real host against the local server:
// what the user is asked, and what the server received (redacted, or nothing at all).
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { TestingApi } from '../../../src/extensionApi';
import { type LocalServer } from '../../server/server';
import {
	addConnection,
	DEMO_PASSWORD,
	demoBasic,
	posts,
	scripted,
	setSetting,
	SITE,
	startLocalServer,
	useCoreSuite,
	waitFor,
} from '../helpers/core';

const POST_MESSAGE = 'superofficeChat.postMessage';
const POST_SELECTION = 'superofficeChat.postSelection';
const MESSAGES_101 = `${SITE}/api/v1/ChatSession/101/Messages`;
// AWS's own documentation example key: the shape of a real one, valid nowhere.
const AWS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const LEAKY = `Try again with key ${AWS_KEY} please`;

describe('Outbound guard and send defects', function () {
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

	const sentTexts = (): string[] => posts(server).map((r) => (r.body as { Message: string }).Message);

	it('warn: lists what was found line by line; Redact and send posts the redacted text, and the key is in no log', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const p = scripted(t).answer('outboundGuard', 'Redact and send');
		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: `Hello\n${LEAKY}` });
		await p.waitForStatusMessage(/Posted to Ada Lovelace/);

		const asked = p.notifications.find((n) => n.id === 'outboundGuard');
		assert.ok(asked, 'the guard asked');
		assert.strictEqual(asked.modal, true);
		assert.strictEqual(asked.message, 'This message to Ada Lovelace holds what looks like a secret.');
		assert.strictEqual(asked.detail, 'Line 2, column 20: AWS access key id (AKIA…)');
		assert.deepStrictEqual(asked.actions, ['Redact and send', 'Send anyway']);
		assert.deepStrictEqual(sentTexts(), ['Hello\nTry again with key [token removed] please']);
		assert.ok(!t.logLines().some((l) => l.includes(AWS_KEY)), 'the key reached the log');
		assert.ok(!JSON.stringify(p.notifications).includes(AWS_KEY), 'the key reached a notification');
	});

	it('warn: Send anyway posts the text as written; Cancel posts nothing', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const p = scripted(t).answer('outboundGuard', 'Send anyway', undefined);
		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: LEAKY });
		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: `${LEAKY} (second)` });
		assert.deepStrictEqual(sentTexts(), [LEAKY]);
		assert.strictEqual(p.notifications.filter((n) => n.id === 'outboundGuard').length, 2);
		assert.ok(!p.notifications.some((n) => n.level === 'error'), 'Cancel is silent');
		assert.deepStrictEqual(t.services.outbox.list(), [], 'a cancelled send is not an unsent message');
	});

	it('block: refuses with the masked finding and sends nothing; off: sends as written', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		await setSetting('outboundGuard', 'block');
		const p = scripted(t);
		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: LEAKY });
		const n = await p.waitForNotification((x) => x.level === 'error');
		assert.strictEqual(
			n.message,
			'Not sent: the message holds what the outbound guard blocks (AWS access key id (AKIA…) at line 1, column 20). Remove it and send again.',
		);
		assert.deepStrictEqual(sentTexts(), []);

		await setSetting('outboundGuard', 'off');
		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: LEAKY });
		assert.deepStrictEqual(sentTexts(), [LEAKY]);
		assert.strictEqual(p.notifications.filter((x) => x.id === 'outboundGuard').length, 0, 'never asked');
	});

	it('Send Selection goes through the same guard; internal host names from the setting are found too', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		await setSetting('internalHosts', ['*.corp.example.com']);
		await setSetting('selectionFormat', 'plain');
		try {
			const doc = await vscode.workspace.openTextDocument({ content: 'curl https://build01.corp.example.com/status' });
			const editor = await vscode.window.showTextDocument(doc);
			editor.selection = new vscode.Selection(0, 0, 0, doc.lineAt(0).text.length);
			const p = scripted(t).answer('confirmSelectionSend', true).answer('outboundGuard', 'Redact and send');
			await vscode.commands.executeCommand(POST_SELECTION, { sessionId: 101 });
			const asked = p.notifications.find((n) => n.id === 'outboundGuard');
			assert.ok(asked);
			assert.strictEqual(asked.message, 'This message to Ada Lovelace holds private details.');
			assert.match(asked.detail ?? '', /Internal host name \(\*\.corp\.example\.com\)/);
			assert.deepStrictEqual(sentTexts(), ['curl https://[internal host]/status']);
		} finally {
			await setSetting('selectionFormat', undefined);
			await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
		}
	});

	it('a character that is not valid Unicode is refused before any request, naming its position', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const p = scripted(t);
		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: 'ok\nbad \ud83d here' });
		const n = await p.waitForNotification((x) => x.level === 'error');
		assert.strictEqual(
			n.message,
			'Not sent: the message has a broken character (not valid Unicode) at line 2, column 5. Delete it and type it again.',
		);
		assert.deepStrictEqual(sentTexts(), []);
	});

	it('the compose editor refuses a broken character, selects it and keeps the document', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const p = scripted(t);
		await vscode.commands.executeCommand('superofficeChat.composeMessage', { sessionId: 101 });
		const editor = vscode.window.activeTextEditor;
		assert.ok(editor);
		const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
		await editor.edit((b) => b.insert(end, 'first line\nab\udc00cd'));
		try {
			await vscode.commands.executeCommand('superofficeChat.sendComposed');
			const n = await p.waitForNotification((x) => x.id === 'composeInvalidCharacter');
			const line = editor.document.lineCount;
			assert.strictEqual(
				n.message,
				`Not sent: the message has a broken character (not valid Unicode) at line ${line}, column 3. Delete it and type it again.`,
			);
			const sel = vscode.window.activeTextEditor?.selection;
			assert.deepStrictEqual([sel?.start.line, sel?.start.character], [line - 1, 2], 'the character is selected');
			assert.deepStrictEqual(sentTexts(), []);
			assert.ok(!editor.document.isClosed);
		} finally {
			await vscode.window.showTextDocument(editor.document);
			await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
		}
	});

	it('a POST redirected to another origin is refused: no request there, an error naming the host, nothing in the Outbox', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const other = await startLocalServer();
		try {
			server.fault({ method: 'POST', path: MESSAGES_101, redirectTo: `${other.url}/api/v1/ChatSession/101/Messages`, status: 307 });
			const p = scripted(t);
			await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: 'Only to my server' });
			const n = await p.waitForNotification((x) => x.level === 'error');
			const host = new URL(other.origin).host;
			assert.strictEqual(
				n.message,
				`Not sent: Local demo redirected the message to another host (${host}), and a message never leaves the host you chose. Check the connection's URL.`,
			);
			assert.strictEqual(other.received.length, 0, 'not one request reached the other origin');
			assert.deepStrictEqual(t.services.outbox.list(), []);
		} finally {
			await other.close();
		}
	});

	it('a 204 answer to a POST: "may have been posted", and the read-back finds it — stored once, nothing in the Outbox', async () => {
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const p = scripted(t);
		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: 'First, confirmed' });
		server.fault({ method: 'POST', path: MESSAGES_101, status: 204, afterStore: true });
		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: 'Second, unconfirmed' });
		const n = await p.waitForNotification((x) => x.level === 'error');
		assert.strictEqual(
			n.message,
			'Local demo did not confirm the message (HTTP 204) — it may have been posted. Checking the conversation…',
		);
		const found = await p.waitForNotification((x) => x.id === 'outboxCheck');
		const stored = server.messages(101).find((m) => m.Message === 'Second, unconfirmed');
		assert.ok(stored);
		assert.strictEqual(found.message, `The message to Ada Lovelace was posted after all (message #${stored.ChatMessageId}).`);
		assert.deepStrictEqual(t.services.outbox.forSession(c.id, 101), []);
		assert.strictEqual(sentTexts().filter((m) => m === 'Second, unconfirmed').length, 1, 'one POST, never repeated');
		await waitFor('the outbox to stay empty', () => t.services.outbox.list().length === 0);
	});
});
