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

	it('opens Get Started in Norwegian, the Online step with its Developer Portal steps and its illustration', async () => {
		await wb.runCommand('Kom i gang');
		const page = wb.page.locator('.gettingStartedContainer');
		await page.locator('.getting-started-category', { hasText: 'Kom i gang med SuperOffice Chat' }).first().waitFor({ timeout: 15000 });
		const steps = page.locator('.getting-started-step .step-title');
		await steps.first().waitFor({ timeout: 15000 });
		const titles = (await steps.allTextContents()).map((t) => t.trim()).filter(Boolean);
		for (const title of ['Koble til en Onsite-server', 'Se hver forespørsel i loggen']) {
			assert.ok(titles.includes(title), `${title} in: ${titles.join(' | ')}`);
		}
		// The Online step, opened as a person would: its description in Norwegian, with the Developer Portal's own
		// names, and the picture beside it drawn in the theme's colours.
		await page.locator('.getting-started-step', { hasText: 'Eller logg inn på SuperOffice Online' }).first().click();
		const expanded = page.locator('.getting-started-step.expanded');
		await expanded.locator('.step-description-container', { hasText: 'opprett en Native app med endepunktet WebApi' }).waitFor({ timeout: 15000 });
		const text = (await expanded.locator('.step-description-container').textContent()) ?? '';
		assert.match(text, /kopier Application ID/);
		assert.ok(!text.includes('`'), `a backtick shows: ${text}`);
		assert.doesNotMatch(text, /\b(Once|create|Then sign in)\b/, `English in: ${text}`);
		const picture = wb.page
			.frameLocator('.gettingStartedContainer .getting-started-media iframe.webview.ready')
			.frameLocator('iframe#active-frame')
			.locator('svg');
		await picture.waitFor({ timeout: 15000 });
		assert.strictEqual(await picture.locator('text').textContent(), '127.0.0.1');
		// The theme's colours reach it: the accent is the button colour VS Code sets in the webview.
		const colours = await picture.evaluate((svg) => {
			const button = getComputedStyle(document.documentElement).getPropertyValue('--vscode-button-background').trim();
			const probe = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
			probe.style.fill = button;
			svg.appendChild(probe);
			const theme = getComputedStyle(probe).fill;
			probe.remove();
			const accent = svg.querySelector('[fill^="var(--vscode-button-background"]');
			return { button, theme, accent: accent ? getComputedStyle(accent).fill : 'no accent' };
		});
		assert.ok(colours.button !== '', 'the webview has no theme colours');
		assert.strictEqual(colours.accent, colours.theme);
		await wb.screenshot('locale-nb-walkthrough');
	});
});
