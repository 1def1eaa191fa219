// launchWorkbench(): the local SuperOffice server + code-server with the built extension installed (not in smoke
// mode, so toasts and dialogs behave as for a user) + headless Chromium on the workbench. close() stops all of it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type BrowserContext, chromium, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { type LocalServer, type StartOptions, startServer } from '../../server/server';
import * as ui from './ui';

export const root = path.resolve(__dirname, '../../../..');
export const resultsDir = path.join(root, 'test-results');

interface CodeServer {
	url: string;
	runDir: string;
	userDataDir: string;
	extensionsDir: string;
	readLog(): string;
	stop(): Promise<void>;
}
interface HostModule {
	startCodeServer(o: { settings?: Record<string, unknown>; extensionsDir?: string; echo?: boolean }): Promise<CodeServer>;
	installExtensionLink(extensionsDir: string): { id: string; path: string };
	quietSettings: Record<string, unknown>;
	chromiumArgs: string[];
}
// scripts/host.js is plain JS shared with the npm scripts; it is not part of the TypeScript program.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const host = require(path.join(root, 'scripts', 'host.js')) as HostModule;

export interface LaunchOptions {
	/** User settings, merged over quiet defaults; a function receives the started local server (for its URL). */
	settings?: Record<string, unknown> | ((server: LocalServer) => Record<string, unknown>);
	/** Folder to open; default: a fresh copy of test/fixtures/workspace. */
	workspace?: string;
	/** Options for the local SuperOffice server (default: random port, quiet). */
	server?: StartOptions;
	viewport?: { width: number; height: number };
}

export interface Workbench {
	readonly page: Page;
	readonly server: LocalServer;
	/** The folder open in the window. */
	readonly workspace: string;
	readonly quickPick: ui.QuickPick;
	/** Runs `SuperOffice Chat: <title>` from the command palette. */
	runCommand(title: string): Promise<void>;
	/** Runs any command by its full palette label. */
	runAnyCommand(label: string): Promise<void>;
	notification(text: string | RegExp, timeoutMs?: number): Promise<Locator>;
	outputText(): Promise<string>;
	waitForOutput(text: string, timeoutMs?: number): Promise<string>;
	/** The chat view's document inside its webview. */
	webview(): FrameLocator;
	openViewContainer(): Promise<void>;
	openFile(relPath: string): Promise<void>;
	setTheme(themeName: string): Promise<void>;
	/** Saves `test-results/<name>.png` and returns its path. */
	screenshot(name: string): Promise<string>;
	/** code-server's log so far (for failure messages). */
	codeServerLog(): string;
	close(): Promise<void>;
}

/** Workbenches not closed yet; the e2e runner screenshots them when a test fails and closes them at exit. */
export const openWorkbenches = new Set<Workbench>();

/** Run dirs of launches not closed yet, removed if the process exits early (Ctrl+C during a launch). */
const liveRunDirs = new Set<string>();
process.on('exit', () => {
	for (const dir of liveRunDirs) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

const quietE2eSettings: Record<string, unknown> = {
	'workbench.view.alwaysShowHeaderActions': true,
	'workbench.secondarySideBar.defaultVisibility': 'hidden',
	'editor.minimap.enabled': false,
};

export async function launchWorkbench(opts: LaunchOptions = {}): Promise<Workbench> {
	const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sochat-e2e-'));
	liveRunDirs.add(runDir);
	const cleanups: Array<() => Promise<unknown> | unknown> = [
		() => {
			// Retries: a browser that is still exiting may write into its profile in here.
			fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
			liveRunDirs.delete(runDir);
		},
	];
	const pendingShots = new Set<Promise<string>>();
	let launchedPage: Page | undefined;
	const closeAll = async (): Promise<void> => {
		// Last started, first stopped; every step runs even if an earlier one fails.
		for (const fn of cleanups.splice(0).reverse()) {
			await Promise.resolve()
				.then(fn)
				.catch(() => undefined);
		}
	};
	try {
		if (!fs.existsSync(path.join(root, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
		const server = await startServer({ port: 0, quiet: true, ...opts.server });
		cleanups.push(() => server.close());

		const workspace = opts.workspace ?? path.join(runDir, 'workspace');
		if (!opts.workspace) fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });

		const extensionsDir = path.join(runDir, 'extensions');
		const link = host.installExtensionLink(extensionsDir);
		// Unlink before the run dir is removed, so nothing ever walks into the project through the link.
		cleanups.push(() => fs.unlinkSync(link.path));

		const custom = typeof opts.settings === 'function' ? opts.settings(server) : (opts.settings ?? {});
		const cs = await host.startCodeServer({
			extensionsDir,
			settings: { ...host.quietSettings, ...quietE2eSettings, ...custom },
			echo: Boolean(process.env.E2E_DEBUG),
		});
		cleanups.push(() => cs.stop());

		const context: BrowserContext = await chromium.launchPersistentContext(path.join(runDir, 'chromium-profile'), {
			executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
			headless: true,
			viewport: opts.viewport ?? { width: 1400, height: 900 },
			args: host.chromiumArgs,
			// Our own signal handlers close the browser and then stop code-server; Playwright's would exit first.
			handleSIGINT: false,
			handleSIGTERM: false,
		});
		cleanups.push(() => context.close());
		const page = context.pages()[0] ?? (await context.newPage());
		launchedPage = page;
		if (process.env.E2E_DEBUG) page.on('console', (m) => process.stderr.write(`[browser] ${m.text()}\n`));

		// Generous timeouts: on a busy 2-core machine the first workbench load can take a while.
		await page.goto(`${cs.url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 90000 });
		await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
		// Our view container in the activity bar means the extension's contributions are loaded.
		await ui.activityBarItem(page).waitFor({ state: 'visible', timeout: 60000 });

		const wb: Workbench = {
			page,
			server,
			workspace,
			quickPick: ui.quickPickOf(page),
			runCommand: (title) => ui.runCommand(page, title),
			runAnyCommand: (label) => ui.runAnyCommand(page, label),
			notification: (text, timeoutMs) => ui.notification(page, text, timeoutMs),
			outputText: () => ui.outputText(page),
			waitForOutput: (text, timeoutMs) => ui.waitForOutput(page, text, timeoutMs),
			webview: () => ui.webview(page),
			openViewContainer: () => ui.openViewContainer(page),
			openFile: (relPath) => ui.openFile(page, relPath),
			setTheme: (themeName) => ui.setTheme(page, themeName),
			screenshot: (name) => {
				const shot = ui.screenshot(page, resultsDir, name);
				pendingShots.add(shot);
				void shot.finally(() => pendingShots.delete(shot)).catch(() => undefined);
				return shot;
			},
			codeServerLog: () => cs.readLog(),
			close: async () => {
				openWorkbenches.delete(wb);
				// A failure screenshot started by the runner finishes before the browser goes away.
				await Promise.allSettled([...pendingShots]);
				await closeAll();
			},
		};
		openWorkbenches.add(wb);
		return wb;
	} catch (e) {
		// What the browser showed when the launch gave up.
		if (launchedPage) await ui.screenshot(launchedPage, resultsDir, 'launch-failed').catch(() => undefined);
		await closeAll();
		throw e;
	}
}
