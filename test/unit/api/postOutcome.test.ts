import * as assert from 'node:assert/strict';
import { ChatClient, type Credentials } from '../../../src/api';
import { nextHop } from '../../../src/api/responses';
import { DEMO, type LocalServer } from '../../server/server';
import { type OtherOrigin, rejectsWith, startOtherOrigin, useLocalServer } from './helpers';

const MESSAGES = /\/ChatSession\/101\/Messages$/;
const SESSIONS = /\/ChatSession\/ForCurrentUser$/;
const credentials: Credentials = { scheme: 'soticket', ticket: DEMO.ticket };

describe('ChatClient: a POST whose outcome is unknown', () => {
	let server: LocalServer;
	useLocalServer((s) => (server = s));
	const client = (): ChatClient => new ChatClient({ baseUrl: server.url, credentials });

	// Each row: a 2xx the server (or a proxy) may send that does not confirm a stored message.
	const table: { name: string; status: number; body?: string | object; contentType?: string; html?: boolean }[] = [
		{ name: '204 without a body', status: 204 },
		{ name: '200 with an empty body', status: 200, body: '', contentType: 'application/json; charset=utf-8' },
		{ name: '201 with an empty body', status: 201, body: '', contentType: 'application/json' },
		{ name: '200 with truncated JSON', status: 200, body: '{"ChatMessageId": 12, "Mess', contentType: 'application/json' },
		{ name: '200 with JSON without ChatMessageId', status: 200, body: { ChatSessionId: 101, Message: 'hi' } },
		{ name: '200 with ChatMessageId 0', status: 200, body: { ChatMessageId: 0 } },
		{ name: '200 with ChatMessageId as text', status: 200, body: { ChatMessageId: '12' } },
		{ name: '200 with a JSON array', status: 200, body: [{ ChatMessageId: 12 }] },
		{ name: '200 with an HTML page (a proxy sign-in page)', status: 200, html: true },
		{
			name: '200 with XML',
			status: 200,
			body: '<ChatMessage><ChatMessageId>12</ChatMessageId></ChatMessage>',
			contentType: 'application/xml',
		},
		{ name: '200 with JSON labelled as HTML', status: 200, body: '{"ChatMessageId":12}', contentType: 'text/html' },
	];
	for (const row of table) {
		it(`${row.name} → outcome unknown, not "unexpected answer", not retried`, async () => {
			const { name: _n, ...fault } = row;
			server.fault({ method: 'POST', path: MESSAGES, ...fault });
			const e = await rejectsWith(client().postMessage(101, { Message: row.name }), 'badResponse');
			assert.equal(e.outcomeUnknown, true);
			assert.equal(e.retryable, false);
			assert.equal(e.status, row.status);
			assert.match(e.message, /may have been posted/);
			assert.doesNotMatch(e.message, /unexpected/i);
			assert.equal(server.received.length, 1, 'no automatic second POST');
		});
	}

	it('a GET with an unusable 2xx stays "unexpected response" (nothing was posted)', async () => {
		server.fault({ path: SESSIONS, status: 200, body: '', contentType: 'application/json' });
		const e = await rejectsWith(client().listSessions(), 'badResponse');
		assert.equal(e.outcomeUnknown, false);
		assert.match(e.message, /unexpected/i);
	});

	it('marks lost answers, timeouts and 5xx of a POST as unknown; refusals and unsent requests as known', async () => {
		server.fault({ method: 'POST', path: MESSAGES, drop: true });
		assert.equal((await rejectsWith(client().postMessage(101, { Message: 'dropped' }), 'network')).outcomeUnknown, true);
		server.fault({ method: 'POST', path: MESSAGES, status: 503 });
		assert.equal((await rejectsWith(client().postMessage(101, { Message: 'failed' }), 'server')).outcomeUnknown, true);
		server.fault({ method: 'POST', path: MESSAGES, delayMs: 500 });
		const slow = new ChatClient({ baseUrl: server.url, credentials, timeoutMs: 50 });
		assert.equal((await rejectsWith(slow.postMessage(101, { Message: 'slow' }), 'timeout')).outcomeUnknown, true);
		server.fault({ method: 'POST', path: MESSAGES, status: 403 });
		assert.equal((await rejectsWith(client().postMessage(101, { Message: 'refused' }), 'forbidden')).outcomeUnknown, false);
		server.fault({ path: SESSIONS, drop: true });
		assert.equal((await rejectsWith(client().listSessions(), 'network')).outcomeUnknown, false, 'a GET stores nothing');
	});
});

describe('ChatClient: a 2xx answer cut off in transit', () => {
	let other: OtherOrigin;
	before(async () => {
		other = await startOtherOrigin((_req, res) => {
			// Promises 200 bytes, sends a few, then the connection breaks.
			res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '200' });
			res.write('{"ChatMessageId":');
			setImmediate(() => res.destroy());
		});
	});
	after(() => other.close());

	it('→ network error with outcome unknown, sent once', async () => {
		const client = new ChatClient({ baseUrl: `${other.origin}/Cust1`, credentials });
		const e = await rejectsWith(client.postMessage(101, { Message: 'cut off' }), 'network');
		assert.equal(e.outcomeUnknown, true);
		assert.equal(e.retryable, false);
		assert.equal(other.received.length, 1);
	});
});

describe('nextHop: every method that carries a body stays on its origin', () => {
	const home = 'https://crm.example.com';
	const hop = (method: string, status: number, location: string): URL =>
		nextHop(new Response(null, { status, headers: { Location: location } }), `${home}/Cust1/api/v1/x`, method, '/Cust1/api/v1/x', 0, home);

	for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
		for (const status of [301, 302, 303, 307, 308]) {
			it(`${method} ${status} to another origin is refused, naming the host`, () => {
				assert.throws(
					() => hop(method, status, 'https://evil.example.net:8443/steal'),
					(e: unknown) =>
						e instanceof Error &&
						(e as { otherHost?: string }).otherHost === 'evil.example.net:8443' &&
						/evil\.example\.net/.test(e.message),
				);
				// Same host but http instead of https is another origin too.
				assert.throws(() => hop(method, status, 'http://crm.example.com/Cust1/api/v1/x'));
			});
		}
		it(`${method} 307/308 on the same origin is followed`, () => {
			assert.equal(hop(method, 307, '/Cust2/api/v1/x').href, `${home}/Cust2/api/v1/x`);
			assert.equal(hop(method, 308, `${home}/Cust3/api/v1/x`).href, `${home}/Cust3/api/v1/x`);
		});
	}

	it('a GET may still go to another origin (the pipeline strips credentials there)', () => {
		assert.equal(hop('GET', 302, 'https://other.example.org/a').host, 'other.example.org');
	});
});
