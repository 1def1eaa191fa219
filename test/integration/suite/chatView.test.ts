// The chat view provider in a real extension host, driven through a simulated webview: the HTML it serves (CSP,
// nonce, resource roots) and the host side of the protocol against the local server.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { type ExtensionApi } from '../../../src/extensionApi';
import { ChatViewProvider } from '../../../src/views/chatViewProvider';
import { DEMO, type LocalServer, startServer } from '../../server/server';
import { waitFor } from '../helpers/core';
import { type FakeWebview, showInFakeView, textDraft as draft } from '../helpers/fakeWebview';

const EXTENSION_ID = 'superoffice-chat.superoffice-chat';
const CONNECTION_ID = 'it-chat-view';

describe('Chat view (host side)', function () {
	let server: LocalServer;
	let api: ExtensionApi;
	let provider: ChatViewProvider;
	let webview: FakeWebview;
	const config = () => vscode.workspace.getConfiguration('superofficeChat');

	before(async () => {
		server = await startServer({ port: 0, quiet: true });
		api = (await vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)!.activate()) ?? {};
		assert.ok(api.testing, 'the extension exposes its testing API in test mode');
		await config().update(
			'connections',
			[{ id: CONNECTION_ID, name: 'IT Chat', baseUrl: server.url, auth: 'bearer' }],
			vscode.ConfigurationTarget.Global,
		);
		await config().update('activeConnection', CONNECTION_ID, vscode.ConfigurationTarget.Global);
		await api.testing.services.secrets.set(CONNECTION_ID, { token: DEMO.bearer });
		provider = new ChatViewProvider(api.testing.services, api.testing.chat.live);
		webview = showInFakeView(provider);
	});

	after(async () => {
		provider?.dispose();
		await api?.testing?.services.secrets.delete(CONNECTION_ID);
		await config().update('connections', undefined, vscode.ConfigurationTarget.Global);
		await config().update('activeConnection', undefined, vscode.ConfigurationTarget.Global);
		await server?.close();
	});

	it('serves HTML with a strict CSP, a fresh nonce on the only script, and only media/ and dist/ as roots', () => {
		const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(webview.html)?.[1].replace(/&#39;|&apos;/g, "'");
		assert.ok(csp, 'a CSP meta tag');
		assert.match(csp, /default-src 'none'/);
		const nonce = /script-src 'nonce-([A-Za-z0-9]{16,})'/.exec(csp)?.[1];
		assert.ok(nonce, `script-src with a nonce in: ${csp}`);
		assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
		assert.match(csp, new RegExp(`style-src ${webview.cspSource}`));
		const scripts = [...webview.html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
		assert.strictEqual(scripts.length, 1);
		assert.ok(scripts[0].includes(`nonce="${nonce}"`));
		assert.strictEqual(webview.options.enableScripts, true);
		const roots = (webview.options.localResourceRoots ?? []).map((u) => u.path.split('/').pop());
		assert.deepStrictEqual(roots, ['media', 'dist']);
	});

	it('answers ready with the connection and the sessions, and logs the time to interactive', async () => {
		webview.receive({ type: 'ready', interactiveMs: 12 });
		const init = await waitFor('init', () => webview.posted.find((m) => m.type === 'init'));
		assert.strictEqual(init.type === 'init' && init.connection?.name, 'IT Chat');
		const loaded = await waitFor('sessions', () => webview.posted.find((m) => m.type === 'sessionsLoaded'));
		assert.ok(loaded.type === 'sessionsLoaded' && loaded.sessions.some((s) => s.id === 101 && s.customer === 'Ada Lovelace'));
		assert.ok(api.testing!.logLines().some((l) => /chat view interactive in \d+ ms/.test(l)));
	});

	it('posts a send to exactly the session the webview showed and reports the message id', async () => {
		webview.receive({ type: 'selectSession', sessionId: 101 });
		await waitFor('messages of 101', () => webview.posted.find((m) => m.type === 'messagesLoaded' && m.sessionId === 101));
		webview.receive({
			type: 'send',
			requestId: 'it-1',
			connectionId: CONNECTION_ID,
			sessionId: 101,
			draft: draft('Hello from the integration test'),
		});
		const ok = await waitFor('sendSucceeded', () => webview.posted.find((m) => m.type === 'sendSucceeded' && m.requestId === 'it-1'));
		const posts = server.received.filter((r) => r.method === 'POST' && /\/ChatSession\/101\/Messages$/.test(r.path));
		assert.strictEqual(posts.length, 1);
		assert.strictEqual((posts[0].body as { Message?: string }).Message, 'Hello from the integration test');
		const stored = server.messages(101).find((m) => m.Message === 'Hello from the integration test');
		assert.strictEqual(ok.type === 'sendSucceeded' && ok.messageId, stored?.ChatMessageId);
	});

	it('opens a typed-in session id and says when it does not exist', async () => {
		webview.receive({ type: 'selectSession', sessionId: 404 });
		const failed = await waitFor('messagesFailed', () => webview.posted.find((m) => m.type === 'messagesFailed' && m.sessionId === 404));
		assert.ok(failed.type === 'messagesFailed' && failed.error.message.length > 0);
		// (the provider here is compiled apart from the bundle, so the error's class differs: check the log's detail)
		await waitFor('the log line', () =>
			api.testing!.logLines().some((l) => l.includes('loading messages of session 404') && l.includes('kind=notFound')),
		);
		webview.receive({ type: 'selectSession', sessionId: 101 });
		await waitFor('back on 101', () => webview.posted.filter((m) => m.type === 'messagesLoaded' && m.sessionId === 101).length >= 2);
	});

	it('refuses a send whose session is not the one selected, without contacting the server', async () => {
		const before = server.received.length;
		webview.receive({
			type: 'send',
			requestId: 'it-2',
			connectionId: CONNECTION_ID,
			sessionId: 102,
			draft: draft('to the wrong customer'),
		});
		const failed = await waitFor('sendFailed', () => webview.posted.find((m) => m.type === 'sendFailed' && m.requestId === 'it-2'));
		assert.ok(failed.type === 'sendFailed' && /recipient changed/i.test(failed.error.message));
		assert.ok(!server.received.slice(before).some((r) => r.method === 'POST'));
	});

	it('ignores malformed messages from the webview', async () => {
		const count = webview.posted.length;
		webview.receive({ type: 'send', requestId: 'it-3', connectionId: CONNECTION_ID, sessionId: '101', draft: draft('x') });
		webview.receive({
			type: 'send',
			requestId: 'it-4',
			connectionId: CONNECTION_ID,
			sessionId: 101,
			draft: { ...draft('x'), type: 'Special' },
		});
		await waitFor('the log line', () => api.testing!.logLines().filter((l) => l.includes('ignored a malformed message')).length >= 2);
		assert.strictEqual(webview.posted.length, count);
		assert.ok(!server.received.some((r) => r.method === 'POST' && (r.body as { Message?: string }).Message === 'x'));
	});
});
