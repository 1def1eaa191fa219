import * as assert from 'node:assert/strict';
import type { ChatMessage, ChatSessionEntity } from '../../../src/api/types';
import type { ContractViolation, RecordedRequest } from '../../server/server';
import { getJson, postJson, useServer } from './helpers';

describe('local server: HTTP control routes', () => {
	const server = useServer();
	const control = (p: string): string => `${server().origin}/__control${p}`;
	const post = async (p: string, body?: unknown): Promise<{ status: number; body: unknown }> => {
		const res = await fetch(control(p), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: res.status, body: await res.json() };
	};

	it('reports health with the base URL', async () => {
		const res = await getJson(control('/health'), null);
		assert.equal(res.status, 200);
		assert.deepEqual(res.body, { ok: true, url: server().url, origin: server().origin });
		assert.deepEqual(server().received, [], 'control calls are not recorded');
	});

	it('lists received requests and violations', async () => {
		await getJson(`${server().url}/api/v1/ChatSession/ForCurrentUser`);
		await postJson(`${server().url}/api/v1/ChatSession/101/Messages`, { Message: 'x', Type: 'Nonsense' });
		const received = (await getJson(control('/received'), null)).body as RecordedRequest[];
		assert.deepEqual(
			received.map((r) => [r.method, r.path, r.status]),
			[
				['GET', '/Cust00000/api/v1/ChatSession/ForCurrentUser', 200],
				['POST', '/Cust00000/api/v1/ChatSession/101/Messages', 400],
			],
		);
		const violations = (await getJson(control('/violations'), null)).body as ContractViolation[];
		assert.equal(violations.length, 1);
		assert.equal(violations[0].where, 'request');
	});

	it('queues a fault sent as JSON, with a regex path', async () => {
		assert.equal((await post('/fault', { path: { regex: 'ForCurrentUser$' }, status: 429, retryAfterSeconds: 2 })).status, 200);
		assert.equal((await post('/fault', { path: '/api/v1/ChatTopic/ForCurrentUser', html: true })).status, 200);
		const sessions = await getJson(`${server().url}/api/v1/ChatSession/ForCurrentUser`);
		assert.equal(sessions.status, 429);
		assert.equal(sessions.headers.get('retry-after'), '2');
		const topics = await fetch(`${server().url}/api/v1/ChatTopic/ForCurrentUser`);
		assert.equal(topics.status, 502);
		assert.match(await topics.text(), /<html>/);
	});

	it('refuses a malformed fault', async () => {
		assert.equal((await post('/fault', { path: { regex: 42 } })).status, 400);
		assert.equal((await post('/fault', [])).status, 400);
	});

	it('adds a customer message, and 404 for an unknown session', async () => {
		const res = await post('/sessions/102/customer-message', { text: 'Are you there?' });
		assert.equal(res.status, 200);
		const added = res.body as ChatMessage;
		assert.equal(added.Type, 'ToUser');
		assert.deepEqual(server().messages(102).at(-1), added);
		assert.equal(
			server()
				.sessions()
				.find((s) => s.ChatSessionId === 102)?.Status,
			'CustomerLast',
		);
		assert.equal((await post('/sessions/404/customer-message', { text: 'x' })).status, 404);
		assert.equal((await post('/sessions/102/customer-message', {})).status, 400);
	});

	it('puts a new session in the queue with its first message; 409 for a taken id, 400 for a bad body', async () => {
		const res = await post('/sessions', { customer: 'Barbara Liskov', text: 'Hello?', topicId: 2 });
		assert.equal(res.status, 201);
		const created = res.body as ChatSessionEntity;
		assert.equal(created.Status, 'InQueue');
		assert.equal(created.LastMessage, 'Hello?');
		assert.equal(created.TopicId, 2);
		assert.ok(created.ChatSessionId > 106);
		const listed = await getJson(`${server().url}/api/v1/ChatSession/ForCurrentUser`);
		assert.ok((listed.body as ChatSessionEntity[]).some((s) => s.ChatSessionId === created.ChatSessionId && s.Status === 'InQueue'));
		const messages = server().messages(created.ChatSessionId);
		assert.deepEqual(
			messages.map((m) => [m.Type, m.Message, m.Author]),
			[['ToUser', 'Hello?', 'Barbara Liskov']],
		);
		assert.deepEqual(server().violations, [], 'the new session still matches the API document');
		assert.equal((await post('/sessions', { customer: 'X', text: 'y', id: 101 })).status, 409);
		assert.equal((await post('/sessions', { customer: 'X', text: 'y', id: 900 })).status, 201);
		assert.equal((await post('/sessions', { customer: 5, text: 'y' })).status, 400);
		assert.equal((await post('/sessions', { customer: 'X', text: 'y', id: -1 })).status, 400);
	});

	it('resets the server', async () => {
		await postJson(`${server().url}/api/v1/ChatSession/101/Messages`, { Message: 'gone after reset' });
		assert.equal((await post('/reset')).status, 200);
		assert.deepEqual(server().received, []);
		assert.equal(
			server()
				.messages(101)
				.some((m) => m.Message === 'gone after reset'),
			false,
		);
	});

	it('answers unknown control routes with 404', async () => {
		assert.equal((await getJson(control('/nothing'), null)).status, 404);
	});
});
