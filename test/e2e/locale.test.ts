// VS Code in Norwegian (display language nb): the palette lists our commands by their Norwegian titles
// (package.nls.nb.json), the chat view shows its Norwegian strings (from dist/translations.json), and the extension host
// sees vscode.env.language 'nb' — the language the extension sends to SuperOffice and sets on the webview.
import * as assert from 'node:assert';
import { DEMO } from '../server/server';
import { launchWorkbench, type Workbench } from './lib/workbench';

describe('Display language nb (Norwegian Bokmål)', function () {
	let wb: Workbench;

	before(async () => {
		wb = await launchWorkbench({
			locale: 'nb',
			settings: (server) => ({
				'superofficeChat.connections': [{ id: 'demo', name: 'Demo server', baseUrl: server.url, auth: 'bearer' }],
				'superofficeChat.activeConnection': 'demo',
			}),
		});
	});

	after(async () => {
		await wb?.close();
	});

	it('lists the commands by their Norwegian titles and signs in through one', async () => {
		// The palette as a person opens it: focus the workbench, F1, the category.
		await wb.page.locator('.part.statusbar').click({ position: { x: 2, y: 2 } });
		await wb.page.keyboard.press('F1');
		await wb.quickPick.type('>SuperOffice Chat: tilkobling');
		await wb.quickPick.waitForItem('SuperOffice Chat: Kontroller tilkobling');
		// Each row's title (its second line is the English original, which VS Code adds as a search alias).
		const titles = (
			await wb.page
				.locator('.quick-input-widget .quick-input-list .monaco-list-row .quick-input-list-row:first-child .label-name')
				.allTextContents()
		).map((t) => t.replace(/\u00a0/g, ' '));
		for (const title of ['Legg til tilkobling', 'Bytt tilkobling', 'Fjern tilkobling']) {
			assert.ok(titles.includes(`SuperOffice Chat: ${title}`), `${title} in: ${titles.join(' | ')}`);
		}
		assert.ok(!titles.some((r) => /Connection/.test(r)), `an English title: ${titles.join(' | ')}`);
		await wb.screenshot('locale-nb-palette');
		await wb.page.keyboard.press('Escape');
		await wb.quickPick.waitClosed();
		// The exact palette label, so an English title ("Sign In / Update Credentials") cannot pass.
		await wb.runCommand('Logg inn / oppdater påloggingsinformasjon');
		await wb.quickPick.type(DEMO.bearer);
		await wb.quickPick.accept();
		await wb.notification(/Logget inn på Demo server|Påloggingsinformasjonen for Demo server er lagret/);
		// The extension host's vscode.env.language reaches the server as the request language.
		const sent = wb.server.received.filter((r) => r.path.includes('/api/'));
		assert.ok(sent.length > 0, 'the sign-in checked the credentials with the server');
		for (const r of sent) {
			assert.strictEqual(r.headers['accept-language'], 'nb', `${r.method} ${r.path}`);
			assert.strictEqual(r.headers['so-language'], 'nb', `${r.method} ${r.path}`);
		}
	});

	it('shows the chat view in Norwegian and confirms a send in Norwegian', async () => {
		await wb.openViewContainer();
		const view = wb.webview();
		await view.locator('#session-select option[value="101"]').waitFor({ state: 'attached', timeout: 30000 });
		assert.strictEqual(await view.locator('html').getAttribute('lang'), 'nb');
		assert.strictEqual(await view.locator('label[for="session-select"]').textContent(), 'Økt');
		assert.strictEqual(await view.locator('label[for="message"]').textContent(), 'Melding');
		assert.strictEqual(await view.locator('#advanced summary').textContent(), 'Avansert');
		assert.match(
			(await view.locator('#message').getAttribute('placeholder')) ?? '',
			/^Skriv en melding\. Enter gir ny linje; Ctrl\+Enter sender\./,
		);
		assert.strictEqual(await view.locator('#session-list').getAttribute('aria-label'), 'Økter, de som trenger deg først');

		await view.locator('#session-select').selectOption('101');
		await view.locator('#send-target', { hasText: 'Til: Ada Lovelace (#101)' }).waitFor({ timeout: 15000 });
		await view.locator('#message').fill('Hei Ada, eksporten er fikset.');
		await view.locator('#send').click();
		// The time in Norwegian form too (30.11.2026, 09:18): dates follow the display language, not the browser's.
		const result = view.locator('#result', { hasText: /Sendt som melding #\d+ \(\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}\)\./ });
		await result.waitFor({ timeout: 15000 });
		await result.scrollIntoViewIfNeeded();
		await wb.screenshot('locale-nb');
		assert.deepStrictEqual(wb.server.violations, []);
	});
});
