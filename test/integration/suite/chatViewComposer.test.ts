// The chat view's composer and Outbox list, host side, in a real extension host against the local server, driven
// through a simulated webview: the Outbox list follows the store and acts through openOutbox, quick replies come back
// as text (never sent), drafts changed elsewhere reach the open composer, and the send-key setting is passed on.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { TestingApi } from '../../../src/extensionApi';
import { OUTBOX_KEY } from '../../../src/shared/outbox';
import { ChatViewProvider } from '../../../src/views/chatViewProvider';
import { type LocalServer } from '../../server/server';
import { type FakeWebview, type Of, showInFakeView, textDraft as draft } from '../helpers/fakeWebview';
import { addConnection, DEMO_PASSWORD, demoBasic, posts, scripted, setSetting, SITE, useCoreSuite, waitFor } from '../helpers/core';

const MESSAGES_101 = `${SITE}/api/v1/ChatSession/101/Messages`;
describe('Chat view composer and Outbox list (host side)', function () {
	this.timeout(30000);
	let t: TestingApi;
	let server: LocalServer;
	let provider: ChatViewProvider;
	let webview: FakeWebview;

	useCoreSuite({
		ready: (api, local) => {
			t = api;
			server = local;
		},
		current: () => server,
	});

	before(() => {
		provider = new ChatViewProvider(t.services, t.chat.live);
		webview = showInFakeView(provider);
	});

	beforeEach(async () => {
		await t.services.globalState.update(OUTBOX_KEY, undefined);
	});

	after(async () => {
		provider?.dispose();
		t.setPrompter(undefined);
		await setSetting('sendKey', undefined);
	});

	/** A connection made active (the view re-inits on it) and session 101 selected in the view. */
	async function onSession101(): Promise<{ id: string; mark: number }> {
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		await waitFor('init for the connection', () => webview.of('init').some((m) => m.connection?.id === c.id));
		const mark = webview.posted.length;
		webview.receive({ type: 'selectSession', sessionId: 101 });
		await waitFor('101 selected', () => webview.of('sessionSelected', mark).some((m) => m.sessionId === 101));
		return { id: c.id, mark: webview.posted.length };
	}

	const outboxNow = (from: number): Of<'outboxChanged'> | undefined => webview.of('outboxChanged', from).at(-1);

	it('gives a fresh view the send key and the Outbox, and passes on a change of the sendKey setting', async () => {
		const from = webview.posted.length;
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		await waitFor('composer settings', () => webview.of('composerSettings', from).at(-1));
		assert.strictEqual(webview.of('composerSettings', from).at(-1)?.sendKey, 'ctrlEnter');
		assert.deepStrictEqual(outboxNow(from)?.items, []);
		const initAt = webview.posted.findIndex((m, i) => i >= from && m.type === 'init' && m.connection?.id === c.id);
		const settingsAt = webview.posted.findIndex((m, i) => i >= from && m.type === 'composerSettings');
		assert.ok(initAt >= 0 && initAt < settingsAt, 'after the init it belongs to');
		const mark = webview.posted.length;
		await setSetting('sendKey', 'enter');
		const changed = await waitFor('sendKey enter', () => webview.of('composerSettings', mark).at(-1));
		assert.strictEqual(changed.sendKey, 'enter');
		await setSetting('sendKey', undefined);
	});

	it("lists the active connection's Outbox as it changes; Discard from the view removes the item and posts nothing", async () => {
		const { id, mark } = await onSession101();
		await t.services.outbox.add({
			connectionId: 'another-connection',
			sessionId: 101,
			customerLabel: 'Not this one',
			text: 'elsewhere',
			type: 'ToCustomer',
			specialType: 'None',
			reason: 'notSent',
		});
		const item = await t.services.outbox.add({
			connectionId: id,
			sessionId: 102,
			customerLabel: 'Grace Hopper',
			text: '\nFirst line of it\nsecond line',
			type: 'ToCustomer',
			specialType: 'None',
			reason: 'unknownOutcome',
			lastKnownMessageId: 1,
		});
		const listed = await waitFor('the item listed', () => outboxNow(mark)?.items.length === 1 && outboxNow(mark));
		assert.deepStrictEqual(
			listed.items.map((r) => ({ id: r.id, customer: r.customer, sessionId: r.sessionId, snippet: r.snippet, reason: r.reason })),
			[{ id: item.id, customer: 'Grace Hopper', sessionId: 102, snippet: 'First line of it', reason: 'unknownOutcome' }],
		);
		const before = webview.posted.length;
		webview.receive({ type: 'outboxAction', id: item.id, action: 'discard' });
		await waitFor('done', () => webview.of('outboxActionDone', before).some((m) => m.id === item.id));
		assert.deepStrictEqual(outboxNow(before)?.items, []);
		assert.deepStrictEqual(
			t.services.outbox.list().map((i) => i.customerLabel),
			['Not this one'],
		);
		assert.strictEqual(posts(server).length, 0);
		await t.services.outbox.removeConnection('another-connection');
	});

	it('a send from the view that was refused (429) is listed; Retry from the view posts it once and empties the list', async () => {
		const { mark } = await onSession101();
		server.fault({ method: 'POST', path: MESSAGES_101, retryAfterSeconds: 1, times: 1 });
		scripted(t);
		webview.receive({
			type: 'send',
			requestId: 'c-1',
			connectionId: t.services.connections.active()?.id,
			sessionId: 101,
			draft: draft('Busy, retried'),
		});
		await waitFor('sendFailed', () => webview.of('sendFailed', mark).some((m) => m.requestId === 'c-1'));
		const listed = await waitFor('listed', () => outboxNow(mark)?.items.find((r) => r.snippet === 'Busy, retried'));
		assert.strictEqual(listed.reason, 'notSent');
		assert.strictEqual(server.messages(101).filter((m) => m.Message === 'Busy, retried').length, 0, 'nothing retried by itself');
		const before = webview.posted.length;
		webview.receive({ type: 'outboxAction', id: listed.id, action: 'retry' });
		await waitFor('done', () => webview.of('outboxActionDone', before).some((m) => m.id === listed.id));
		assert.strictEqual(server.messages(101).filter((m) => m.Message === 'Busy, retried').length, 1);
		assert.strictEqual(posts(server).filter((r) => (r.body as { Message: string }).Message === 'Busy, retried').length, 2);
		assert.deepStrictEqual(outboxNow(before)?.items, []);
	});

	it("Edit from the view appends the text to that session's draft, shows it there and removes the item", async () => {
		const { id, mark } = await onSession101();
		await t.services.drafts.set(id, 102, draft('Earlier words'));
		const item = await t.services.outbox.add({
			connectionId: id,
			sessionId: 102,
			customerLabel: 'Grace Hopper',
			text: 'An internal note',
			type: 'ToUser',
			specialType: 'None',
			reason: 'notSent',
		});
		await waitFor('listed', () => outboxNow(mark)?.items.length === 1);
		scripted(t);
		const before = webview.posted.length;
		webview.receive({ type: 'outboxAction', id: item.id, action: 'edit' });
		const update = await waitFor('draftUpdated 102', () => webview.of('draftUpdated', before).find((m) => m.sessionId === 102));
		assert.deepStrictEqual(update.appended?.text, 'An internal note');
		assert.strictEqual(update.appended?.fields.type, 'ToUser');
		assert.strictEqual(update.draft.text, 'Earlier words\n\nAn internal note');
		assert.strictEqual(t.services.drafts.get(id, 102)?.type, 'ToUser');
		await waitFor('done', () => webview.of('outboxActionDone', before).length > 0);
		assert.deepStrictEqual(t.services.outbox.list(), []);
		assert.strictEqual(posts(server).length, 0, 'nothing sent');
	});

	it("Add Selection to Draft reaches the open composer as an append; the view's own draft writes are not echoed", async () => {
		const { id, mark } = await onSession101();
		webview.receive({ type: 'draftChanged', connectionId: id, sessionId: 101, draft: draft('typed in the view') });
		await waitFor('stored', () => t.services.drafts.get(id, 101)?.text === 'typed in the view');
		assert.deepStrictEqual(webview.of('draftUpdated', mark), [], 'no echo of the view');
		const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'picked line\nother' });
		const editor = await vscode.window.showTextDocument(doc);
		editor.selection = new vscode.Selection(0, 0, 0, 11);
		scripted(t);
		try {
			await vscode.commands.executeCommand('superofficeChat.addSelectionToDraft', { sessionId: 101 });
		} finally {
			await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
		}
		const update = await waitFor('draftUpdated 101', () => webview.of('draftUpdated', mark).find((m) => m.sessionId === 101));
		assert.ok(update.appended?.text.includes('picked line'), JSON.stringify(update));
		assert.ok(update.draft.text.startsWith('typed in the view\n\n'), update.draft.text);
		assert.strictEqual(posts(server).length, 0);
	});

	it('a draft changed for a connection the view does not show is handed over when the view switches to it', async () => {
		const { id: first } = await onSession101();
		const other = await addConnection(t, { ...demoBasic(server, 'Second demo') }, DEMO_PASSWORD);
		await t.services.connections.setActive(first);
		await waitFor('back on the first', () => webview.of('init').at(-1)?.connection?.id === first);
		const mark = webview.posted.length;
		await t.services.drafts.set(other.id, 102, draft('written while the view showed another connection'));
		assert.deepStrictEqual(webview.of('draftUpdated', mark), []);
		await t.services.connections.setActive(other.id);
		const missed = await waitFor('handed over', () => webview.of('draftUpdated', mark).find((m) => m.sessionId === 102));
		assert.strictEqual(missed.missed, true);
		assert.strictEqual(missed.draft.text, 'written while the view showed another connection');
	});

	it('Quick reply: the pick runs for the session on screen and its expanded text comes back, nothing is posted', async () => {
		await setSetting('replies', [{ name: 'Greeting', text: 'Hello {customer}, about session {session}.' }]);
		const { mark } = await onSession101();
		await waitFor('the live model knows 101', () => t.chat.live.snapshot.view.rows.find((r) => r.id === 101), 20000);
		const p = scripted(t).answer('quickReply', 'Greeting', undefined);
		webview.receive({ type: 'quickReply', requestId: 'q-1', sessionId: 101 });
		const got = await waitFor('inserted', () => webview.of('quickReplyInserted', mark).find((m) => m.requestId === 'q-1'));
		assert.strictEqual(got.text, 'Hello Ada Lovelace, about session 101.');
		// cancelled: no text
		webview.receive({ type: 'quickReply', requestId: 'q-2', sessionId: 101 });
		const cancelled = await waitFor('answered', () => webview.of('quickReplyInserted', mark).find((m) => m.requestId === 'q-2'));
		assert.strictEqual(cancelled.text, undefined);
		// a session that is not on screen: refused without asking
		webview.receive({ type: 'quickReply', requestId: 'q-3', sessionId: 102 });
		const refused = await waitFor('answered', () => webview.of('quickReplyInserted', mark).find((m) => m.requestId === 'q-3'));
		assert.strictEqual(refused.text, undefined);
		assert.strictEqual(p.questionsOf('quickReply').length, 2);
		assert.strictEqual(posts(server).length, 0, 'a quick reply is never sent by itself');
	});

	it('Quick reply for a session typed in by id (not in the list) fills in its customer from the session itself', async () => {
		await setSetting('replies', [{ name: 'Greeting', text: 'Hello {customer}, about session {session}.' }]);
		const { mark } = await onSession101();
		// 106 (Alan Turing) is deleted: the list never shows it, but its id can be typed in
		webview.receive({ type: 'selectSession', sessionId: 106 });
		await waitFor('106 described', () => webview.of('sessionSelected', mark).some((m) => m.sessionId === 106 && m.session));
		assert.ok(!t.chat.live.snapshot.view.rows.some((r) => r.id === 106));
		scripted(t).answer('quickReply', 'Greeting');
		webview.receive({ type: 'quickReply', requestId: 'q-typed', sessionId: 106 });
		const got = await waitFor('inserted', () => webview.of('quickReplyInserted', mark).find((m) => m.requestId === 'q-typed'));
		assert.strictEqual(got.text, 'Hello Alan Turing, about session 106.');
		assert.strictEqual(posts(server).length, 0, 'a quick reply is never sent by itself');
	});

	it('openOutbox with an id that is gone says so and acts on nothing', async () => {
		await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const p = scripted(t);
		await vscode.commands.executeCommand('superofficeChat.openOutbox', { id: 'gone', action: 'retry' });
		const n = await p.waitForNotification((x) => x.level === 'error');
		assert.match(n.message, /no longer in the Outbox/);
		await vscode.commands.executeCommand('superofficeChat.openOutbox', { id: 'x', action: 'send' });
		await p.waitForNotification((x) => x.level === 'error' && /openOutbox takes/.test(x.message));
		assert.strictEqual(posts(server).length, 0);
	});
});
