// The local SuperOffice chat server and its sign-in provider, as `npm run server` and `npm start` run them:
// compiled from test/server (tsc -b: only when something changed), and wired so the chat server accepts the
// access tokens the provider issues.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'out', 'test', 'server');

/** `tsc -b test/tsconfig.json`: compiles what changed (a no-op in well under a second when nothing did). */
function ensureCompiled() {
	const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
	const result = spawnSync(process.execPath, [tsc, '-b', 'test/tsconfig.json'], { cwd: root, stdio: 'inherit' });
	if (!fs.existsSync(path.join(outDir, 'server.js'))) throw new Error('the local server could not be compiled');
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
