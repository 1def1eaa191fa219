// Playwright helpers for the VS Code workbench as a person uses it: palette, quick picks, notifications,
// the Output panel, our sidebar webview. Selectors verified on VS Code 1.139 (see vscode-host.md, section 4.3).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';

export const EXTENSION_ID = 'superoffice-chat.superoffice-chat';
export const CATEGORY = 'SuperOffice Chat';
export const CONTAINER_TITLE = 'SuperOffice Chat';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Monaco renders spaces as U+00A0. */
const normalise = (s: string): string => s.replace(/\u00a0/g, ' ');

export interface QuickPick {
	readonly input: Locator;
	/** Waits until the quick input is open. */
	waitOpen(timeoutMs?: number): Promise<void>;
	/** Waits for a row whose text contains `text` (or matches the RegExp) and returns it. */
	waitForItem(text: string | RegExp, timeoutMs?: number): Promise<Locator>;
	/** Clicks the row with that text. */
	pick(text: string | RegExp, timeoutMs?: number): Promise<void>;
	/** Replaces the text in the quick input. */
	type(text: string): Promise<void>;
	/** Presses Enter in the quick input. */
	accept(): Promise<void>;
	/** Labels of the visible rows. */
	items(): Promise<string[]>;
	/** The validation or help message under the input. */
	message(): Promise<string>;
	waitClosed(timeoutMs?: number): Promise<void>;
}

export function quickPickOf(page: Page): QuickPick {
	const widget = page.locator('.quick-input-widget');
	const input = widget.locator('.quick-input-box input');
	const rows = widget.locator('.quick-input-list .monaco-list-row');
	const row = (text: string | RegExp): Locator => rows.filter({ hasText: text }).first();
	return {
		input,
		waitOpen: (timeoutMs = 15000) => input.waitFor({ state: 'visible', timeout: timeoutMs }),
		async waitForItem(text, timeoutMs = 15000) {
			const r = row(text);
			await r.waitFor({ state: 'visible', timeout: timeoutMs });
			return r;
		},
		async pick(text, timeoutMs = 15000) {
			const r = row(text);
			await r.waitFor({ state: 'visible', timeout: timeoutMs });
			await r.click();
		},
		async type(text) {
			await input.waitFor({ state: 'visible', timeout: 15000 });
			await input.fill(text);
		},
		accept: () => input.press('Enter'),
		async items() {
			return (await rows.allTextContents()).map(normalise);
		},
		async message() {
			return normalise((await widget.locator('.quick-input-message').textContent()) ?? '');
		},
		waitClosed: (timeoutMs = 15000) => widget.waitFor({ state: 'hidden', timeout: timeoutMs }),
	};
}

/** Opens the command palette (F1), focusing the workbench first if the key went nowhere. */
async function openPalette(page: Page): Promise<QuickPick> {
	const qp = quickPickOf(page);
	await page.keyboard.press('F1');
	try {
		await qp.waitOpen(3000);
	} catch {
		await page.locator('.part.statusbar').click({ position: { x: 2, y: 2 } });
		await page.keyboard.press('F1');
		await qp.waitOpen();
	}
	return qp;
}

/** Runs any command by its full palette label, e.g. `Notifications: Show Notifications`. */
export async function runAnyCommand(page: Page, label: string): Promise<void> {
	const qp = await openPalette(page);
	await qp.type(`>${label}`);
	// Exact label: "Post Message" must not pick "Post Message to ..." or a recently used neighbour.
	const exact = new RegExp(`^\\s*${escapeRegExp(label)}(?![\\w ])`);
	const row = page
		.locator('.quick-input-widget .quick-input-list .monaco-list-row')
		.filter({ has: page.locator('.label-name', { hasText: exact }) })
		.first();
	await row.waitFor({ state: 'visible', timeout: 15000 });
	await row.click();
	// The palette keeps showing `>label` until the command's own UI (if any) replaces it; wait for that, so the next
	// quick-input action cannot land in the stale palette.
	await page.waitForFunction(
		(typed) => {
			const widget = document.querySelector<HTMLElement>('.quick-input-widget');
			const input = widget?.querySelector<HTMLInputElement>('.quick-input-box input');
			return !widget || widget.style.display === 'none' || !input || input.value !== typed;
		},
		`>${label}`,
		{ timeout: 30000 },
	);
}

/** Runs one of our commands by its title without the category: `runCommand(page, 'Add Connection')`. */
export function runCommand(page: Page, title: string): Promise<void> {
	return runAnyCommand(page, `${CATEGORY}: ${title}`);
}

/** A toast with that text, or the same entry in the notification center when the toast is already gone. */
export async function notification(page: Page, text: string | RegExp, timeoutMs = 15000): Promise<Locator> {
	const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
	const ok = await toast.waitFor({ state: 'visible', timeout: timeoutMs }).then(
		() => true,
		() => false,
	);
	if (ok) return toast;
	await runAnyCommand(page, 'Notifications: Show Notifications');
	const entry = page.locator('.notifications-center .notification-list-item', { hasText: text }).first();
	await entry.waitFor({ state: 'visible', timeout: 5000 });
	return entry;
}

/** A message in the status bar (e.g. a send's "Posted to …" confirmation), while it shows. */
export async function statusMessage(page: Page, text: string | RegExp, timeoutMs = 15000): Promise<Locator> {
	const item = page.locator('.part.statusbar .statusbar-item', { hasText: text }).first();
	await item.waitFor({ state: 'visible', timeout: timeoutMs });
	return item;
}

/** The text of the editor(s) in the panel, e.g. the Output channel, lines in display order. */
export function outputText(page: Page): Promise<string> {
	return page.evaluate(() =>
		Array.from(document.querySelectorAll('.part.panel .view-lines'))
			.map((lines) =>
				Array.from(lines.querySelectorAll<HTMLElement>('.view-line'))
					.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
					.map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '))
					.join('\n'),
			)
			.join('\n'),
	);
}

/** Waits until the panel's text contains `text`. */
export async function waitForOutput(page: Page, text: string, timeoutMs = 15000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	let last = '';
	while (Date.now() < deadline) {
		last = await outputText(page);
		if (last.includes(text)) return last;
		await page.waitForTimeout(200); // polling interval, not synchronisation: the loop waits for the text
	}
	throw new Error(`Output panel does not show "${text}" after ${timeoutMs} ms; it shows:\n${last}`);
}

/** Our sidebar webview's document (outer webview host iframe → inner #active-frame with our HTML). */
export function webview(page: Page): FrameLocator {
	return page.frameLocator(`iframe.webview.ready[src*="extensionId=${EXTENSION_ID}"]`).frameLocator('iframe#active-frame');
}

/** Our entry in the activity bar (the tab; `aria-expanded` tells whether its container is open). */
export function activityBarItem(page: Page): Locator {
	return page.locator('.part.activitybar li.action-item').filter({ has: page.locator(`a[aria-label^="${CONTAINER_TITLE}"]`) });
}

/**
 * Opens the "SuperOffice Chat" view container by clicking its activity bar entry. A click on an open container closes
 * it, and the workbench may still be restoring one (after Reload Window), so the state is read before and after.
 */
export async function openViewContainer(page: Page): Promise<void> {
	const item = activityBarItem(page);
	const title = page.locator('.part.sidebar .composite.title .title-label', { hasText: new RegExp(escapeRegExp(CONTAINER_TITLE), 'i') });
	const isOpen = async (): Promise<boolean> => (await item.getAttribute('aria-expanded')) === 'true' && (await title.isVisible());
	for (let attempt = 0; attempt < 3; attempt++) {
		if (await isOpen()) return;
		await item.click();
		// A click toggles the container, so click again only after a long look: on a loaded machine the first click
		// can take seconds to show, and a second click would close it again.
		const deadline = Date.now() + 20000;
		while (Date.now() < deadline) {
			if (await isOpen()) return;
			await page.waitForTimeout(250);
		}
	}
	throw new Error(`The ${CONTAINER_TITLE} view container did not open from the activity bar`);
}

/** Opens a workspace file through Go to File, the way a person would. */
export async function openFile(page: Page, relPath: string): Promise<void> {
	const qp = await openPalette(page);
	await qp.type(relPath);
	const base = path.posix.basename(relPath.split(path.sep).join('/'));
	await (await qp.waitForItem(base)).click();
	await page.locator('.tabs-container .tab.active', { hasText: base }).waitFor({ state: 'visible', timeout: 15000 });
	await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 15000 });
}

/** Switches the color theme through Preferences: Color Theme. */
export async function setTheme(page: Page, themeName: string): Promise<void> {
	await runAnyCommand(page, 'Preferences: Color Theme');
	const qp = quickPickOf(page);
	await qp.type(themeName);
	try {
		await qp.pick(new RegExp(`^\\s*${escapeRegExp(themeName)}`), 5000);
	} catch {
		await qp.type('');
		const offered = (await qp.items()).join(' | ');
		await page.keyboard.press('Escape');
		throw new Error(`No color theme "${themeName}"; the picker offers: ${offered}`);
	}
	await qp.waitClosed();
}

export async function screenshot(page: Page, dir: string, name: string): Promise<string> {
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
	await page.screenshot({ path: file });
	return file;
}
