// `npm run server [-- --port N]`: starts the local SuperOffice chat server (test/server) and a local OpenID
// Provider for "Sign in to SuperOffice Online", and prints the base URL, the demo credentials and the authority. Compiles test/tsconfig.json first when the compiled server is missing or stale.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const sourceDir = path.join(root, 'test', 'server');
const outDir = path.join(root, 'out', 'test', 'server');

/** True when some test/server/*.ts has no compiled .js or one older than the source. */
function isStale() {
	const stale = (dir) =>
		fs.readdirSync(dir, { withFileTypes: true }).some((e) => {
			const file = path.join(dir, e.name);
			if (e.isDirectory()) return stale(file);
			if (!e.name.endsWith('.ts') || e.name.endsWith('.d.ts')) return false;
			const built = path.join(outDir, path.relative(sourceDir, file)).replace(/\.ts$/, '.js');
			return !fs.existsSync(built) || fs.statSync(built).mtimeMs < fs.statSync(file).mtimeMs;
		});
	return stale(sourceDir);
}

function portFromArgs() {
	const args = process.argv.slice(2);
	const i = args.findIndex((a) => a === '--port' || a.startsWith('--port='));
	const raw = i < 0 ? process.env.PORT : args[i].includes('=') ? args[i].split('=')[1] : args[i + 1];
	const port = raw === undefined || raw === '' ? 0 : Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error(`Not a port number: ${raw}`);
		process.exit(2);
	}
	return port;
}

async function main() {
	const port = portFromArgs();
	if (isStale()) {
		console.log('Compiling the local server (tsc -p test/tsconfig.json)...');
		const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
		const result = spawnSync(process.execPath, [tsc, '-p', 'test/tsconfig.json'], { cwd: root, stdio: 'inherit' });
		if (isStale()) {
			console.error('The local server could not be compiled.');
			process.exit(1);
		}
		// tsc still emits when files elsewhere in the project have type errors; the server's own output is fresh.
		if (result.status !== 0) console.warn('tsc reported errors (see above); starting the server anyway.');
	}
	const { startServer, DEMO } = require(path.join(outDir, 'server.js'));
	const { startOidcProvider } = require(path.join(outDir, 'oidc.js'));
	let oidc;
	// Access tokens the provider issued work against the chat server as long as the provider knows them.
	const server = await startServer({ port, verifyBearer: (token) => (oidc ? oidc.isValidAccessToken(token) : Promise.resolve(false)) });
	oidc = await startOidcProvider({ tenantEndpoint: server.url, quiet: true });
	console.log(
		[
			'',
			'Local SuperOffice chat server',
			`  Base URL      ${server.url}`,
			`  Basic         user "${DEMO.userName}", password "${DEMO.password}"`,
			`  SOTicket      ${DEMO.ticket}   (SO-AppToken optional: ${DEMO.appToken})`,
			`  Bearer        ${DEMO.bearer}`,
			`  Control       ${server.origin}/__control/health`,
			`  Sign-in       authority ${oidc.authority}, client id ${oidc.publicClient.clientId} (public, PKCE)`,
			'Press Ctrl+C to stop.',
			'',
		].join('\n'),
	);
	const stop = () => {
		Promise.all([server.close(), oidc.close()]).then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
