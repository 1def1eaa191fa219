// `npm start`: try the extension against the local SuperOffice server. Builds, starts the server, configures a
// "Local demo" connection in a playground profile and opens VS Code (desktop `code` when on PATH, otherwise
// code-server in the browser). Ctrl+C stops everything it started.
//   --no-open            start everything, check it answers, then stop (a smoke test)
//   --port N             local server port (default 38080, a random one when busy)
//   --code-port N        code-server port (default 38081, a random one when busy)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { parseArgs } = require('node:util');
const firstRun = require('./firstRun');
// Before anything from node_modules is needed: `npm start` is meant to work as the first command of a fresh clone.
if (!firstRun.ensureDependencies()) process.exit(1);
const host = require('./host');
const { startLocalServers } = require('./localServers');

const root = host.root;
const playground = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'superoffice-chat', 'playground');
const CONNECTION_ID = 'local-demo';

function readOptions() {
	try {
		return parseArgs({
			options: { 'no-open': { type: 'boolean', default: false }, port: { type: 'string' }, 'code-port': { type: 'string' } },
		}).values;
	} catch (e) {
		console.error(`${e.message}\nUsage: npm start [-- --no-open] [--port N] [--code-port N]`);
		process.exit(2);
	}
}
const options = readOptions();

function portOption(name, fallback) {
	const raw = options[name];
	if (raw === undefined) return fallback;
	const n = Number(raw);
	if (!/^\d+$/.test(raw) || n > 65535) {
		console.error(`--${name}: not a port number: ${raw}`);
		process.exit(2);
	}
	return n;
}

function step(label, command, args) {
	console.log(`> ${label}`);
	const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
	return r.status === 0;
}

async function startLocalServer(port) {
	const wanted = port && (await host.portIsFree(port)) ? port : 0;
	if (port && !wanted) console.log(`Port ${port} is busy; using a random port for the local server.`);
	return startLocalServers({ port: wanted });
}

/** The playground user settings: the demo connection (replacing an older one with the same id) made active. */
function writePlaygroundSettings(userDataDir, serverUrl, oidc) {
	const file = path.join(userDataDir, 'User', 'settings.json');
	let connections = [];
	try {
		connections = JSON.parse(fs.readFileSync(file, 'utf8'))['superofficeChat.connections'] || [];
	} catch {
		// first run or unreadable: start clean
	}
	const demo = { id: CONNECTION_ID, name: 'Local demo', baseUrl: serverUrl, auth: 'basic', userName: 'demo' };
	connections = [demo, ...connections.filter((c) => c && c.id !== CONNECTION_ID)];
	host.writeUserSettings(userDataDir, {
		...host.quietSettings,
		'superofficeChat.connections': connections,
		'superofficeChat.activeConnection': CONNECTION_ID,
		// "Sign In to SuperOffice Online" → Custom authority signs in at the local provider.
		'superofficeChat.online.environment': 'custom',
		'superofficeChat.online.customAuthority': oidc.authority,
		'superofficeChat.online.clientIds': { custom: oidc.publicClient.clientId },
	});
}

function onPath(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function workspaceFolder() {
	// A copy, so trying things out never edits the test fixture.
	const ws = path.join(playground, 'workspace');
	if (!fs.existsSync(ws)) fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), ws, { recursive: true });
	return ws;
}

async function main() {
	const noOpen = options['no-open'];
	if (!step('build', process.execPath, [path.join(root, 'esbuild.js')])) return 1;
	const { server, oidc, DEMO, close } = await startLocalServer(portOption('port', 38080));
	const stops = [close];
	const stopAll = async () => {
		for (const fn of stops.splice(0).reverse()) {
			await Promise.resolve()
				.then(fn)
				.catch(() => undefined);
		}
	};
	let stopping = false;
	for (const sig of ['SIGINT', 'SIGTERM']) {
		process.on(sig, () => {
			if (stopping) return; // a second Ctrl+C must not cut the cleanup short
			stopping = true;
			console.log('\nStopping...');
			stopAll().finally(() => process.exit(0));
		});
	}

	const userDataDir = path.join(playground, 'user-data');
	const extensionsDir = path.join(playground, 'extensions');
	writePlaygroundSettings(userDataDir, server.url, oidc);
	const ws = workspaceFolder();
	const lines = [
		'',
		'SuperOffice Chat playground',
		`  Local SuperOffice server  ${server.url}`,
		`  Connection                "Local demo" (Basic), active`,
		`  Sign in with              user "${DEMO.userName}", password "${DEMO.password}"`,
		'  The password is typed into VS Code when it asks; VS Code keeps it in its Secret Storage.',
		`  Online sign-in            ${oidc.authority} (a local provider; any login name and password)`,
		'  Try it with               SuperOffice Chat: Sign In to SuperOffice Online → Custom authority',
	];

	const desktop = !process.env.START_USE_CODE_SERVER && onPath('code');
	if (desktop) {
		const args = [`--extensionDevelopmentPath=${root}`, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, ws];
		lines.push(`  VS Code                   code ${args.join(' ')}`);
		if (!noOpen) {
			const code = spawn('code', args, { stdio: 'ignore', detached: true });
			code.unref();
		}
	} else {
		if (!firstRun.ensureHost({ needsBrowser: false })) return 1;
		host.installExtensionLink(extensionsDir);
		const wanted = portOption('code-port', 38081);
		const port = (await host.portIsFree(wanted)) ? wanted : 0;
		if (!port) console.log(`Port ${wanted} is busy; using a random port for code-server.`);
		const cs = await host.startCodeServer({ port, userDataDir, extensionsDir });
		stops.push(() => cs.stop());
		void cs.exited.then(() => {
			if (stops.length === 0) return; // we are stopping it
			console.error(`code-server stopped unexpectedly; its log:\n${cs.readLog().slice(-3000)}`);
			void stopAll().finally(() => process.exit(1));
		});
		lines.push(`  VS Code in the browser    ${cs.url}/?folder=${encodeURIComponent(ws)}`);
		await host.waitForHttp(`${cs.url}/healthz`, 10000);
	}
	await host.waitForHttp(`${server.origin}/__control/health`, 10000);
	lines.push(noOpen ? '  (--no-open: everything answered; stopping.)' : 'Press Ctrl+C to stop.', '');
	console.log(lines.join('\n'));
	if (noOpen) {
		await stopAll();
		return 0;
	}
	return new Promise(() => {}); // runs until Ctrl+C
}

main().then(
	(code) => process.exit(code),
	(e) => {
		console.error(e && e.message ? e.message : e);
		process.exit(1);
	},
);
