// What `npm start` and `npm test` need before they can run, installed when a fresh machine lacks it:
//   1. the project's dev dependencies (`npm ci` when node_modules is missing or older than package-lock.json);
//   2. the Debian packages of the VS Code host tiers (chromium drives the UI, libkrb5-dev lets code-server build),
//      as root, through `sudo -n`, or else one line that names the exact command to run;
//   3. the VS Code host (Node 24 + code-server, scripts/setup-vscode-host.sh) in a cache folder outside the clone,
//      with the variables that the outer `npm` passes down removed (code-server's installer reads the Node version
//      from npm_config_user_agent and would refuse).
// Only Node built-ins: this runs before node_modules exists. Nothing here reads stdin.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Whether `node_modules` matches `package-lock.json`: npm writes `node_modules/.package-lock.json` on every
 * install, so a missing one (or one older than the lock file, after a pull) means `npm ci` is due.
 * Returns `{ current, reason }`; `reason` is the one line said before installing.
 */
function dependenciesState(dir = root) {
	const lock = path.join(dir, 'package-lock.json');
	const installed = path.join(dir, 'node_modules', '.package-lock.json');
	if (!fs.existsSync(path.join(dir, 'node_modules'))) return { current: false, reason: 'node_modules is missing' };
	if (!fs.existsSync(installed)) return { current: false, reason: 'node_modules was not installed by npm from the lock file' };
	if (!fs.existsSync(lock)) return { current: true, reason: 'no package-lock.json' };
	if (fs.statSync(installed).mtimeMs < fs.statSync(lock).mtimeMs) {
		return { current: false, reason: 'package-lock.json is newer than node_modules' };
	}
	return { current: true, reason: 'node_modules is current' };
}

/**
 * The environment for an install that must not see the outer npm: every `npm_*` / `npm_config_*` variable
 * (npm_config_user_agent names the outer Node; npm_config_nodedir, npm_config_prefix, npm_lifecycle_* …) is
 * dropped, case-insensitively, as npm reads them that way.
 */
function cleanInstallEnv(env = process.env) {
	const clean = {};
	for (const [key, value] of Object.entries(env)) {
		if (/^npm_/i.test(key)) continue;
		clean[key] = value;
	}
	return clean;
}

function say(line) {
	console.log(`> ${line}`);
}

function ensureDependencies(dir = root) {
	const state = dependenciesState(dir);
	if (state.current) return true;
	say(`${state.reason}: running npm ci`);
	const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
		cwd: dir,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: cleanInstallEnv(),
		shell: process.platform === 'win32',
	});
	if (r.status !== 0) {
		console.error(`npm ci failed (exit code ${r.status}); fix the error above, then run the command again.`);
		return false;
	}
	return true;
}

const hasCommand = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const hasDebPackage = (name) => spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status === 0;

/** The Debian packages among `wanted` that are not installed (chromium counts as present when on PATH). */
function missingDebPackages(wanted) {
	return wanted.filter((name) => (name === 'chromium' ? !hasCommand('chromium') : !hasDebPackage(name)));
}

/** How to become root without a prompt: '' (already root), 'sudo -n', or null (no way). */
function rootPrefix() {
	if (typeof process.getuid === 'function' && process.getuid() === 0) return '';
	if (hasCommand('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return 'sudo -n';
	return null;
}

/** Installs the missing Debian packages, or says in one line what to run and returns false. */
function ensureDebPackages(wanted) {
	if (process.platform !== 'linux' || !hasCommand('apt-get')) {
		const missing = wanted.filter((name) => name === 'chromium' && !hasCommand('chromium'));
		if (missing.length === 0) return true;
		console.error('The UI tests need Chromium as `chromium` on PATH; install it, then run the command again.');
		return false;
	}
	const missing = missingDebPackages(wanted);
	if (missing.length === 0) return true;
	const prefix = rootPrefix();
	if (prefix === null) {
		console.error(
			`Missing Debian packages ${missing.join(', ')}; run: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
		);
		return false;
	}
	const run = (args) => {
		const [command, ...rest] = prefix ? [...prefix.split(' '), 'env', 'DEBIAN_FRONTEND=noninteractive', ...args] : args;
		const r = spawnSync(command, rest, {
			stdio: ['ignore', 'inherit', 'inherit'],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
		return r.status === 0;
	};
	say(`installing Debian packages: ${missing.join(', ')} (apt-get, about a minute)`);
	if (!run(['apt-get', 'update']) || !run(['apt-get', 'install', '-y', '--no-install-recommends', ...missing])) {
		console.error(`apt-get failed; run: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
		return false;
	}
	return true;
}

/** The cache folder of the host, as scripts/setup-vscode-host.sh computes it (HOST_DIR wins). */
function hostInstalled(env = process.env) {
	const r = spawnSync('bash', [path.join(root, 'scripts', 'setup-vscode-host.sh'), '--check'], {
		env: cleanInstallEnv(env),
		stdio: 'ignore',
	});
	return r.status === 0;
}

/**
 * Runs scripts/setup-vscode-host.sh (installing on first use, with its progress on stderr) in a clean
 * environment and returns `{ CODE_SERVER_BIN, CODE_SERVER_NODE_DIR }`.
 */
function installHost(env = process.env) {
	const setup = path.join(root, 'scripts', 'setup-vscode-host.sh');
	const result = spawnSync('bash', [setup], {
		cwd: root,
		env: cleanInstallEnv(env),
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	if (result.status !== 0) throw new Error(`${setup} failed with exit code ${result.status}`);
	const vars = {};
	for (const line of result.stdout.split('\n')) {
		const m = /^(CODE_SERVER_BIN|CODE_SERVER_NODE_DIR)=(.*)$/.exec(line.trim());
		if (m) vars[m[1]] = m[2];
	}
	if (!vars.CODE_SERVER_BIN || !vars.CODE_SERVER_NODE_DIR) {
		throw new Error(`${setup} did not print CODE_SERVER_BIN and CODE_SERVER_NODE_DIR`);
	}
	return vars;
}

/**
 * Makes the VS Code host ready and exports its paths into process.env, so every child (the tiers, the shim)
 * finds it without asking again. `needsBrowser`: the tiers drive Chromium; `npm start` does not.
 */
function ensureHost({ needsBrowser }) {
	if (process.env.CODE_SERVER_BIN && process.env.CODE_SERVER_NODE_DIR) {
		return needsBrowser ? ensureDebPackages(['chromium']) : true;
	}
	const fresh = !hostInstalled();
	const packages = [...(needsBrowser ? ['chromium'] : []), ...(fresh ? ['libkrb5-dev'] : [])];
	if (!ensureDebPackages(packages)) return false;
	if (fresh) say('installing the VS Code host (Node 24 + code-server) into the cache; the first time takes 2–3 minutes');
	try {
		Object.assign(process.env, installHost());
	} catch (e) {
		console.error(e.message);
		return false;
	}
	return true;
}

module.exports = { dependenciesState, cleanInstallEnv, ensureDependencies, missingDebPackages, ensureDebPackages, ensureHost, installHost };
