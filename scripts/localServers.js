// The local SuperOffice chat server and its sign-in provider, as `npm run server` and `npm start` run them:
// compiled from test/server when the output is missing or stale, and wired so the chat server accepts the
// access tokens the provider issues.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const sourceDir = path.join(root, 'test', 'server');
const outDir = path.join(root, 'out', 'test', 'server');

/** True when some test/server/*.ts (declaration files aside) has no compiled .js or one older than the source. */
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

/** Compiles test/tsconfig.json when needed; throws when the server's output is still missing or stale after it. */
function ensureCompiled() {
	if (!isStale()) return;
	console.log('> compile the local server (tsc -p test/tsconfig.json)');
	const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
	const result = spawnSync(process.execPath, [tsc, '-p', 'test/tsconfig.json'], { cwd: root, stdio: 'inherit' });
	if (isStale()) throw new Error('the local server could not be compiled');
	// tsc still emits when files elsewhere in the project have type errors; the server's own output is fresh.
	if (result.status !== 0) console.warn('tsc reported errors (see above); starting the server anyway.');
}

/** Starts both; the chat server accepts a Bearer token while the provider still knows it. `logRequests` prints each request. */
async function startLocalServers({ port = 0, logRequests = false } = {}) {
	ensureCompiled();
	const { startServer, DEMO } = require(path.join(outDir, 'server.js'));
	const { startOidcProvider } = require(path.join(outDir, 'oidc.js'));
	let oidc;
	const server = await startServer({
		port,
		quiet: !logRequests,
		verifyBearer: (token) => (oidc ? oidc.isValidAccessToken(token) : Promise.resolve(false)),
	});
	try {
		oidc = await startOidcProvider({ tenantEndpoint: server.url, quiet: true });
	} catch (e) {
		await server.close();
		throw e;
	}
	return { server, oidc, DEMO, close: () => Promise.all([server.close(), oidc.close()]) };
}

module.exports = { startLocalServers };
