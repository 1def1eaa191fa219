import * as assert from 'node:assert/strict';
import { ChatClient, type ChatClientOptions } from '../../../src/api';
import { DEMO, type LocalServer, startServer } from '../../server/server';
import { closedPort, rejectsWith, traceSink, useLocalServer } from './helpers';

const MESSAGES = /\/ChatSession\/101\/Messages$/;
const SESSIONS = /\/ChatSession\/ForCurrentUser$/;

describe('ChatClient errors from the local server', () => {
	let server: LocalServer;
	useLocalServer((s) => (server = s));

	const client = (extra: Partial<ChatClientOptions> = {}): ChatClient =>
		new ChatClient({ baseUrl: server.url, credentials: { scheme: 'soticket', ticket: DEMO.ticket }, ...extra });
	const stored = (text: string) => server.messages(101).filter((m) => m.Message === text).length;

	describe('real server responses', () => {
		it('404 for a session that does not exist → notFound with the official error body', async () => {
			const e = await rejectsWith(client().getSession(404), 'notFound');
			assert.equal(e.status, 404);
			assert.ok(e.errorType, 'ErrorType from the body');
			assert.ok(e.serverMessage, 'ErrorMessage from the body');
			assert.equal(e.retryable, false);
			assert.equal(e.path, '/Cust00000/api/v1/ChatSession/404');
		});

		it('posting to a missing session → notFound, not retryable', async () => {
			const e = await rejectsWith(client().postMessage(404, { Message: 'anyone?' }), 'notFound');
			assert.equal(e.method, 'POST');
			assert.equal(e.retryable, false);
		});
	});

	describe('injected statuses', () => {
		const table: [number, string][] = [
			[400, 'invalid'],
			[403, 'forbidden'],
			[404, 'notFound'],
			[409, 'conflict'],
			[412, 'conflict'],
			[500, 'server'],
			[502, 'server'],
			[503, 'server'],
		];
		for (const [status, kind] of table) {
			it(`${status} → ${kind} for GET and POST`, async () => {
				server.fault({
					path: SESSIONS,
					status,
					body: { Error: true, ErrorType: `Injected${status}`, ErrorMessage: `injected ${status}`, ErrorSource: 'test' },
				});
				const get = await rejectsWith(client().listSessions(), kind as never);
				assert.equal(get.status, status);
				assert.equal(get.errorType, `Injected${status}`);
				assert.equal(get.serverMessage, `injected ${status}`);
				assert.equal(get.retryable, status >= 500);

				server.fault({ method: 'POST', path: MESSAGES, status });
				const post = await rejectsWith(client().postMessage(101, { Message: `post ${status}` }), kind as never);
				assert.equal(post.status, status);
				assert.equal(post.retryable, false, 'a POST that reached the server is never retryable');
				assert.equal(stored(`post ${status}`), 0);
				assert.equal(server.received.length, 2, 'no automatic retry');
			});
		}

		it('429 with Retry-After → rateLimited with retryAfterMs', async () => {
			server.fault({ path: SESSIONS, status: 429, retryAfterSeconds: 7 });
			const get = await rejectsWith(client().listSessions(), 'rateLimited');
			assert.equal(get.retryAfterMs, 7000);
			assert.equal(get.retryable, true);
			server.fault({ method: 'POST', path: MESSAGES, status: 429, retryAfterSeconds: 3 });
			const post = await rejectsWith(client().postMessage(101, { Message: 'too fast' }), 'rateLimited');
			assert.equal(post.retryAfterMs, 3000);
			assert.equal(post.retryable, false);
		});

		// fetch itself re-sends a request once when it gets 421 (Fetch standard, HTTP-network-or-cache fetch), so a
		// host that refuses the tenant answers 421 twice per attempt; the client must add no retry of its own.
		const misdirected = {
			status: 421,
			body: { Error: true, ErrorType: 'WrongSubdomain', ErrorMessage: 'Wrong subdomain used to access tenant' },
		};

		it('421 without onMisdirected → misdirected, no retry by the client', async () => {
			server.fault({ method: 'POST', path: MESSAGES, ...misdirected, times: 2 });
			const e = await rejectsWith(client().postMessage(101, { Message: 'wrong host' }), 'misdirected');
			assert.equal(e.status, 421);
			assert.equal(e.errorType, 'WrongSubdomain');
			assert.equal(e.retryable, false);
			assert.equal(server.received.length, 2);
			assert.equal(stored('wrong host'), 0);
		});

		it('421 on a GET → misdirected, not retryable against the same host', async () => {
			server.fault({ path: SESSIONS, ...misdirected, times: 2 });
			const e = await rejectsWith(client().listSessions(), 'misdirected');
			assert.equal(e.retryable, false);
		});

		it('421 with onMisdirected returning nothing → misdirected after asking once', async () => {
			let asked = 0;
			server.fault({ path: SESSIONS, ...misdirected, times: 2 });
			await rejectsWith(client({ onMisdirected: async () => (asked++, undefined) }).listSessions(), 'misdirected');
			assert.equal(asked, 1);
			assert.equal(server.received.length, 2);
		});

		it('421 with onMisdirected throwing → that error reaches the caller and nothing is retried', async () => {
			server.fault({ path: SESSIONS, ...misdirected, times: 2 });
			const unavailable = new Error('The tenant is in maintenance.');
			await assert.rejects(client({ onMisdirected: async () => Promise.reject(unavailable) }).listSessions(), (e) => e === unavailable);
			assert.equal(server.received.length, 2, 'only the two 421 answers (fetch re-sends once by itself)');
		});

		it('421 with onMisdirected returning a new host → retried once there, and the client stays there', async () => {
			const moved = await startServer({ port: 0, quiet: true });
			try {
				let asked = 0;
				const { events, onTrace } = traceSink();
				server.fault({ path: MESSAGES, ...misdirected, times: 10 });
				const c = client({ onMisdirected: async () => (asked++, `${moved.url}/api/v1/`), onTrace });
				const message = await c.postMessage(101, { Message: 'to the new host' });
				assert.equal(typeof message.ChatMessageId, 'number');
				assert.equal(asked, 1);
				assert.equal(c.baseUrl, moved.url);
				assert.equal(server.received.length, 2);
				assert.equal(stored('to the new host'), 0);
				assert.equal(moved.messages(101).filter((m) => m.Message === 'to the new host').length, 1);
				assert.deepEqual(
					events.map((e) => [e.status, e.attempt]),
					[
						[421, 1],
						[200, 2],
					],
				);
				await c.listSessions();
				assert.equal(server.received.length, 2, 'later calls go to the new host');
				assert.equal(moved.received.length, 2);
				assert.deepEqual(moved.violations, []);
			} finally {
				await moved.close();
			}
		});

		it('concurrent 421s ask onMisdirected once', async () => {
			const moved = await startServer({ port: 0, quiet: true });
			try {
				let asked = 0;
				server.fault({ path: SESSIONS, ...misdirected, times: 20 });
				const c = client({ onMisdirected: async () => (asked++, moved.url) });
				const results = await Promise.all([c.listSessions(), c.listSessions(), c.listSessions()]);
				assert.equal(results.length, 3);
				assert.equal(asked, 1);
				assert.equal(moved.received.length, 3);
			} finally {
				await moved.close();
			}
		});

		it('421 again on the new host → misdirected, no third attempt', async () => {
			let asked = 0;
			server.fault({ path: SESSIONS, ...misdirected, times: 4 });
			const other = server.url.replace('127.0.0.1', 'localhost');
			await rejectsWith(client({ onMisdirected: async () => (asked++, other) }).listSessions(), 'misdirected');
			assert.equal(asked, 1);
			assert.equal(server.received.length, 4);
		});
	});

	describe('bodies that are not what was expected', () => {
		it('HTML where JSON was expected → badResponse', async () => {
			server.fault({ path: SESSIONS, status: 200, html: true });
			const e = await rejectsWith(client().listSessions(), 'badResponse');
			assert.equal(e.status, 200);
		});

		it('plain text with status 200 → badResponse', async () => {
			server.fault({ path: SESSIONS, status: 200, body: 'OK', contentType: 'text/plain' });
			await rejectsWith(client().listSessions(), 'badResponse');
		});

		it('JSON of the wrong shape: a post response without a numeric ChatMessageId → badResponse', async () => {
			server.fault({ method: 'POST', path: MESSAGES, status: 200, body: { ChatMessageId: 'seven', Message: 'x' } });
			const e = await rejectsWith(client().postMessage(101, { Message: 'shape' }), 'badResponse');
			assert.equal(e.retryable, false);
		});

		it('JSON of the wrong shape for a list → badResponse', async () => {
			server.fault({ path: SESSIONS, status: 200, body: { value: [] } });
			await rejectsWith(client().listSessions(), 'badResponse');
		});

		it('an HTML error page keeps the status kind', async () => {
			server.fault({ path: SESSIONS, status: 500, html: true });
			const e = await rejectsWith(client().listSessions(), 'server');
			assert.equal(e.errorType, undefined);
			assert.equal(e.status, 500);
		});
	});

	describe('transport failures', () => {
		it('a dropped connection on a POST → network, not retryable (it may have arrived)', async () => {
			server.fault({ method: 'POST', path: MESSAGES, drop: true });
			const e = await rejectsWith(client().postMessage(101, { Message: 'dropped' }), 'network');
			assert.equal(e.retryable, false);
			assert.equal(server.received.length, 1, 'sent once, not re-sent');
			assert.equal(stored('dropped'), 0);
		});

		it('a response lost after the message was stored (afterStore) → outcome unknown, and the message is there', async () => {
			server.fault({ method: 'POST', path: MESSAGES, drop: true, afterStore: true });
			const e = await rejectsWith(client().postMessage(101, { Message: 'stored, answer lost' }), 'network');
			assert.equal(e.retryable, false);
			assert.equal(e.outcomeUnknown, true);
			assert.equal(stored('stored, answer lost'), 1);
		});

		it('a 204 after the message was stored (afterStore) → outcome unknown, stored once', async () => {
			server.fault({ method: 'POST', path: MESSAGES, status: 204, afterStore: true });
			const e = await rejectsWith(client().postMessage(101, { Message: 'stored, no body' }), 'badResponse');
			assert.equal(e.outcomeUnknown, true);
			assert.equal(stored('stored, no body'), 1);
		});

		it('a dropped connection on a GET → network, retryable', async () => {
			server.fault({ path: SESSIONS, drop: true });
			const e = await rejectsWith(client().listSessions(), 'network');
			assert.equal(e.retryable, true);
		});

		it('connection refused on a closed port → network; a POST is retryable because nothing was sent', async () => {
			const port = await closedPort();
			const c = new ChatClient({ baseUrl: `http://127.0.0.1:${port}/Cust00000`, credentials: { scheme: 'soticket', ticket: DEMO.ticket } });
			const post = await rejectsWith(c.postMessage(101, { Message: 'nobody home' }), 'network');
			assert.equal(post.retryable, true);
			assert.equal(post.code, 'ECONNREFUSED');
			const get = await rejectsWith(c.listSessions(), 'network');
			assert.equal(get.retryable, true);
		});

		it('no answer within timeoutMs → timeout; a POST is not retryable', async () => {
			server.fault({ method: 'POST', path: MESSAGES, delayMs: 1500 });
			const e = await rejectsWith(client({ timeoutMs: 100 }).postMessage(101, { Message: 'slow' }), 'timeout');
			assert.equal(e.retryable, false);
			server.fault({ path: SESSIONS, delayMs: 1500 });
			const g = await rejectsWith(client().listSessions({ timeoutMs: 100 }), 'timeout');
			assert.equal(g.retryable, true);
		});

		it('the caller cancelling while the request is in flight → cancelled, not timeout', async () => {
			server.fault({ path: SESSIONS, delayMs: 1500 });
			const controller = new AbortController();
			const c = client({
				// Abort as soon as the request is on its way, instead of sleeping.
				fetch: (input, init) => {
					const p = fetch(input, init);
					setImmediate(() => controller.abort());
					return p;
				},
			});
			const e = await rejectsWith(c.listSessions({ signal: controller.signal, timeoutMs: 5000 }), 'cancelled');
			assert.equal(e.method, 'GET');
		});

		it('an already cancelled signal → cancelled and nothing is sent', async () => {
			const controller = new AbortController();
			controller.abort();
			await rejectsWith(client().postMessage(101, { Message: 'never' }, { signal: controller.signal }), 'cancelled');
			assert.equal(server.received.length, 0);
		});
	});
});
