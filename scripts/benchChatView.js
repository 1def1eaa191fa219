// Chat view, part of `npm run bench`: the time from the webview frame being ready to the session list on screen,
// measured inside the webview (its own performance clock): an init script in every frame notes when the skeleton is
// there (the webview script has run and said `ready`) and when #session-list first has a row. The
// extension is active and signed in (the real palette sign-in); each show of the view is a fresh frame (no
// retainContextWhenHidden); last, the first show after Reload Window. BENCH_VIEW_RUNS (8). Needs `npm run build` (or the VSIX build) and compiled tests.
'use strict';
const path = require('node:path');

const RUNS = Number(process.env.BENCH_VIEW_RUNS || 8);

/**
 * Runs in every frame before its scripts. VS Code writes the webview's document into its frame (document.open), which
 * drops observers, so this polls at the timer's finest step (≈ 4 ms): the skeleton (#session-list) appears in the same
 * task in which the script says `ready`, and the first row when the list is shown.
 */
const frameProbe = `(() => {
	const marks = (window.__chatViewMarks = { origin: performance.timeOrigin });
	const timer = setInterval(() => {
		const list = document.getElementById('session-list');
		if (!list) return;
		if (marks.ready === undefined) marks.ready = performance.now();
		if (list.querySelector('li')) {
			marks.list = performance.now();
			clearInterval(timer);
		}
	}, 0);
})();`;

/** The marks of a chat-view document newer than `after` (a frame's timeOrigin). */
async function chatViewMarks(page, after, timeoutMs = 60000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		for (const frame of page.frames()) {
			const m = await frame.evaluate('window.__chatViewMarks').catch(() => undefined);
			if (m && m.origin > after && m.ready !== undefined && m.list !== undefined) return m;
		}
		await new Promise((r) => setTimeout(r, 50)); // polling interval of the condition
	}
	throw new Error('the chat view did not show its session list');
}

/** Hides the chat view by showing the Explorer (a click may be lost on a loaded machine: tried again). */
async function hideView(page) {
	const explorer = page.locator('.part.sidebar .title-label', { hasText: /Explorer/i });
	for (let attempt = 0; attempt < 3; attempt++) {
		await page.locator('.part.activitybar [aria-label^="Explorer"]').first().click();
		if (
			await explorer.waitFor({ timeout: 10000 }).then(
				() => true,
				() => false,
			)
		) {
			return;
		}
	}
	throw new Error('the Explorer did not open');
}

async function benchChatView(root) {
	const { launchWorkbench } = require(path.join(root, 'out/test/e2e/lib/workbench.js'));
	const { DEMO } = require(path.join(root, 'out/test/server/server.js'));
	const wb = await launchWorkbench({
		settings: (server) => ({
			'superofficeChat.connections': [{ id: 'demo', name: 'Demo server', baseUrl: server.url, auth: 'bearer' }],
			'superofficeChat.activeConnection': 'demo',
		}),
	});
	try {
		await wb.page.context().addInitScript(frameProbe);
		await wb.runCommand('Sign In / Update Credentials');
		await wb.quickPick.type(DEMO.bearer);
		await wb.quickPick.accept();
		await wb.notification(/Signed in to Demo server|Credentials for Demo server saved/);
		const first = [];
		const again = [];
		let after = 0;
		for (let i = 0; i < RUNS; i++) {
			await wb.openViewContainer();
			const m = await chatViewMarks(wb.page, after);
			after = m.origin;
			(i === 0 ? first : again).push(m.list - m.ready);
			await hideView(wb.page);
		}
		// After Reload Window: a new extension host, nothing in memory; the view is opened as soon as the workbench is.
		await wb.page.locator('.part.statusbar').click({ position: { x: 2, y: 2 } });
		await wb.runAnyCommand('Developer: Reload Window');
		await wb.page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
		await wb.page.locator('.part.activitybar').waitFor({ timeout: 90000 });
		await wb.openViewContainer();
		const reload = await chatViewMarks(wb.page, after, 90000);
		return { first: first[0], again, reload: reload.list - reload.ready, violations: wb.server.violations.length };
	} finally {
		await wb.close();
	}
}

module.exports = { benchChatView };
