// The status-bar item shows the active connection and whether it is signed in; clicking it switches connection.
import * as assert from 'node:assert';
import type { Locator } from 'playwright-core';
import { DEMO } from '../server/server';
import { launchWorkbench, type Workbench } from './lib/workbench';

// VS Code gives an extension's status-bar entry the id `<extension id>.<item id>`.
const ITEM = '[id="superoffice-chat.superoffice-chat.superofficeChat.connection"]';

describe('Status bar connection switch', function () {
	let wb: Workbench;
	let item: Locator;

	before(async () => {
		wb = await launchWorkbench({
			settings: (server) => ({
				'superofficeChat.connections': [
					{ id: 'demo', name: 'Local demo', baseUrl: server.url, auth: 'bearer' },
					{ id: 'backup', name: 'Backup tenant', baseUrl: server.url, auth: 'bearer' },
				],
				'superofficeChat.activeConnection': 'demo',
			}),
		});
		// The extension activates on its contributions only (no startup activation): any of its commands brings the item.
		await wb.runCommand('Show Log');
		item = wb.page.locator(`.part.statusbar ${ITEM}`);
		await item.waitFor({ state: 'visible', timeout: 30000 });
	});

	after(async () => {
		await wb?.close();
	});

	it('shows the active connection, signed out, then signed in', async () => {
		assert.match((await item.getAttribute('aria-label')) ?? '', /Local demo, signed out/);
		await wb.runCommand('Sign In / Update Credentials');
		await wb.quickPick.pick('Local demo');
		// Type only into the token box: on a loaded machine the connection picker can still be showing for a moment.
		await wb.page.locator('.quick-input-widget input[type="password"]').waitFor({ state: 'visible', timeout: 15000 });
		await wb.quickPick.type(DEMO.bearer);
		await wb.quickPick.accept();
		await wb.notification(/Signed in to Local demo/);
		await wb.page
			.locator(`.part.statusbar ${ITEM}[aria-label="SuperOffice Chat connection Local demo, signed in"]`)
			.waitFor({ timeout: 15000 });
		assert.match((await item.textContent()) ?? '', /Local demo/);
		await wb.screenshot('status-bar-signed-in');
	});

	it('switches to another connection from the status bar and back', async () => {
		await item.click();
		await wb.quickPick.waitForItem('Backup tenant');
		await wb.screenshot('status-bar-switch-picker');
		await wb.quickPick.pick('Backup tenant');
		await wb.page
			.locator(`.part.statusbar ${ITEM}[aria-label="SuperOffice Chat connection Backup tenant, signed out"]`)
			.waitFor({ timeout: 15000 });
		await wb.screenshot('status-bar-switched');

		// The switch is real: posting now needs the Backup tenant's credentials and sends nothing.
		const before = wb.server.received.length;
		await wb.runCommand('Post Message');
		await wb.notification('Sign in to Backup tenant first.');
		assert.strictEqual(wb.server.received.length, before);

		await item.click();
		await wb.quickPick.pick('Local demo');
		await wb.page
			.locator(`.part.statusbar ${ITEM}[aria-label="SuperOffice Chat connection Local demo, signed in"]`)
			.waitFor({ timeout: 15000 });
	});
});
