// Check Connection against real things on this machine: the local SuperOffice server, a closed port, a name that
// does not resolve, an https server whose certificate no CA vouches for, and a server whose clock is off.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { type AddressInfo } from 'node:net';
import * as path from 'node:path';
import { ChatClient, redact } from '../../../src/api';
import { formatReport } from '../../../src/diagnostics/checkReport';
import { checkConnection, type CheckProbes, type CheckStep, type CheckTarget } from '../../../src/diagnostics/connectionCheck';
import { connectTcp, fetchServerDate, lookupHost, probeTls } from '../../../src/diagnostics/nodeProbes';
import { DEMO, type LocalServer } from '../../server/server';
import { closedPort, useLocalServer } from '../api/helpers';

const root = path.resolve(__dirname, '../../../..');

function probesFor(baseUrl: string, credentials?: { userName: string; password: string }): CheckProbes {
	const anonymous = new ChatClient({ baseUrl, timeoutMs: 3000 });
	const client = credentials ? new ChatClient({ baseUrl, credentials: { scheme: 'basic', ...credentials }, timeoutMs: 3000 }) : undefined;
	return {
		lookup: lookupHost,
		connect: (host, port) => connectTcp(host, port, 3000),
		tls: (host, port) => probeTls(host, port, 3000),
		serverDate: (url) => fetchServerDate(url, 3000),
		probe: () => anonymous.probe(),
		...(client ? { principal: () => client.currentPrincipal(), sessions: async () => (await client.listSessions()).length } : {}),
		now: () => Date.now(),
	};
}

const byId = (steps: CheckStep[]): Record<string, CheckStep> => Object.fromEntries(steps.map((s) => [s.id, s]));
const statuses = (steps: CheckStep[]): Record<string, string> => Object.fromEntries(steps.map((s) => [s.id, s.status]));

async function listen(server: http.Server | https.Server, answer?: (res: http.ServerResponse) => void): Promise<string> {
	server.on('request', (_req, res: http.ServerResponse) => (answer ? answer(res) : res.end('{}')));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return String((server.address() as AddressInfo).port);
}

describe('Check Connection', () => {
	let server: LocalServer;
	useLocalServer((s) => (server = s));
	const target = (baseUrl: string, online = false): CheckTarget => ({ name: 'Demo', baseUrl, online });

	it('passes every step against a working server, and says which were not applicable', async () => {
		const seen: string[] = [];
		const steps = await checkConnection(
			target(server.url),
			probesFor(server.url, { userName: DEMO.userName, password: DEMO.password }),
			(s) => seen.push(s.id),
		);
		assert.deepEqual(statuses(steps), {
			dns: 'ok',
			tcp: 'ok',
			tls: 'skipped',
			api: 'ok',
			credentials: 'ok',
			chat: 'ok',
			tenant: 'skipped',
			clock: 'ok',
		});
		assert.deepEqual(
			seen,
			steps.map((s) => s.id),
			'each step is reported as it finishes',
		);
		const s = byId(steps);
		assert.match(s.dns.detail, /127\.0\.0\.1/);
		assert.match(s.chat.detail, /^\d+ chat session\(s\) visible$/);
		assert.ok(Number(/^(\d+)/.exec(s.chat.detail)?.[1]) > 0);
		assert.match(s.credentials.detail, /^signed in as /);
	});

	it('a refused password fails the credentials with the sign-in fix, and skips the chat rights', async () => {
		const steps = byId(await checkConnection(target(server.url), probesFor(server.url, { userName: DEMO.userName, password: 'wrong' })));
		assert.equal(steps.credentials.status, 'fail');
		assert.match(steps.credentials.fix ?? '', /Sign in again/);
		assert.equal(steps.chat.status, 'skipped');
	});

	it('no stored credentials: says to sign in', async () => {
		const steps = byId(await checkConnection(target(server.url), probesFor(server.url)));
		assert.equal(steps.credentials.status, 'fail');
		assert.match(steps.credentials.detail, /No credentials/);
	});

	it('a closed port fails at the connection, with the firewall fix', async () => {
		const url = `http://127.0.0.1:${await closedPort()}/Cust00000`;
		const steps = byId(await checkConnection(target(url), probesFor(url)));
		assert.equal(steps.dns.status, 'ok');
		assert.equal(steps.tcp.status, 'fail');
		assert.match(steps.tcp.detail, /ECONNREFUSED/);
		assert.match(steps.tcp.fix ?? '', /firewall/);
		assert.equal(steps.api.status, 'fail');
		assert.equal(steps.credentials.status, 'skipped');
		assert.equal(steps.clock.status, 'skipped');
	});

	it('a name that does not resolve fails at DNS and skips the connection', async () => {
		const url = 'http://no-such-host.invalid/SuperOffice';
		const steps = byId(await checkConnection(target(url), probesFor(url)));
		assert.equal(steps.dns.status, 'fail');
		assert.match(steps.dns.fix ?? '', /host name/);
		assert.equal(steps.tcp.status, 'skipped');
		assert.equal(steps.tls.status, 'skipped');
	});

	it('an https server with a certificate no CA vouches for: TLS fails and names NODE_EXTRA_CA_CERTS', async () => {
		const tls = https.createServer({
			key: fs.readFileSync(path.join(root, 'test/fixtures/tls/self-signed.key')),
			cert: fs.readFileSync(path.join(root, 'test/fixtures/tls/self-signed.crt')),
		});
		try {
			const url = `https://127.0.0.1:${await listen(tls)}/Cust00000`;
			const steps = byId(await checkConnection(target(url), probesFor(url)));
			assert.equal(steps.tcp.status, 'ok');
			assert.equal(steps.tls.status, 'fail');
			assert.match(steps.tls.detail, /localhost.*not trusted \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\)/);
			assert.match(steps.tls.fix ?? '', /NODE_EXTRA_CA_CERTS/);
		} finally {
			tls.closeAllConnections();
			await new Promise((r) => tls.close(r));
		}
	});

	it("warns when this machine's clock is minutes away from the server's", async () => {
		const skewed = http.createServer();
		try {
			const port = await listen(skewed, (res) => {
				res.writeHead(200, { Date: new Date(Date.now() - 10 * 60 * 1000).toUTCString(), 'Content-Type': 'application/json' });
				res.end('{"v1":"1"}');
			});
			const url = `http://127.0.0.1:${port}/Cust00000`;
			const steps = byId(await checkConnection(target(url), probesFor(url)));
			assert.equal(steps.clock.status, 'warn');
			assert.match(steps.clock.detail, /clock is 6\d\d s ahead of the server's/);
			assert.match(steps.clock.fix ?? '', /NTP/);
		} finally {
			skewed.closeAllConnections();
			await new Promise((r) => skewed.close(r));
		}
	});

	it('an Online tenant that is not running fails with its state', async () => {
		const probes = { ...probesFor(server.url), tenant: async () => ({ state: 'OfflineMaintenance', running: false }) };
		const steps = byId(await checkConnection(target(server.url, true), probes));
		assert.equal(steps.tenant.status, 'fail');
		assert.match(steps.tenant.detail, /OfflineMaintenance/);
	});

	it('the report is plain text with every step and no credential in it', async () => {
		const password = DEMO.password;
		const steps = await checkConnection(target(server.url), probesFor(server.url, { userName: DEMO.userName, password: 'wrong' }));
		// A step whose text carried a secret (as a server might echo it) is still redacted in the report.
		steps.push({ id: 'api', status: 'fail', detail: `echo: ${password} Basic ${Buffer.from(`demo:${password}`).toString('base64')}` });
		const report = formatReport(target(server.url), steps, {
			when: new Date(0),
			product: 'VS Code 1.0',
			redactFn: (t) => redact(t, [password]),
		});
		assert.match(report, /^SuperOffice Chat connection check — VS Code 1\.0$/m);
		assert.match(report, /^✓ Name resolution: /m);
		assert.match(report, /^✗ Credentials: /m);
		assert.match(report, /^ {4}→ Sign in again/m);
		assert.ok(!report.includes(password), 'no password');
		assert.ok(!report.includes(Buffer.from(`demo:${password}`).toString('base64')), 'no Basic header value');
	});
});
