// `npm run server [-- --port N]`: starts the local SuperOffice chat server (test/server) and a local OpenID
// Provider for "Sign in to SuperOffice Online", and prints the base URL, the demo credentials and the authority.
// Compiles test/tsconfig.json first when the compiled server is missing or stale.
'use strict';
const { startLocalServers } = require('./localServers');

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
