// Sign In to SuperOffice Online as a person does it, in the real VS Code UI and a real browser tab: the button in
// the empty chat view, the environment pick, the provider's own login and consent pages, the tab that says it can
// be closed, the account in the Accounts menu, and a message posted with the new sign-in.
import * as assert from 'node:assert';
import type { Page } from 'playwright-core';
import { type LocalOidc, startOidcProvider } from '../server/oidc';
import { launchWorkbench, type Workbench } from './lib/workbench';

describe('Sign In to SuperOffice Online (browser)', function () {
	let wb: Workbench;
	let oidc: LocalOidc;

	// Per attempt, not per suite: a retry on CI must start signed out again, with a fresh provider and workbench.
	beforeEach(async () => {
		// 127.0.0.2: a browser-hosted VS Code would route 127.0.0.1 links through its own proxy; a real provider is remote.
		oidc = await startOidcProvider({ host: '127.0.0.2', tenantEndpoint: 'http://127.0.0.1:9/Cust00000', quiet: true });
		wb = await launchWorkbench({
			server: { verifyBearer: (token) => oidc.isValidAccessToken(token) },
			settings: (server) => {
				oidc.moveTenant(server.url);
				return {
					'superofficeChat.online.environment': 'custom',
					'superofficeChat.online.customAuthority': oidc.authority,
					'superofficeChat.online.clientIds': { custom: oidc.publicClient.clientId },
				};
			},
		});
	});

	afterEach(async () => {
		await wb?.close();
		await oidc?.close();
	});

	it('signs in from the empty chat view through the browser and posts with the new account', async () => {
		await wb.openViewContainer();
		const button = wb.page.locator('.part.sidebar .welcome-view-content a, .part.sidebar .welcome-view-content .monaco-button', {
			hasText: 'Sign In to SuperOffice Online',
		});
		await button.first().waitFor({ state: 'visible', timeout: 30000 });
		await wb.screenshot('online-welcome');
		await button.first().click();

		// The environment from the settings is the one Enter takes.
		await wb.quickPick.waitForItem(/Custom authority/);
		await wb.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Custom authority' }).waitFor({ timeout: 15000 });
		await wb.quickPick.accept();
		await wb.page.waitForFunction(
			(v) => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value === v,
			oidc.authority,
			{ timeout: 15000 },
		);
		await wb.quickPick.accept();
		await wb.page.locator('.quick-input-widget .quick-input-message', { hasText: 'Tenant' }).waitFor({ timeout: 15000 });
		const popup = wb.page.context().waitForEvent('page', { timeout: 60000 });
		await wb.quickPick.accept();
		await wb.notification(/Signing in to SuperOffice Online/);

		// VS Code asks before it opens an external website.
		const open = wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ });
		try {
			await open.waitFor({ state: 'visible', timeout: 10000 });
			await open.click();
		} catch {
			// Trusted already, or no confirmation on this host.
		}

		const tab: Page = await popup;
		await tab.waitForLoadState('domcontentloaded');
		assert.ok(tab.url().startsWith(oidc.origin), `the provider's page opened: ${tab.url()}`);
		await tab.locator('input[name="login"]').fill('agent@example.com');
		await tab.locator('input[name="password"]').fill('any-password');
		await tab.locator('button[type="submit"]').first().click();
		await tab
			.locator('button[type="submit"]', { hasText: /Continue/i })
			.first()
			.click({ timeout: 30000 });
		await tab.getByText('You can close this tab').waitFor({ timeout: 30000 });
		assert.match(tab.url(), /^http:\/\/127\.0\.0\.1:\d+\/\?code=/);
		await tab.screenshot({
			path: `${(await wb.screenshot('online-signed-in')).replace(/online-signed-in\.png$/, 'online-browser-tab.png')}`,
		});
		await tab.close();

		await wb.notification(/Signed in to Local Demo AS \(Cust00000\).* as agent@example\.com\./, 30000);
		// The empty view turned into the chat view, which reads the tenant's sessions with the new sign-in.
		await wb.webview().locator('#session-select option[value="101"]').waitFor({ state: 'attached', timeout: 30000 });
		await wb.screenshot('online-signed-in');

		// The account is in the Accounts menu.
		await wb.page.locator('.part.activitybar .action-label[aria-label^="Accounts"]').first().click();
		await wb.page.locator('.monaco-menu .action-label', { hasText: 'agent@example.com (Cust00000)' }).first().waitFor({ timeout: 15000 });
		await wb.screenshot('online-accounts-menu');
		await wb.page.keyboard.press('Escape');

		// And the sign-in is used: the palette posts with the Bearer token the provider issued.
		await wb.runCommand('Post Message');
		await wb.quickPick.pick('Ada Lovelace', 30000);
		await wb.page.locator('.quick-input-widget .quick-input-message', { hasText: 'Message to Ada Lovelace' }).waitFor({ timeout: 15000 });
		await wb.quickPick.type('Signed in with SuperOffice Online.');
		await wb.quickPick.accept();
		await wb.statusMessage(/Posted to Ada Lovelace \(message #\d+\)/);
		const posted = wb.server.received.filter((r) => r.method === 'POST');
		assert.strictEqual(posted.length, 1);
		const token = (posted[0].headers.authorization ?? '').replace(/^Bearer /, '');
		assert.ok(await oidc.isValidAccessToken(token), 'the POST carried an access token of the provider');
		assert.deepStrictEqual(
			oidc.tokenRequests.map((r) => r.grantType),
			['authorization_code'],
		);
	});
});
