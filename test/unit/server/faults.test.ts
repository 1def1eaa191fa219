import * as assert from 'node:assert/strict';
import { basicAuth, errorOf, getJson, postJson, useServer } from './helpers';

describe('local server: scripted faults', () => {
	const server = useServer();
	const sessions = (): string => `${server().url}/api/v1/ChatSession/ForCurrentUser`;
	const messages = (): string => `${server().url}/api/v1/ChatSession/101/Messages`;
	const get = (url: string): Promise<Response> => fetch(url, { headers: { Accept: 'application/json', Authorization: basicAuth() } });

	it('answers a scripted status once with the official error body, then normally', async () => {
		server().fault({ path: /ForCurrentUser$/, status: 503 });
		const failed = await getJson(sessions());
		assert.equal(failed.status, 503);
		errorOf(failed.body);
		assert.equal((await getJson(sessions())).status, 200);
		assert.deepEqual(
			server().received.map((r) => r.status),
			[503, 200],
		);
	});

	it('a faulted POST stores nothing', async () => {
		const count = server().messages(101).length;
		server().fault({ method: 'POST', path: '/api/v1/ChatSession/101/Messages', status: 500 });
		assert.equal((await getJson(messages())).status, 200, 'the GET does not match a POST fault');
		assert.equal((await postJson(messages(), { Message: 'lost' })).status, 500);
		assert.equal(server().messages(101).length, count);
	});

	it('matches an exact pathname and counts `times`', async () => {
		server().fault({ path: '/Cust00000/api/v1/ChatSession/ForCurrentUser', status: 502, times: 2 });
		const statuses: number[] = [];
		for (let i = 0; i < 3; i++) statuses.push((await get(sessions())).status);
		assert.deepEqual(statuses, [502, 502, 200]);
	});

	it('answers 421 for a moved tenant (which fetch itself sends a second time)', async () => {
		server().fault({ path: /ForCurrentUser$/, status: 421, times: 2 });
		const res = await get(sessions());
		assert.equal(res.status, 421);
		assert.equal(errorOf(await res.json()).ErrorMessage, 'Wrong subdomain used to access tenant');
		// Node's fetch (undici) resends a request once on a new connection after 421, as RFC 9110 allows.
		assert.deepEqual(
			server().received.map((r) => r.status),
			[421, 421],
		);
	});

	it('sends a custom body and content type', async () => {
		server().fault({ path: /ForCurrentUser$/, status: 200, body: 'OK', contentType: 'text/plain' });
		const res = await get(sessions());
		assert.equal(res.headers.get('content-type'), 'text/plain');
		assert.equal(await res.text(), 'OK');
		server().fault({ path: /ForCurrentUser$/, status: 200, body: { value: [] } });
		assert.deepEqual(await (await get(sessions())).json(), { value: [] });
	});

	it('sends an HTML error page', async () => {
		server().fault({ path: /ForCurrentUser$/, status: 500, html: true });
		const res = await get(sessions());
		assert.equal(res.status, 500);
		assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
		assert.match(await res.text(), /<html>.*500 Internal Server Error/s);
	});

	it('drops the connection without an answer', async () => {
		server().fault({ path: /ForCurrentUser$/, drop: true });
		await assert.rejects(get(sessions()), TypeError);
		assert.equal(server().received.length, 1);
		assert.equal(server().received[0].status, 0);
		assert.equal((await get(sessions())).status, 200, 'the next request is served');
	});

	it('delays the answer by delayMs', async () => {
		server().fault({ path: /ForCurrentUser$/, delayMs: 300 });
		const started = performance.now();
		const res = await get(sessions());
		const elapsed = performance.now() - started;
		assert.equal(res.status, 200, 'a delay alone still gives the normal answer');
		assert.ok(elapsed >= 290, `answered after ${elapsed} ms`);
	});

	it('answers 429 with Retry-After', async () => {
		server().fault({ path: /ForCurrentUser$/, retryAfterSeconds: 7 });
		const res = await getJson(sessions());
		assert.equal(res.status, 429);
		assert.equal(res.headers.get('retry-after'), '7');
		errorOf(res.body);
	});

	it('redirects with 307 and Location', async () => {
		server().fault({ path: /ForCurrentUser$/, redirectTo: 'http://127.0.0.1:9/elsewhere' });
		const res = await fetch(sessions(), { headers: { Authorization: basicAuth() }, redirect: 'manual' });
		assert.equal(res.status, 307);
		assert.equal(res.headers.get('location'), 'http://127.0.0.1:9/elsewhere');
	});

	it('applies before authentication, like a proxy in front of the server', async () => {
		server().fault({ path: /ForCurrentUser$/, status: 503 });
		const res = await fetch(sessions());
		assert.equal(res.status, 503, 'no credentials, yet the scripted answer');
		assert.equal(errorOf(await res.json()).ErrorType, 'SoServerException');
	});

	it('rejects a fault that makes no sense', () => {
		assert.throws(() => server().fault({ status: 42 }), /status/);
		assert.throws(() => server().fault({ status: 500, times: 0 }), /times/);
	});
});
