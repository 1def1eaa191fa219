// Send Selection to Chat as a person does it: two selections made with the keyboard and Alt+Click, right-click →
// "Send Selection to Chat", pick the session, confirm in the dialog. The local server must receive exactly the two
// fenced blocks with their `path:lines` headers. Then Compose in Editor, sent with Ctrl+Enter.
import * as assert from 'node:assert';
import type { Page } from 'playwright-core';
import { DEMO, type LocalServer, type RecordedRequest } from '../server/server';
import { launchWorkbench, type Workbench } from './lib/workbench';

const postsTo = (server: LocalServer, sessionId: number): RecordedRequest[] =>
	server.received.filter((r) => r.method === 'POST' && r.path.endsWith(`/ChatSession/${sessionId}/Messages`));

async function until(what: string, fn: () => boolean | Promise<boolean>, timeoutMs = 15000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await fn())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100)); // polling interval of the condition, not a synchronisation sleep
	}
}

/** The on-screen box of the text (not the full-width row) of the editor line that contains `text`. */
async function lineBox(page: Page, text: string): Promise<{ x: number; y: number; width: number; height: number }> {
	const line = page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line', { hasText: text }).first();
	await line.waitFor({ state: 'visible', timeout: 15000 });
	const box = await line.locator(':scope > span').first().boundingBox();
	assert.ok(box, `line "${text}" has no box`);
	return box;
}

const EXPECTED = [
	'src/sample.ts:2-5',
	'```typescript',
	'export function greet(name: string): string {',
	'\tconst greeting = `Hello, ${name}!`;',
	'\treturn greeting;',
	'}',
	'```',
	'',
	'src/sample.ts:8',
	'```typescript',
	'return `Goodbye, ${name}.`;',
	'```',
].join('\n');

describe('Send Selection to Chat (editor context menu)', function () {
	// Starting code-server and Chromium on a busy 2-core machine can take longer than the runner's default.
	this.timeout(240000);
	let wb: Workbench;
	let page: Page;

	before(async () => {
		wb = await launchWorkbench({
			settings: (server) => ({
				'superofficeChat.connections': [{ id: 'demo', name: 'Local demo', baseUrl: server.url, auth: 'bearer' }],
				'superofficeChat.activeConnection': 'demo',
				'superofficeChat.selectionFormat': 'fencedWithPath',
			}),
		});
		page = wb.page;
		await wb.runCommand('Sign In / Update Credentials');
		await wb.quickPick.type(DEMO.bearer);
		await wb.quickPick.accept();
		await wb.notification(/Signed in to Local demo|Credentials for Local demo saved/);
	});

	after(async () => {
		await wb?.close();
	});

	it('sends two selections with fencedWithPath after picking the session and confirming', async () => {
		await wb.openFile('src/sample.ts');
		// Selection 1: Go to line 2, then Ctrl+L four times selects lines 2-5 (ending at column 0 of line 6).
		await page.keyboard.press('Control+G');
		await wb.quickPick.type(':2');
		await wb.quickPick.accept();
		await wb.quickPick.waitClosed();
		for (let i = 0; i < 4; i++) await page.keyboard.press('Control+L');
		// Selection 2: Alt+Click at the end of line 8 adds a cursor; Shift+Home selects back to its first character.
		// (Shift+Home leaves selection 1 alone: its active end sits on the empty line 6.)
		const farewell = await lineBox(page, 'Goodbye');
		await page.keyboard.down('Alt');
		await page.mouse.click(farewell.x + farewell.width + 20, farewell.y + farewell.height / 2);
		await page.keyboard.up('Alt');
		await page.keyboard.press('Shift+Home');
		await page.locator('.part.statusbar', { hasText: /2 selections/ }).waitFor({ timeout: 15000 });

		// Right-click inside selection 1 (outside any selection would move the cursor) and use our menu item.
		const greet = await lineBox(page, 'return greeting');
		await page.mouse.click(greet.x + 40, greet.y + greet.height / 2, { button: 'right' });
		const item = page.locator('.monaco-menu .action-item', { hasText: 'Send Selection to Chat' }).first();
		await item.waitFor({ state: 'visible', timeout: 15000 });
		await wb.screenshot('selection-context-menu');
		await item.click();

		await wb.quickPick.pick(/Ada Lovelace/, 30000);
		const dialog = page.locator('.monaco-dialog-box');
		await dialog.waitFor({ state: 'visible', timeout: 15000 });
		const dialogText = (await dialog.innerText()).replace(/\u00a0/g, ' ');
		assert.match(dialogText, /Ada Lovelace \(session 101\) on Local demo/);
		assert.match(dialogText, /12 lines, \d+ characters/);
		assert.match(dialogText, /src\/sample\.ts:2-5/);
		await wb.screenshot('selection-confirm');
		assert.strictEqual(postsTo(wb.server, 101).length, 0, 'nothing is sent before the confirmation');
		await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Send$/ }).click();

		await until('the POST to session 101', () => postsTo(wb.server, 101).length > 0);
		const posts = postsTo(wb.server, 101);
		assert.strictEqual(posts.length, 1, 'one POST');
		assert.strictEqual((posts[0].body as { Message?: string }).Message, EXPECTED);
		const id = wb.server.messages(101).find((m) => m.Message === EXPECTED)?.ChatMessageId;
		assert.ok(id, 'the server stored the message');
		await wb.statusMessage(new RegExp(`Posted to Ada Lovelace \\(message #${id}\\)`));
		await wb.screenshot('selection-sent');
		assert.deepStrictEqual(wb.server.violations, []);
	});

	it('composes in an editor tab and sends it with Ctrl+Enter, closing the tab without a save prompt', async () => {
		await wb.runCommand('Compose Message in Editor');
		await wb.quickPick.pick(/Grace Hopper/, 30000);
		// An untitled tab is titled by its first line: the recipient header.
		const tab = page.locator('.tabs-container .tab', { hasText: 'To: Grace Hopper' });
		await tab.first().waitFor({ state: 'visible', timeout: 15000 });
		await page.locator('.editor-group-container.active .view-line', { hasText: 'To: Grace Hopper' }).waitFor({ timeout: 15000 });
		// The cursor waits below the header.
		await page.locator('.part.statusbar', { hasText: 'Ln 4, Col 1' }).waitFor({ timeout: 15000 });
		const text = 'Hello Grace, this was written in an editor tab.';
		await page.keyboard.type(text);
		await wb.screenshot('compose-editor');
		// Ctrl+Enter is bound only when superofficeChat.isComposeEditor is set for this editor.
		await page.keyboard.press('Control+Enter');
		await until('the POST to session 102', () => postsTo(wb.server, 102).length > 0);
		assert.deepStrictEqual(
			postsTo(wb.server, 102).map((r) => (r.body as { Message?: string }).Message),
			[text],
		);
		await tab.first().waitFor({ state: 'detached', timeout: 15000 });
		assert.strictEqual(await page.locator('.monaco-dialog-box').count(), 0, 'a dialog (save prompt?) is open');
		await wb.statusMessage(/Posted to Grace Hopper \(message #\d+\)/);
		assert.deepStrictEqual(wb.server.violations, []);
	});
});
