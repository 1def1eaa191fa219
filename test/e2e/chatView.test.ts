// The sidebar chat view as a person uses it: sign in through the palette, pick a session, write, Ctrl+Enter; the
// local server must receive exactly that message for exactly that session. Drafts survive hide/show and Reload
// Window, errors keep the text, a double Ctrl+Enter posts once, and server text can never run as HTML.
import * as assert from 'node:assert';
import type { FrameLocator, Page } from 'playwright-core';
import { DEMO, type LocalServer, type RecordedRequest } from '../server/server';
import { launchWorkbench, type Workbench } from './lib/workbench';

const SESSION = 101;
const postsTo = (server: LocalServer, sessionId: number, text?: string): RecordedRequest[] =>
	server.received.filter(
		(r) =>
			r.method === 'POST' &&
			r.path.endsWith(`/ChatSession/${sessionId}/Messages`) &&
			(text === undefined || (r.body as { Message?: string } | undefined)?.Message === text),
	);

async function until(what: string, fn: () => boolean | Promise<boolean>, timeoutMs = 15000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await fn())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100)); // polling interval of the condition, not a synchronisation sleep
	}
}

describe('Chat view (sidebar)', function () {
	let wb: Workbench;
	let page: Page;
	let view: FrameLocator;

	async function openChatView(timeoutMs = 30000): Promise<void> {
		await wb.openViewContainer();
		view = wb.webview();
		await view.locator('#session-select option[value="101"]').waitFor({ state: 'attached', timeout: timeoutMs });
	}

	async function selectSession(id: number): Promise<void> {
		await view.locator('#session-select').selectOption(String(id));
		await view.locator('#recipient-summary', { hasText: `#${id}` }).waitFor({ timeout: 15000 });
	}

	async function typeMessage(text: string): Promise<void> {
		const box = view.locator('#message');
		await box.fill(text);
		await box.focus();
	}

	before(async () => {
		wb = await launchWorkbench({
			settings: (server) => ({
				'superofficeChat.connections': [{ id: 'demo', name: 'Demo server', baseUrl: server.url, auth: 'bearer' }],
				'superofficeChat.activeConnection': 'demo',
				'superofficeChat.conversation.pollIntervalSeconds': 2,
			}),
		});
		page = wb.page;
		// The real sign-in: the palette command and its password box; the token only ever goes into that box.
		await wb.runCommand('Sign In / Update Credentials');
		await wb.quickPick.type(DEMO.bearer);
		await wb.quickPick.accept();
		await wb.notification(/Signed in to Demo server|Credentials for Demo server saved/);
		await openChatView();
	});

	after(async () => {
		await wb?.close();
	});

	it('sends exactly the typed message to exactly the picked session and shows it in the conversation', async () => {
		await selectSession(SESSION);
		await view.locator('#send-target', { hasText: 'Ada Lovelace (#101)' }).waitFor();
		const text = 'Hello Ada,\nline two from the chat view';
		await typeMessage(text);
		await page.keyboard.press('Control+Enter');
		await view.locator('#result', { hasText: /Sent as message #\d+/ }).waitFor({ timeout: 15000 });
		const posts = postsTo(wb.server, SESSION);
		assert.strictEqual(posts.length, 1, 'one POST to session 101');
		assert.strictEqual((posts[0].body as { Message: string }).Message, text);
		assert.strictEqual(wb.server.received.filter((r) => r.method === 'POST').length, 1, 'nothing posted anywhere else');
		const id = wb.server.messages(SESSION).find((m) => m.Message === text)?.ChatMessageId;
		await view.locator(`#messages li.from-agent[data-id="${id}"]`, { hasText: 'line two from the chat view' }).waitFor();
		assert.strictEqual(await view.locator('#message').inputValue(), '', 'the box is cleared after the server confirmed');
		assert.deepStrictEqual(wb.server.violations, []);
	});

	it('keeps the draft across hide/show and Reload Window', async function () {
		this.timeout(240000);
		const draft = 'a draft that must not be lost';
		await typeMessage(draft);
		await view.locator('#char-count', { hasText: `${draft.length}` }).waitFor();
		// Leave the webview (blur saves the draft at once) and hide the view by switching to the Explorer.
		await page.locator('.part.activitybar [aria-label^="Explorer"]').first().click();
		await page.locator('.part.sidebar .title-label', { hasText: /Explorer/i }).waitFor();
		await openChatView();
		await until('draft after hide/show', async () => (await view.locator('#message').inputValue()) === draft);

		await page.locator('.part.statusbar').click({ position: { x: 2, y: 2 } });
		await wb.runAnyCommand('Developer: Reload Window');
		await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
		await page.locator('.part.activitybar').waitFor({ timeout: 60000 });
		// a reload restarts the extension host and the webview: slow on a busy 2-core machine
		await openChatView(90000);
		await until('draft after Reload Window', async () => (await view.locator('#message').inputValue()) === draft, 30000);
		await view.locator('#recipient-summary', { hasText: `#${SESSION}` }).waitFor();
		await view.locator('#message').fill('');
	});

	it('keeps the text and offers Retry when the server fails, and Retry then posts it', async () => {
		wb.server.fault({ method: 'POST', path: /\/Messages$/, status: 500, times: 1 });
		const text = 'this one meets a server error';
		await typeMessage(text);
		await page.keyboard.press('Control+Enter');
		const retry = view.locator('#result button#retry');
		await retry.waitFor({ timeout: 15000 });
		await view.locator('#result', { hasText: /HTTP 500/ }).waitFor();
		assert.ok(await view.locator('#result button#show-log').isVisible());
		assert.strictEqual(await view.locator('#message').inputValue(), text, 'the text stays in the box');
		await retry.click();
		await view.locator('#result', { hasText: /Sent as message #\d+/ }).waitFor({ timeout: 15000 });
		assert.strictEqual(postsTo(wb.server, SESSION, text).length, 2, 'the failed attempt and the retry');
		assert.strictEqual(wb.server.messages(SESSION).filter((m) => m.Message === text).length, 1, 'stored once (the 500 stored nothing)');
	});

	it('posts once on a double Ctrl+Enter, and switching sessions meanwhile does not redirect it', async () => {
		wb.server.fault({ method: 'POST', path: /\/Messages$/, delayMs: 1500, times: 1 });
		const text = 'double trouble';
		await typeMessage(text);
		await page.keyboard.press('Control+Enter');
		await page.keyboard.press('Control+Enter');
		assert.ok(await view.locator('#send').isDisabled(), 'Send is disabled while in flight');
		// Switching sessions while the send is in flight must not redirect it.
		await selectSession(102);
		await view.locator('#result', { hasText: /Sent to Ada Lovelace \(#101\) as message #\d+/ }).waitFor({ timeout: 15000 });
		assert.strictEqual(postsTo(wb.server, SESSION, text).length, 1);
		assert.strictEqual(postsTo(wb.server, 102).length, 0);
		await selectSession(SESSION);
		await view.locator('#messages li.from-agent', { hasText: text }).waitFor();
		assert.strictEqual(await view.locator('#message').inputValue(), '', 'the confirmed draft is gone');
	});

	it('shows HTML from the server as text and runs none of it', async () => {
		const evil = "<img src=x onerror=\"window.__pwned=1;parent.postMessage('pwned','*')\"><script>window.__pwned=2</script> bye";
		wb.server.addCustomerMessage(SESSION, evil);
		const item = view.locator('#messages li.from-customer', { hasText: '<script>window.__pwned=2</script>' });
		await item.waitFor({ timeout: 15000 }); // arrives by polling (every 2 s in this test)
		assert.strictEqual(await item.locator('.text').textContent(), evil);
		assert.strictEqual(await view.locator('#messages img, #messages script').count(), 0);
		const pwned = await view.locator('body').evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
		assert.strictEqual(pwned, undefined);
	});

	it('logs the time to interactive and looks right in light, dark and high-contrast themes', async () => {
		await wb.runCommand('Show Log');
		// Hide and show the view so a fresh resolve -> ready lands at the visible end of the log.
		await page.locator('.part.activitybar [aria-label^="Explorer"]').first().click();
		await page.locator('.part.sidebar .title-label', { hasText: /Explorer/i }).waitFor();
		await openChatView();
		const log = await wb.waitForOutput('chat view interactive in');
		const line = [...log.matchAll(/chat view interactive in \d+ ms[^\n]*/g)].at(-1)?.[0];
		assert.ok(line, 'the log has the time to interactive');
		console.log(`      ${line}`);
		await wb.runAnyCommand('View: Hide Panel');
		await selectSession(102);
		await typeMessage('Thanks Grace, here is the link.');
		await view.locator('details#advanced summary').click();
		await view.locator('#draft-special-type').selectOption('Url');
		await view.locator('#draft-special-param').fill('https://docs.superoffice.com/');
		for (const [theme, name] of [
			['Light Modern', 'chat-view-light'],
			['Dark High Contrast', 'chat-view-hc'],
			['Dark Modern', 'chat-view-dark'],
		] as const) {
			await wb.setTheme(theme);
			await view.locator('#message').waitFor();
			await wb.screenshot(name);
		}
		// docs/images/chat-view.png (the README's screenshot) is copied from chat-view-dark.png by hand, so a test
		// run never changes tracked files.
	});
});
