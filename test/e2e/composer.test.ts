// The chat view's composer as a person uses it: a pasted snippet with an AWS key meets the outbound guard's dialog and
// goes out redacted; `/` in an empty message opens the quick replies, the chosen one is inserted, edited and sent;
// with the sendKey setting `enter`, Enter sends and Shift+Enter adds a line. The local server must receive exactly that.
import * as assert from 'node:assert';
import type { FrameLocator, Page } from 'playwright-core';
import { DEMO, type LocalServer, type RecordedRequest } from '../server/server';
import { launchWorkbench, type Workbench } from './lib/workbench';

const SESSION = 101;
const postsTo = (server: LocalServer, sessionId: number): RecordedRequest[] =>
	server.received.filter((r) => r.method === 'POST' && r.path.endsWith(`/ChatSession/${sessionId}/Messages`));
const lastMessage = (server: LocalServer): string | undefined => (postsTo(server, SESSION).at(-1)?.body as { Message?: string })?.Message;

// Built at run time so that no scanner mistakes the test for a leak: the shape of an AWS key pair, not a real one.
const AWS_ID = `AK${'IA'}Q3XMPLZ7KEY42ABC`;
const AWS_SECRET = `${'wJalrXUtnFEMI'}/K7MDENG/bPxRfiCY${'EXAMPLEKEY'}`; // 40 characters

async function until(what: string, fn: () => boolean | Promise<boolean>, timeoutMs = 15000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await fn())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100)); // polling interval of the condition, not a synchronisation sleep
	}
}

describe('Chat view composer (guard, quick replies)', function () {
	this.timeout(240000);
	let wb: Workbench;
	let page: Page;
	let view: FrameLocator;

	before(async () => {
		wb = await launchWorkbench({
			settings: (server) => ({
				'superofficeChat.connections': [{ id: 'demo', name: 'Demo server', baseUrl: server.url, auth: 'bearer' }],
				'superofficeChat.activeConnection': 'demo',
				'superofficeChat.replies': [{ name: 'Greeting', text: 'Hello {customer}, thanks for waiting.' }],
			}),
		});
		page = wb.page;
		await wb.runCommand('Sign In / Update Credentials');
		await wb.quickPick.type(DEMO.bearer);
		await wb.quickPick.accept();
		await wb.notification(/Signed in to Demo server|Credentials for Demo server saved/);
		await wb.openViewContainer();
		view = wb.webview();
		await view.locator(`#session-select option[value="${SESSION}"]`).waitFor({ state: 'attached', timeout: 30000 });
		await view.locator('#session-select').selectOption(String(SESSION));
		await view.locator('#send-target', { hasText: 'Ada Lovelace (#101)' }).waitFor({ timeout: 15000 });
	});

	after(async () => {
		await wb?.close();
	});

	it('a pasted AWS key pair: the guard shows both, Redact and send posts the redacted text', async () => {
		const snippet = `Try these settings:\naws_access_key_id = ${AWS_ID}\naws_secret_access_key = ${AWS_SECRET}`;
		const box = view.locator('#message');
		await box.focus();
		// a paste, as from the clipboard: one insertText, not keystrokes
		await page.keyboard.insertText(snippet);
		await page.keyboard.press('Control+Enter');
		const dialog = page.locator('.monaco-dialog-box');
		await dialog.waitFor({ state: 'visible', timeout: 15000 });
		const text = (await dialog.innerText()).replace(/\u00a0/g, ' ');
		assert.match(text, /holds what looks like a secret/);
		assert.match(text, /Line 2, column \d+: AWS access key id/);
		assert.match(text, /Line 3, column \d+: AWS secret access key/);
		assert.ok(!text.includes(AWS_SECRET), 'the dialog names the secret without showing it');
		await wb.screenshot('composer-guard');
		assert.strictEqual(postsTo(wb.server, SESSION).length, 0, 'nothing sent before the choice');
		await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Redact and send$/ }).click();
		await until('the POST', () => postsTo(wb.server, SESSION).length === 1);
		assert.strictEqual(
			lastMessage(wb.server),
			'Try these settings:\naws_access_key_id = [token removed]\naws_secret_access_key = [token removed]',
		);
		await view.locator('#result', { hasText: /Sent as message #\d+/ }).waitFor({ timeout: 15000 });
		assert.deepStrictEqual(wb.server.violations, []);
	});

	it('`/` in an empty message opens the quick replies; the chosen one is inserted, edited and sent', async () => {
		const box = view.locator('#message');
		await until('an empty box', async () => (await box.inputValue()) === '');
		await box.focus();
		await page.keyboard.press('/');
		await wb.quickPick.waitOpen();
		await wb.quickPick.type('Greet');
		await wb.quickPick.waitForItem('Greeting');
		await wb.quickPick.accept();
		await wb.quickPick.waitClosed();
		const inserted = 'Hello Ada Lovelace, thanks for waiting.';
		await until('the inserted reply', async () => (await box.inputValue()) === inserted);
		assert.strictEqual(postsTo(wb.server, SESSION).length, 1, 'inserting sends nothing');
		await box.focus();
		await page.keyboard.press('Control+End');
		await page.keyboard.type(' Your licence is renewed.');
		await page.keyboard.press('Control+Enter');
		await until('the second POST', () => postsTo(wb.server, SESSION).length === 2);
		assert.strictEqual(lastMessage(wb.server), `${inserted} Your licence is renewed.`);
		await until('the box cleared', async () => (await box.inputValue()) === '');
	});
});

describe('Chat view composer with sendKey `enter`', function () {
	this.timeout(240000);
	let wb: Workbench;

	before(async () => {
		wb = await launchWorkbench({
			settings: (server) => ({
				'superofficeChat.connections': [{ id: 'demo', name: 'Demo server', baseUrl: server.url, auth: 'bearer' }],
				'superofficeChat.activeConnection': 'demo',
				'superofficeChat.sendKey': 'enter',
			}),
		});
		await wb.runCommand('Sign In / Update Credentials');
		await wb.quickPick.type(DEMO.bearer);
		await wb.quickPick.accept();
		await wb.notification(/Signed in to Demo server|Credentials for Demo server saved/);
		await wb.openViewContainer();
	});

	after(async () => {
		await wb?.close();
	});

	it('the placeholder says so, Shift+Enter adds a line and Enter sends', async () => {
		const view = wb.webview();
		await view.locator(`#session-select option[value="${SESSION}"]`).waitFor({ state: 'attached', timeout: 30000 });
		await view.locator('#session-select').selectOption(String(SESSION));
		await view.locator('#send-target', { hasText: 'Ada Lovelace (#101)' }).waitFor({ timeout: 15000 });
		const box = view.locator('#message');
		await until('the placeholder for Enter', async () =>
			/Enter sends; Shift\+Enter adds a line/.test((await box.getAttribute('placeholder')) ?? ''),
		);
		await box.focus();
		await wb.page.keyboard.type('first line');
		await wb.page.keyboard.press('Shift+Enter');
		await wb.page.keyboard.type('second line');
		assert.strictEqual(await box.inputValue(), 'first line\nsecond line', 'Shift+Enter is a newline');
		assert.strictEqual(postsTo(wb.server, SESSION).length, 0);
		await wb.page.keyboard.press('Enter');
		await until('the POST', () => postsTo(wb.server, SESSION).length === 1);
		assert.strictEqual(lastMessage(wb.server), 'first line\nsecond line');
		await wb.screenshot('composer-enter-to-send');
	});
});
