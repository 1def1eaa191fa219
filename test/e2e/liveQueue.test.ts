// Working a chat queue as a person does it, with the scripted customer on the local server's control routes:
// a customer writes while the chat view is hidden → the activity-bar badge and a notification; its Reply lands in
// the composer of that session. A visitor starts a chat → the agent picks it up from the view's row and answers with
// Ctrl+Enter → the server received exactly one message on that session.
import * as assert from 'node:assert';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { DEMO, DEMO_USER } from '../server/server';
import { activityBarItem } from './lib/ui';
import { launchWorkbench, type Workbench } from './lib/workbench';

const GRACE = 102;

async function until(what: string, fn: () => Promise<boolean>, timeoutMs = 15000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await fn())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100)); // polling interval of the condition, not a synchronisation sleep
	}
}

describe('Working a chat queue (live badge, notification, pick up from the view)', function () {
	let wb: Workbench;
	let page: Page;
	let view: FrameLocator;
	let badge: Locator;

	async function control(path: string, body: object = {}): Promise<Response> {
		const res = await fetch(`${wb.server.origin}/__control${path}`, { method: 'POST', body: JSON.stringify(body) });
		assert.ok(res.ok, `control ${path}: HTTP ${res.status}`);
		return res;
	}

	async function openChatView(): Promise<void> {
		await wb.openViewContainer();
		view = wb.webview();
		await view.locator('#session-list li.session-row').first().waitFor({ timeout: 30000 });
	}

	/** Hides the view by showing the Explorer instead (the view stays resolved, so its badge stays). */
	async function hideChatView(): Promise<void> {
		await page.locator('.part.activitybar [aria-label^="Explorer"]').first().click();
		await page.locator('.part.sidebar .title-label', { hasText: /Explorer/i }).waitFor();
	}

	before(async () => {
		wb = await launchWorkbench({
			settings: (server) => ({
				'superofficeChat.connections': [{ id: 'demo', name: 'Local demo', baseUrl: server.url, auth: 'bearer' }],
				'superofficeChat.activeConnection': 'demo',
				'superofficeChat.conversation.pollIntervalSeconds': 1,
			}),
		});
		page = wb.page;
		badge = activityBarItem(page).locator('.badge .badge-content');
		await wb.runCommand('Sign In / Update Credentials');
		await wb.quickPick.type(DEMO.bearer);
		await wb.quickPick.accept();
		await wb.notification(/Signed in to Local demo|Credentials for Local demo saved/);
		await wb.runAnyCommand('Notifications: Clear All Notifications');
	});

	after(async () => {
		await wb?.close();
	});

	it('a customer writes while the view is hidden: the badge appears, and Reply lands in that session’s composer', async function () {
		this.timeout(180000);
		// Nothing waits at the start: the colleague takes the queued chat, and the agent reads Ada's.
		await control('/sessions/103/pickup');
		await openChatView();
		await view.locator('#session-list li[data-id="101"]').click();
		await view.locator('#recipient-summary', { hasText: '#101' }).waitFor({ timeout: 15000 });
		await view.locator('#session-list li[data-id="101"]:not(.unread)').waitFor({ timeout: 15000 });
		await hideChatView();
		await badge.waitFor({ state: 'hidden', timeout: 15000 });

		await control(`/sessions/${GRACE}/customer-message`, { text: 'Can I change the compiler settings per project?' });

		await badge.filter({ hasText: /^1$/ }).waitFor({ timeout: 20000 });
		const toast = await wb.notification('Grace Hopper (#102): Can I change the compiler settings per project?', 20000);
		await wb.screenshot('live-badge');
		await toast.locator('.monaco-button', { hasText: 'Reply' }).click();

		view = wb.webview();
		await view.locator('#recipient-summary', { hasText: `#${GRACE}` }).waitFor({ timeout: 30000 });
		await view.locator('#messages li.from-customer', { hasText: 'per project?' }).waitFor({ timeout: 15000 });
		await until('the caret in the message box', () => view.locator('#message').evaluate((el) => el === document.activeElement));
		await badge.waitFor({ state: 'hidden', timeout: 20000 });
	});

	it('a visitor starts a chat: picked up from the view’s row, answered with Ctrl+Enter, stored once', async function () {
		this.timeout(180000);
		const res = await control('/sessions', { customer: 'Barbara Liskov', text: 'Is the API rate limited?' });
		const id = ((await res.json()) as { ChatSessionId: number }).ChatSessionId;
		await openChatView();
		const row = view.locator(`#session-list li[data-id="${id}"]`);
		await row.waitFor({ timeout: 20000 });
		await row.locator('button.pick-up').click();

		await view.locator('#recipient-summary', { hasText: `#${id}` }).waitFor({ timeout: 30000 });
		assert.strictEqual(
			wb.server.sessions().find((s) => s.ChatSessionId === id)?.User?.AssociateId,
			DEMO_USER.AssociateId,
			'the server shows it assigned to the agent',
		);
		const box = view.locator('#message');
		await box.fill('Yes: 100 requests a minute per user.');
		await box.focus();
		await page.keyboard.press('Control+Enter');
		await view.locator('#result', { hasText: /Sent as message #\d+/ }).waitFor({ timeout: 15000 });
		await wb.screenshot('queue-picked-up-in-view');

		const posts = wb.server.received.filter((r) => r.method === 'POST').map((r) => r.path.replace(/^\/[^/]+/, ''));
		assert.deepStrictEqual(posts, [`/api/v1/ChatSession/${id}/Pickup`, `/api/v1/ChatSession/${id}/Messages`]);
		const agent = wb.server.messages(id).filter((m) => m.Type === 'ToCustomer');
		assert.deepStrictEqual(
			agent.map((m) => m.Message),
			['Yes: 100 requests a minute per user.'],
			'exactly one message on that session',
		);
		assert.deepStrictEqual(wb.server.violations, []);
	});
});
