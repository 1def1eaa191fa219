// launchWorkbench(): the local SuperOffice server + code-server with the built extension installed (not in smoke
// mode, so toasts and dialogs behave as for a user) + headless Chromium on the workbench. close() stops all of it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type BrowserContext, chromium, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { type LocalServer, type StartOptions, startServer } from '../../server/server';
import { installDisplayLanguage } from './displayLanguage';
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
	startCodeServer(o: {
		settings?: Record<string, unknown>;
		userDataDir?: string;
		extensionsDir?: string;
		args?: string[];
		echo?: boolean;
	}): Promise<CodeServer>;
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
	/** VS Code's display language, e.g. 'nb': code-server's `--locale` plus a language pack for it (displayLanguage.ts). */
	locale?: string;
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
	/** A message in the status bar, e.g. a send's confirmation. */
	statusMessage(text: string | RegExp, timeoutMs?: number): Promise<Locator>;
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

/** Workbenches not closed yet; the e2e runner screenshots them when a test fails. */
export const openWorkbenches = new Set<Workbench>();

interface Launch {
	/** Makes a launch in progress give up at its next step (and closes its browser, ending any wait on the page). */
	abort(): void;
	/** Settles when the launch has finished or given up. */
	settled: Promise<void>;
	stop(): Promise<void>;
}
/** Every launch not closed yet, including launches still in progress. */
const liveLaunches = new Set<Launch>();

/** Closes every workbench and stops launches in progress (Ctrl+C, end of run). */
export async function closeAllWorkbenches(): Promise<void> {
	await Promise.allSettled(
		[...liveLaunches].map(async (launch) => {
			launch.abort();
			// A launch in progress registers what it started once its current step returns; bounded, as that step may hang.
			await Promise.race([launch.settled, new Promise((resolve) => setTimeout(resolve, 5000))]);
			await launch.stop();
		}),
	);
	openWorkbenches.clear();
}

/** Run dirs not removed yet; a last, synchronous attempt if the process exits anyway. */
const liveRunDirs = new Set<string>();
process.on('exit', () => {
	for (const dir of liveRunDirs) {
		try {
			fs.rmSync(dir, { recursive: true, force: true });
		} catch {
			// An exception here would reach mocha's uncaughtException handler and keep the process alive.
		}
	}
});

const quietE2eSettings: Record<string, unknown> = {
	'workbench.view.alwaysShowHeaderActions': true,
	'editor.minimap.enabled': false,
};

export function launchWorkbench(opts: LaunchOptions = {}): Promise<Workbench> {
	const launch: Launch = { abort: () => undefined, settled: Promise.resolve(), stop: () => Promise.resolve() };
	const started = start(opts, launch);
	launch.settled = started.then(
		() => undefined,
		() => undefined,
	);
	return started;
}

async function start(opts: LaunchOptions, launch: Launch): Promise<Workbench> {
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
	let context: BrowserContext | undefined;
	let closed = false;
	const closeAll = async (): Promise<void> => {
		closed = true;
		// A failure screenshot started by the runner finishes before the browser goes away.
		await Promise.allSettled([...pendingShots]);
		// Last started, first stopped; every step runs even if an earlier one fails.
		for (const fn of cleanups.splice(0).reverse()) {
			await Promise.resolve()
				.then(fn)
				.catch(() => undefined);
		}
		liveLaunches.delete(launch);
	};
	launch.stop = closeAll;
	launch.abort = () => {
		closed = true;
		void context?.close().catch(() => undefined);
	};
	liveLaunches.add(launch);
	/** Called after each start-up step: a launch closed meanwhile stops here (its catch runs the new cleanups). */
	const stillWanted = (): void => {
		if (closed) throw new Error('the workbench was closed while it was starting');
	};
	try {
		if (!fs.existsSync(path.join(root, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
		const server = await startServer({ port: 0, quiet: true, ...opts.server });
		cleanups.push(() => server.close());
		stillWanted();

		const workspace = opts.workspace ?? path.join(runDir, 'workspace');
		if (!opts.workspace) fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });

		const extensionsDir = path.join(runDir, 'extensions');
		const link = host.installExtensionLink(extensionsDir);
		// Unlink before the run dir is removed, so nothing ever walks into the project through the link.
		cleanups.push(() => fs.unlinkSync(link.path));

		const custom = typeof opts.settings === 'function' ? opts.settings(server) : (opts.settings ?? {});
		const userDataDir = opts.locale ? path.join(runDir, 'user-data') : undefined;
		if (opts.locale && userDataDir) installDisplayLanguage({ locale: opts.locale, userDataDir, extensionsDir });
		const cs = await host.startCodeServer({
			extensionsDir,
			userDataDir,
			args: opts.locale ? ['--locale', opts.locale] : [],
			settings: { ...host.quietSettings, ...quietE2eSettings, ...custom },
			echo: Boolean(process.env.E2E_DEBUG),
		});
		cleanups.push(() => cs.stop());
		stillWanted();

		context = await chromium.launchPersistentContext(path.join(runDir, 'chromium-profile'), {
			executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
			headless: true,
			viewport: opts.viewport ?? { width: 1400, height: 900 },
			args: host.chromiumArgs,
			// Our own signal handlers close the browser and then stop code-server; Playwright's would exit first.
			handleSIGINT: false,
			handleSIGTERM: false,
			// Chromium's shared-memory files land in TMPDIR; keep them in the run dir that close() removes.
			env: { ...process.env, TMPDIR: fs.mkdtempSync(path.join(runDir, 'tmp-')) } as Record<string, string>,
		});
		const browser = context;
		cleanups.push(() => browser.close());
		stillWanted();
		const page = browser.pages()[0] ?? (await browser.newPage());
		launchedPage = page;
		if (process.env.E2E_DEBUG) page.on('console', (m) => process.stderr.write(`[browser] ${m.text()}\n`));

		// Generous timeouts: on a busy 2-core machine the first workbench load can take a while.
		await page.goto(`${cs.url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 90000 });
		await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
		// Our view container in the activity bar means the extension's contributions are loaded.
		await ui.activityBarItem(page).waitFor({ state: 'visible', timeout: 60000 });
		// With a connection configured, wait until the extension has read it (its status-bar item shows): the palette
		// hides commands that need a connection until then, and a palette opened earlier would not list them.
		const connections = custom['superofficeChat.connections'];
		if (Array.isArray(connections) && connections.length > 0 && custom['superofficeChat.activeConnection']) {
			await page
				.locator('.part.statusbar [id="superoffice-chat.superoffice-chat.superofficeChat.connection"]')
				.waitFor({ state: 'visible', timeout: 60000 });
		}
		stillWanted();

		const wb: Workbench = {
			page,
			server,
			workspace,
			quickPick: ui.quickPickOf(page),
			runCommand: (title) => ui.runCommand(page, title),
			runAnyCommand: (label) => ui.runAnyCommand(page, label),
			notification: (text, timeoutMs) => ui.notification(page, text, timeoutMs),
			statusMessage: (text, timeoutMs) => ui.statusMessage(page, text, timeoutMs),
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
