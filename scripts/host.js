// The one place that knows which VS Code the tests and the playground run on, and how to start and stop
// code-server cleanly: own process group (setsid), private XDG_* and TMPDIR, `--config` always (without it
// code-server writes ~/.config/code-server/config.yaml), and a group kill so no helper process outlives it.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { spawn, spawnSync } = require('node:child_process');
const { installHost } = require('./firstRun');

const root = path.resolve(__dirname, '..');

/** Process groups started here that are still alive (pgid → private run dir); if this process exits early
 *  (Ctrl+C, a crash), they are killed and their folders removed synchronously. */
const liveGroups = new Map();
process.on('exit', () => {
	for (const [pgid, runDir] of liveGroups) {
		killGroup(pgid, 'SIGKILL');
		try {
			fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
		} catch {
			// best effort on the way out
		}
	}
});

let cachedHostEnv;

/**
 * `{ CODE_SERVER_BIN, CODE_SERVER_NODE_DIR }`: from the environment when both are set, otherwise from
 * `scripts/setup-vscode-host.sh` through scripts/firstRun.js (installs the host on first use, in an environment
 * free of the outer npm's variables, and then answers in milliseconds).
 */
function hostEnv() {
	if (cachedHostEnv) return cachedHostEnv;
	const { CODE_SERVER_BIN, CODE_SERVER_NODE_DIR } = process.env;
	if (CODE_SERVER_BIN && CODE_SERVER_NODE_DIR) {
		cachedHostEnv = { CODE_SERVER_BIN, CODE_SERVER_NODE_DIR };
		return cachedHostEnv;
	}
	const vars = installHost();
	cachedHostEnv = vars;
	return vars;
}

/**
 * The VS Code that the integration tier runs in. `VSCODE_EXECUTABLE=/path/to/code` uses a desktop VS Code,
 * `VSCODE_EXECUTABLE=download` lets @vscode/test-electron download one (only where that is reachable);
 * otherwise the code-server shim (scripts/code-shim.js) stands in for the desktop executable.
 */
function integrationHost() {
	const chosen = process.env.VSCODE_EXECUTABLE;
	if (chosen === 'download') return { kind: 'download', vscodeExecutablePath: undefined, env: {} };
	if (chosen) return { kind: 'desktop', vscodeExecutablePath: path.resolve(chosen), env: {} };
	return { kind: 'code-server', vscodeExecutablePath: path.join(root, 'scripts', 'code-shim.js'), env: hostEnv() };
}

function freePort(host = '127.0.0.1') {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen(0, host, () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

function portIsFree(port, host = '127.0.0.1') {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, host, () => srv.close(() => resolve(true)));
	});
}

/** Resolves once `url` answers 2xx; rejects after `timeoutMs` or as soon as `alive()` turns false. */
async function waitForHttp(url, timeoutMs = 30000, alive = () => true) {
	const deadline = Date.now() + timeoutMs;
	let last = 'no answer';
	while (Date.now() < deadline) {
		if (!alive()) throw new Error(`process exited before ${url} answered`);
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), 2000);
		try {
			const res = await fetch(url, { signal: controller.signal });
			if (res.ok) return;
			last = `HTTP ${res.status}`;
		} catch (e) {
			last = e.message;
		} finally {
			clearTimeout(timer);
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	throw new Error(`${url} did not answer within ${timeoutMs} ms (${last})`);
}

/** Whether any non-zombie process is still in the group (zombies are not reaped by every container init). */
function groupAlive(pgid) {
	try {
		for (const entry of fs.readdirSync('/proc')) {
			if (!/^\d+$/.test(entry)) continue;
			let stat;
			try {
				stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			} catch {
				continue;
			}
			// Fields after the parenthesised command name: state ppid pgrp ...
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[2]) === pgid && fields[0] !== 'Z') return true;
		}
		return false;
	} catch {
		try {
			process.kill(-pgid, 0);
			return true;
		} catch {
			return false;
		}
	}
}

function killGroup(pgid, signal = 'SIGTERM') {
	try {
		process.kill(-pgid, signal);
	} catch {
		// already gone
	}
}

/** SIGTERM to the whole group, SIGKILL to whatever is left after `graceMs`. */
async function stopGroup(pgid, graceMs = 5000) {
	killGroup(pgid, 'SIGTERM');
	const deadline = Date.now() + graceMs;
	while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
	if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL');
	liveGroups.delete(pgid);
}

/** Writes `settings` (merged over what is already there) into `<userDataDir>/User/settings.json`. */
function writeUserSettings(userDataDir, settings) {
	const file = path.join(userDataDir, 'User', 'settings.json');
	fs.mkdirSync(path.dirname(file), { recursive: true });
	let current = {};
	if (fs.existsSync(file)) {
		try {
			current = JSON.parse(fs.readFileSync(file, 'utf8'));
		} catch {
			current = {};
		}
	}
	fs.writeFileSync(file, JSON.stringify({ ...current, ...settings }, null, '\t') + '\n');
	return file;
}

/** Settings that keep a test or playground window quiet and deterministic. */
const quietSettings = {
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'workbench.enableExperiments': false,
	'workbench.welcomePage.walkthroughs.openOnInstall': false,
	'telemetry.telemetryLevel': 'off',
	'security.workspace.trust.enabled': false,
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': false,
	'extensions.ignoreRecommendations': true,
	'update.mode': 'none',
	'git.enabled': false,
	'git.openRepositoryInParentFolders': 'never',
	'chat.disableAIFeatures': true,
	'chat.commandCenter.enabled': false,
	'window.commandCenter': false,
	'workbench.layoutControl.enabled': false,
	'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Headless Chromium switches that keep it quiet and offline (Playwright adds the headless ones). */
const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

const smokeDriverSupport = new Map();
function supportsSmokeTestDriver(bin, env, config) {
	if (!smokeDriverSupport.has(bin)) {
		const help = spawnSync(bin, ['--config', config, '--help'], { env, encoding: 'utf8' });
		smokeDriverSupport.set(bin, /--vscode-option/.test(help.stdout || ''));
	}
	return smokeDriverSupport.get(bin);
}

/**
 * Starts code-server and waits for /healthz. Options: port (0 = random), userDataDir and extensionsDir (default: in the
 * private run dir), settings (user settings to write first), smokeTestDriver (needed for the URL payload that loads a
 * development extension and its tests), env (reaches the extension host), args, echo (copy its output to stderr).
 */
async function startCodeServer(o = {}) {
	const { CODE_SERVER_BIN, CODE_SERVER_NODE_DIR } = hostEnv();
	const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sochat-cs-'));
	const dir = (name) => {
		const d = path.join(runDir, name);
		fs.mkdirSync(d, { recursive: true, mode: 0o700 });
		return d;
	};
	const userDataDir = o.userDataDir || dir('user-data');
	const extensionsDir = o.extensionsDir || dir('extensions');
	fs.mkdirSync(userDataDir, { recursive: true });
	fs.mkdirSync(extensionsDir, { recursive: true });
	if (o.settings) writeUserSettings(userDataDir, o.settings);
	const config = path.join(runDir, 'config.yaml');
	fs.writeFileSync(config, 'auth: none\ncert: false\n');
	const env = {
		...process.env,
		...o.env,
		PATH: CODE_SERVER_NODE_DIR + path.delimiter + process.env.PATH,
		XDG_DATA_HOME: dir('xdg/data'),
		XDG_CONFIG_HOME: dir('xdg/config'),
		XDG_CACHE_HOME: dir('xdg/cache'),
		XDG_STATE_HOME: dir('xdg/state'),
		XDG_RUNTIME_DIR: dir('xdg/runtime'),
		TMPDIR: dir('tmp'),
	};
	// The machine's npm config may point node-gyp elsewhere; nothing here compiles, but keep npm out of it.
	delete env.npm_config_nodedir;
	const port = o.port || (await freePort());
	const args = [
		...['--config', config, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none'],
		...['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir],
		...['--disable-telemetry', '--disable-update-check', '--disable-workspace-trust'],
		...['--disable-getting-started-override', '--ignore-last-opened'],
		...(o.args || []),
	];
	if (o.smokeTestDriver && supportsSmokeTestDriver(CODE_SERVER_BIN, env, config)) {
		args.push('--vscode-option', 'enable-smoke-test-driver');
	}
	const logFile = path.join(runDir, 'code-server.log');
	const log = fs.openSync(logFile, 'a');
	// detached: true = setsid(): code-server and all its helpers share one new process group.
	const child = spawn(CODE_SERVER_BIN, args, { env, detached: true, stdio: ['ignore', o.echo ? 'pipe' : log, o.echo ? 'pipe' : log] });
	fs.closeSync(log);
	if (o.echo) {
		const out = fs.createWriteStream(logFile, { flags: 'a' });
		for (const s of [child.stdout, child.stderr]) {
			s.pipe(out);
			s.on('data', (d) => process.stderr.write(d));
		}
	}
	let running = true;
	const exited = new Promise((resolve) => {
		child.once('exit', (code, signal) => {
			running = false;
			resolve(code ?? signal);
		});
		child.once('error', (e) => {
			running = false;
			fs.appendFileSync(logFile, `spawn error: ${e.message}\n`);
			resolve(null);
		});
	});
	if (child.pid) liveGroups.set(child.pid, runDir);
	const url = `http://127.0.0.1:${port}`;
	let stopped;
	const stop = () => {
		stopped ??= (async () => {
			if (child.pid) await stopGroup(child.pid);
			// Retries: a browser that is still exiting may write into its profile in here.
			fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
		})();
		return stopped;
	};
	const readLog = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
	try {
		await waitForHttp(`${url}/healthz`, 30000, () => running);
	} catch (e) {
		const text = readLog();
		await stop();
		throw new Error(`code-server did not start: ${e.message}\n${text}`, { cause: e });
	}
	return { url, port, pid: child.pid, runDir, userDataDir, extensionsDir, logFile, readLog, exited, isRunning: () => running, stop };
}

/** Links (or re-links) the project into an extensions dir the way an installed extension is laid out. */
function installExtensionLink(extensionsDir) {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const id = `${pkg.publisher}.${pkg.name}`;
	const target = path.join(extensionsDir, `${id}-${pkg.version}`);
	fs.mkdirSync(extensionsDir, { recursive: true });
	for (const entry of fs.readdirSync(extensionsDir)) {
		if (!entry.startsWith(`${id}-`)) continue;
		const old = path.join(extensionsDir, entry);
		// A link to the project must be unlinked, never removed recursively.
		if (fs.lstatSync(old).isSymbolicLink()) fs.unlinkSync(old);
		else fs.rmSync(old, { recursive: true, force: true });
	}
	fs.symlinkSync(root, target, 'dir');
	return { id, version: pkg.version, path: target };
}

module.exports = {
	root,
	hostEnv,
	integrationHost,
	freePort,
	portIsFree,
	waitForHttp,
	startCodeServer,
	writeUserSettings,
	quietSettings,
	chromiumArgs,
	installExtensionLink,
};
