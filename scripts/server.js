// `npm run server [-- --port N]`: starts the local SuperOffice chat server (test/server) and a local OpenID
// Provider for "Sign in to SuperOffice Online", and prints the base URL, the demo credentials and the authority.
// Compiles test/tsconfig.json first (tsc -b: only what changed).
'use strict';
const { parseArgs } = require('node:util');
const { startLocalServers } = require('./localServers');

function portFromArgs() {
	let values;
	try {
		({ values } = parseArgs({ options: { port: { type: 'string' } } }));
	} catch (e) {
		console.error(`${e.message}\nUsage: npm run server [-- --port N]`);
		process.exit(2);
	}
	const raw = values.port ?? process.env.PORT;
	if (raw === undefined || raw === '') return 0;
	const port = Number(raw);
	if (!/^\d+$/.test(raw) || port > 65535) {
		console.error(`Not a port number: ${raw}`);
		process.exit(2);
	}
	return port;
}

async function main() {
	const { server, oidc, DEMO, close } = await startLocalServers({ port: portFromArgs(), logRequests: true });
	console.log(
		[
			'',
			'Local SuperOffice chat server',
			`  Base URL      ${server.url}`,
			`  Basic         user "${DEMO.userName}", password "${DEMO.password}"`,
			`  SOTicket      ${DEMO.ticket}   (SO-AppToken optional: ${DEMO.appToken})`,
			`  Bearer        ${DEMO.bearer}`,
			`  Control       ${server.origin}/__control/health`,
			`  Visitors      POST ${server.origin}/__control/sessions  {"topicId":1,"customerName":"...","text":"..."}`,
			`  Colleague     POST ${server.origin}/__control/sessions/<id>/pickup | transfer {"to":"demo"} | accept-transfer | reject-transfer | reset`,
			`  Sign-in       authority ${oidc.authority}, client id ${oidc.publicClient.clientId} (public, PKCE)`,
			'Press Ctrl+C to stop.',
			'',
		].join('\n'),
	);
	const stop = () => {
		close().then(
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
