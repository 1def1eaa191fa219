// The Outbox, quick replies, Add Selection to Draft and compose recipients, end to end in a real host against the
// local server: nothing is posted twice, nothing without the user, and what was kept is there after a reopen.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { TestingApi } from '../../../src/extensionApi';
import { Outbox, OUTBOX_KEY } from '../../../src/shared/outbox';
import { ComposeTargets } from '../../../src/targets/composeTargets';
import { type LocalServer } from '../../server/server';
import { addConnection, DEMO_PASSWORD, demoBasic, posts, scripted, setSetting, SITE, useCoreSuite, waitFor } from '../helpers/core';

const POST_MESSAGE = 'superofficeChat.postMessage';
const MESSAGES_101 = `${SITE}/api/v1/ChatSession/101/Messages`;

describe('Outbox, quick replies and drafts', function () {
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

	beforeEach(async () => {
		await t.services.globalState.update(OUTBOX_KEY, undefined);
	});

	const sent = (text: string): number => posts(server).filter((r) => (r.body as { Message: string }).Message === text).length;
	const stored = (text: string): number => server.messages(101).filter((m) => m.Message === text).length;

	it('a send that was not processed (429) goes to the Outbox; Retry there posts it once', async () => {
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		server.fault({ method: 'POST', path: MESSAGES_101, retryAfterSeconds: 1 });
		const p = scripted(t);
		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: 'Busy server' });
		await p.waitForNotification((n) => n.level === 'error');
		const [item] = t.services.outbox.list();
		assert.ok(item, 'kept in the Outbox');
		assert.deepStrictEqual(
			{ reason: item.reason, text: item.text, sessionId: item.sessionId, connectionId: item.connectionId, customer: item.customerLabel },
			{ reason: 'notSent', text: 'Busy server', sessionId: 101, connectionId: c.id, customer: 'Ada Lovelace' },
		);
		assert.ok(!JSON.stringify(t.services.globalState.get(OUTBOX_KEY)).includes(DEMO_PASSWORD.password as string), 'no secret stored');
		assert.strictEqual(stored('Busy server'), 0, 'nothing retried by itself');
		assert.deepStrictEqual(new Outbox(t.services.globalState).list(), [item], 'an Outbox reopened over globalState has it');

		p.answer('outboxItem', /^Ada Lovelace: Busy server$/).answer('outboxAction', 'Retry');
		const result = await vscode.commands.executeCommand<{ kind: string }>('superofficeChat.openOutbox');
		assert.strictEqual(result?.kind, 'posted');
		assert.strictEqual(stored('Busy server'), 1);
		assert.strictEqual(sent('Busy server'), 2, 'the refused POST and the one retry');
		assert.deepStrictEqual(t.services.outbox.list(), []);
	});

	it('unknown outcome, stored late: Retry reads back, finds it and does not post again', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		await setSetting('requestTimeoutSeconds', 1);
		// The server holds the POST past the timeout, then stores it: a slow server, not a lost message.
		server.fault({ method: 'POST', path: MESSAGES_101, delayMs: 2000 });
		const p = scripted(t);
		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: 'Slow but sure' });
		await p.waitForNotification((n) => n.level === 'error');
		const check = await p.waitForNotification((n) => n.id === 'outboxCheck');
		assert.match(check.message, /is not in the conversation \(yet\)/);
		await waitFor('the slow POST to be stored', () => stored('Slow but sure') === 1);
		assert.strictEqual(t.services.outbox.list()[0]?.reason, 'unknownOutcome');

		p.answer('outboxItem', /Slow but sure/).answer('outboxAction', 'Retry');
		const result = await vscode.commands.executeCommand<{ kind: string; messageId?: number }>('superofficeChat.openOutbox');
		assert.strictEqual(result?.kind, 'alreadyPosted');
		assert.strictEqual(result.messageId, server.messages(101).find((m) => m.Message === 'Slow but sure')?.ChatMessageId);
		assert.strictEqual(sent('Slow but sure'), 1, 'never posted again');
		assert.strictEqual(stored('Slow but sure'), 1);
		assert.deepStrictEqual(t.services.outbox.list(), []);
		await p.waitForNotification((n) => n.id === 'outboxAlreadyPosted');
	});

	it('unknown outcome, provably absent: Retry reads back and posts exactly once', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		server.fault({ method: 'POST', path: MESSAGES_101, drop: true });
		const p = scripted(t);
		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: 'Lost on the way' });
		await p.waitForNotification((n) => n.id === 'outboxCheck');
		assert.strictEqual(stored('Lost on the way'), 0);
		const gets = server.received.filter((r) => r.method === 'GET' && r.path === MESSAGES_101).length;

		p.answer('outboxItem', /Lost on the way/).answer('outboxAction', 'Retry');
		const result = await vscode.commands.executeCommand<{ kind: string }>('superofficeChat.openOutbox');
		assert.strictEqual(result?.kind, 'posted');
		assert.strictEqual(stored('Lost on the way'), 1);
		assert.strictEqual(sent('Lost on the way'), 2, 'the lost POST and one retry');
		const readBack = server.received.filter((r) => r.method === 'GET' && r.path === MESSAGES_101);
		assert.strictEqual(readBack.length, gets + 1, 'read back before posting');
		assert.ok(readBack.at(-1)?.query.after !== undefined, 'only the messages after the last one already read');
		assert.deepStrictEqual(t.services.outbox.list(), []);
	});

	it("Edit puts the text back into that session's draft; Discard removes it; both send nothing", async () => {
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		server.fault({ method: 'POST', path: MESSAGES_101, retryAfterSeconds: 1, times: 2 });
		const p = scripted(t);
		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: 'Edit me' });
		await vscode.commands.executeCommand(POST_MESSAGE, { sessionId: 101, text: 'Drop me' });
		await waitFor('two items', () => t.services.outbox.list().length === 2);
		p.answer('outboxItem', /Edit me/, /Drop me/).answer('outboxAction', 'Edit', 'Discard');
		await vscode.commands.executeCommand('superofficeChat.openOutbox');
		await vscode.commands.executeCommand('superofficeChat.openOutbox');
		assert.strictEqual(t.services.drafts.get(c.id, 101)?.text, 'Edit me');
		assert.deepStrictEqual(t.services.outbox.list(), []);
		assert.strictEqual(stored('Edit me') + stored('Drop me'), 0);
	});

	it('Post Quick Reply: template from the settings, variables filled, preview, sent through the one send path', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		await setSetting('replies', [{ name: 'Greeting', text: ['Hello {customer},', 'this is about session {session} ({{ref}}).'] }]);
		const p = scripted(t).answer('quickReply', 'Greeting').answer('quickReplyPreview', true);
		await vscode.commands.executeCommand('superofficeChat.postQuickReply', { sessionId: 101 });
		const preview = p.questionsOf('quickReplyPreview')[0];
		assert.strictEqual(preview.message, 'Send "Greeting" to Ada Lovelace (session 101)?');
		assert.strictEqual(stored('Hello Ada Lovelace,\nthis is about session 101 ({ref}).'), 1);
	});

	it('a ToUser quick reply (an internal note) meets the same guard', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		await setSetting('replies', [{ name: 'Note', type: 'ToUser', text: 'Logs are on build01.corp.example.com' }]);
		await setSetting('internalHosts', ['*.corp.example.com']);
		const p = scripted(t).answer('quickReply', 'Note').answer('quickReplyPreview', true).answer('outboundGuard', 'Redact and send');
		await vscode.commands.executeCommand('superofficeChat.postQuickReply', { sessionId: 101 });
		assert.ok(p.notifications.some((n) => n.id === 'outboundGuard'));
		const body = posts(server).at(-1)?.body as { Message: string; Type: string };
		assert.deepStrictEqual({ Message: body.Message, Type: body.Type }, { Message: 'Logs are on [internal host]', Type: 'ToUser' });
	});

	it('Insert Quick Reply returns the expanded text of a workspace template and sends nothing', async () => {
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const folder = vscode.workspace.workspaceFolders?.[0];
		assert.ok(folder, 'the test host opens a folder');
		const file = vscode.Uri.joinPath(folder.uri, '.vscode', 'superoffice-chat.replies.json');
		const json =
			'// shared with the team\n{ "replies": [ { "name": "Restart", "text": "Hi {customer}, please restart (session {session})." } ] }';
		await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(json));
		try {
			const text = await vscode.commands.executeCommand<string>('superofficeChat.insertQuickReply', {
				connectionId: c.id,
				sessionId: 101,
				customer: 'Ada',
				name: 'Restart',
			});
			assert.strictEqual(text, 'Hi Ada, please restart (session 101).');
			assert.strictEqual(posts(server).length, 0);
		} finally {
			await vscode.workspace.fs.delete(file);
		}
	});

	it("Add Selection to Draft appends the formatted selection to that session's draft in the DraftStore", async () => {
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		await t.services.drafts.set(c.id, 101, {
			text: 'Look at this:',
			type: 'ToCustomer',
			author: '',
			specialType: 'None',
			specialParam: '',
		});
		const doc = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'const answer = 42;\nother();' });
		const editor = await vscode.window.showTextDocument(doc);
		editor.selection = new vscode.Selection(0, 0, 0, 18);
		scripted(t);
		try {
			const text = await vscode.commands.executeCommand<string>('superofficeChat.addSelectionToDraft', { sessionId: 101 });
			assert.strictEqual(text, 'Look at this:\n\n```typescript\nconst answer = 42;\n```');
			assert.strictEqual(t.services.drafts.get(c.id, 101)?.text, text);
			assert.strictEqual(posts(server).length, 0, 'nothing sent');
		} finally {
			await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
		}
	});

	it('a compose document keeps its recipient in a store reopened as after Reload Window; an unrelated document does not', async () => {
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		scripted(t);
		await vscode.commands.executeCommand('superofficeChat.composeMessage', { sessionId: 101 });
		const doc = vscode.window.activeTextEditor?.document;
		assert.ok(doc?.isUntitled);
		const reopened = new ComposeTargets(t.services.workspaceState);
		const other = await vscode.workspace.openTextDocument({ content: 'not a compose document' });
		try {
			assert.deepStrictEqual(reopened.get(doc.uri), {
				connectionId: c.id,
				connectionName: 'Local demo',
				sessionId: 101,
				customer: 'Ada Lovelace',
			});
			assert.ok(
				!JSON.stringify(t.services.workspaceState.get('superofficeChat.composeTargets')).includes(DEMO_PASSWORD.password as string),
			);
			// The same store read for a document whose header names someone else gives no target.
			const forged = new ComposeTargets({
				get: () => ({ [other.uri.toString()]: { target: { connectionId: c.id, connectionName: 'Local demo', sessionId: 101 }, at: 0 } }),
				update: async () => undefined,
				keys: () => [],
			});
			assert.strictEqual(forged.get(other.uri), undefined);
			forged.dispose();
		} finally {
			reopened.dispose();
			await vscode.window.showTextDocument(doc);
			await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
		}
	});
});
