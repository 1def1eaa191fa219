#!/usr/bin/env node
// Stands in for the desktop VS Code executable in @vscode/test-electron's runTests({ vscodeExecutablePath }).
// Takes the desktop CLI arguments, starts code-server, opens it in headless Chromium with the extension
// development payload (so the suites run in code-server's Node extension host), forwards the workbench log
// and exits with the extension host's exit code.
// Env: SHIM_USER_SETTINGS (a JSON object, or a path to a JSON file) merged into <user-data-dir>/User/settings.json;
//      CHROMIUM (default /usr/bin/chromium); SHIM_TIMEOUT_MS (default 300000); SHIM_DEBUG=1 (all logs);
//      CODE_SERVER_BIN / CODE_SERVER_NODE_DIR (else scripts/setup-vscode-host.sh is asked).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const host = require('./host');

function parseArgs(argv) {
	const opt = { dev: [], folders: [] };
	for (let i = 0; i < argv.length; i++) {
		const m = /^--([^=]+)(?:=(.*))?$/.exec(argv[i]);
		if (!m) {
			opt.folders.push(path.resolve(argv[i]));
			continue;
		}
		const [, key, inline] = m;
		const value = () => (inline !== undefined ? inline : argv[++i]);
		switch (key) {
			case 'extensionDevelopmentPath':
				opt.dev.push(path.resolve(value()));
				break;
			case 'extensionTestsPath':
				opt.tests = path.resolve(value());
				break;
			case 'user-data-dir':
				opt.userDataDir = path.resolve(value());
				break;
			case 'extensions-dir':
				opt.extensionsDir = path.resolve(value());
				break;
			default:
				// Desktop-only switches (--no-sandbox, --disable-updates, --skip-welcome, ...) take no value here.
				break;
		}
	}
	return opt;
}

function userSettingsFromEnv() {
	const raw = process.env.SHIM_USER_SETTINGS;
	if (!raw) return {};
	const text = raw.trim().startsWith('{') ? raw : fs.readFileSync(raw, 'utf8');
	const parsed = JSON.parse(text);
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('SHIM_USER_SETTINGS must hold a JSON object');
	return parsed;
}

// Workbench chatter that says nothing about the tests (shown with SHIM_DEBUG=1).
const noise = new RegExp(
	process.env.SHIM_LOG_FILTER ||
		'^\\[(AgentHost[^\\]]*|DefaultAccount|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)\\]|' +
			'^(Creating a socket|Resolving connection token|Resolved connection token|Updating additional builtin)|' +
			'ENOTFOUND open-vsx|Timed out waiting for authentication provider|^(Canceled: )+Canceled$|^\\s+at ',
);

async function main() {
	const opt = parseArgs(process.argv.slice(2));
	if (!opt.tests || !opt.dev.length) {
		console.error('code-shim: need --extensionTestsPath and --extensionDevelopmentPath');
		return 2;
	}
	const { chromium } = require('playwright-core');
	const settings = { ...host.quietSettings, ...userSettingsFromEnv() };
	const cs = await host.startCodeServer({
		userDataDir: opt.userDataDir,
		extensionsDir: opt.extensionsDir,
		settings,
		smokeTestDriver: true,
		echo: Boolean(process.env.SHIM_DEBUG),
	});
	let context;
	const cleanup = async () => {
		if (context) await context.close().catch(() => {});
		await cs.stop();
	};
	// Ctrl+C arrives twice (from the terminal and forwarded by test-electron): clean up once, ignore the rest.
	let stopping = false;
	for (const sig of ['SIGINT', 'SIGTERM']) {
		process.on(sig, () => {
			if (stopping) return;
			stopping = true;
			cleanup().finally(() => process.exit(130));
		});
	}
	try {
		const authority = new URL(cs.url).host;
		const remote = (p) => `vscode-remote://${authority}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
		const payload = [...opt.dev.map((d) => ['extensionDevelopmentPath', remote(d)]), ['extensionTestsPath', remote(opt.tests)]];
		const query = new URLSearchParams();
		if (opt.folders[0]) query.set('folder', opt.folders[0]);
		else query.set('ew', 'true');
		query.set('payload', JSON.stringify(payload));

		context = await chromium.launchPersistentContext(path.join(cs.runDir, 'chromium-profile'), {
			executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
			headless: true,
			args: host.chromiumArgs,
			// Our own signal handlers close the browser and then stop code-server; Playwright's would exit first.
			handleSIGINT: false,
			handleSIGTERM: false,
			// Chromium's shared-memory files land in TMPDIR; keep them in the run dir that stop() removes.
			env: { ...process.env, TMPDIR: path.join(cs.runDir, 'tmp') },
		});
		const page = context.pages()[0] || (await context.newPage());
		let finish;
		let done = false;
		const exited = new Promise((resolve) => (finish = resolve)).then((c) => {
			done = true;
			return c;
		});
		// The workbench reports the extension host's log and exit through these two automation hooks.
		await page.exposeFunction('codeAutomationLog', (type, args) => {
			const line = util.format(...(Array.isArray(args) ? args : [args]));
			if (!process.env.SHIM_DEBUG && line.split('\n').every((l) => noise.test(l) || !l.trim())) return;
			(type === 'error' ? process.stderr : process.stdout).write(line + '\n');
		});
		await page.exposeFunction('codeAutomationExit', (code) => finish(code));
		if (process.env.SHIM_DEBUG) page.on('console', (m) => process.stderr.write(`[browser] ${m.text()}\n`));
		// The workbench can take long to load on a busy machine; SHIM_TIMEOUT_MS bounds the whole run anyway.
		await page.goto(`${cs.url}/?${query}`, { waitUntil: 'domcontentloaded', timeout: 120000 });
		const timeoutMs = Number(process.env.SHIM_TIMEOUT_MS || 300000);
		let timer;
		const code = await Promise.race([
			exited,
			// code-server also ends on its own once the extension host is done; only an exit before that is an error.
			cs.exited
				.then(() => new Promise((resolve) => setTimeout(resolve, 1000)))
				.then(() => {
					if (!done) console.error(`code-shim: code-server exited before the tests finished\n${cs.readLog().slice(-4000)}`);
					return 3;
				}),
			new Promise((resolve) => {
				timer = setTimeout(() => {
					console.error(`code-shim: timed out after ${timeoutMs} ms`);
					resolve(124);
				}, timeoutMs);
			}),
		]);
		done = true;
		clearTimeout(timer);
		return typeof code === 'number' ? code : 1;
	} finally {
		await cleanup();
	}
}

main().then(
	(code) => process.exit(code),
	(e) => {
		console.error('code-shim:', e && e.stack ? e.stack : e);
		process.exit(1);
	},
);
