import * as assert from 'node:assert/strict';
import type { ChatMessage, ChatSessionEntity, ChatTopicEntity } from '../../../src/api/types';
import { startServer } from '../../server/server';
import { errorOf, getJson, postJson, useServer } from './helpers';

describe('local server: data and routes', () => {
	const server = useServer();
	const api = (p: string): string => `${server().url}/api/v1${p}`;

	it('binds to 127.0.0.1 under the default site path', () => {
		assert.match(server().origin, /^http:\/\/127\.0\.0\.1:\d+$/);
		assert.equal(server().url, `${server().origin}/Cust00000`);
	});

	it('serves the seeded topics and sessions', async () => {
		const topics = await getJson(api('/ChatTopic/ForCurrentUser'));
		assert.equal(topics.status, 200);
		assert.deepEqual(
			(topics.body as ChatTopicEntity[]).map((t) => [t.ChatTopicId, t.Name]),
			[
				[1, 'Support'],
				[2, 'Sales'],
			],
		);
		const sessions = (await getJson(api('/ChatSession/ForCurrentUser'))).body as ChatSessionEntity[];
		assert.deepEqual(
			sessions.map((s) => [s.ChatSessionId, s.Status, s.TopicId]),
			[
				[101, 'CustomerLast', 1],
				[102, 'UserLast', 1],
				[103, 'InQueue', 2],
				[104, 'Closed', 1],
				[105, 'Finished', 2],
				[106, 'Deleted', 2],
			],
		);
		assert.equal(sessions[0].CustomerName, 'Ada Lovelace');
		assert.equal(sessions[1].CustomerName, 'Grace Hopper');
		assert.equal(sessions[2].CustomerName, 'Linus T.');
		assert.deepEqual(server().violations, []);
	});

	it('serves one session with its links, and 404 with the official body for one that does not exist', async () => {
		const found = await getJson(api('/ChatSession/102'));
		assert.equal(found.status, 200);
		const session = found.body as ChatSessionEntity & { _Links: Record<string, string> };
		assert.equal(session.CustomerName, 'Grace Hopper');
		assert.equal(session._Links.Self, api('/ChatSession/102'));
		const missing = await getJson(api('/ChatSession/404'));
		assert.equal(missing.status, 404);
		assert.equal(errorOf(missing.body).ErrorType, 'SoNotFoundException');
		assert.deepEqual(server().violations, []);
	});

	it('stores a posted message with a new id and time, and updates the session', async () => {
		const everyMessage = server()
			.sessions()
			.flatMap((s) => server().messages(s.ChatSessionId));
		const lastId = Math.max(...everyMessage.map((m) => m.ChatMessageId ?? 0));
		const startedAt = Date.now();
		const res = await postJson(api('/ChatSession/101/Messages'), { Message: 'Try version 10.4', ChatSessionId: 999, ChatMessageId: 5 });
		assert.equal(res.status, 200);
		const stored = res.body as ChatMessage;
		assert.equal(stored.ChatMessageId, lastId + 1, 'the server assigns the next id');
		assert.equal(stored.ChatSessionId, 101, 'the session id comes from the path');
		assert.equal(stored.Type, 'ToCustomer');
		assert.equal(stored.SpecialType, 'None');
		assert.match(stored.WhenPosted ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
		assert.ok(Date.parse(stored.WhenPosted ?? '') >= startedAt - 1000);
		assert.deepEqual(server().messages(101).at(-1), stored);
		const session = server()
			.sessions()
			.find((s) => s.ChatSessionId === 101);
		assert.equal(session?.Status, 'UserLast', 'an agent post means the agent wrote last');
		assert.equal(session?.LastMessage, 'Try version 10.4');
		assert.equal(session?.WhenIdle, stored.WhenPosted);
		assert.deepEqual(server().violations, []);
	});

	it('returns only newer messages with ?after=', async () => {
		const all = (await getJson(api('/ChatSession/101/Messages'))).body as ChatMessage[];
		assert.ok(all.length >= 2);
		const customer = server().addCustomerMessage(101, 'Still broken');
		const newer = (await getJson(api(`/ChatSession/101/Messages?after=${all[all.length - 1].ChatMessageId}`))).body as ChatMessage[];
		assert.deepEqual(newer, [customer]);
		assert.equal(customer.Type, 'ToUser');
		assert.equal(customer.Author, 'Ada Lovelace');
		assert.equal(
			server()
				.sessions()
				.find((s) => s.ChatSessionId === 101)?.Status,
			'CustomerLast',
		);
	});

	it('refuses posts to missing and deleted sessions with 404, and accepts closed ones', async () => {
		for (const id of [404, 106]) {
			const res = await postJson(api(`/ChatSession/${id}/Messages`), { Message: 'hello?' });
			assert.equal(res.status, 404, `session ${id}`);
			assert.equal(errorOf(res.body).ErrorType, 'SoNotFoundException');
		}
		const closed = await postJson(api('/ChatSession/104/Messages'), { Message: 'One more thing' });
		assert.equal(closed.status, 200);
		assert.equal(
			server()
				.sessions()
				.find((s) => s.ChatSessionId === 104)?.Status,
			'Closed',
		);
		assert.equal(server().messages(106).length, 1, 'nothing stored in the deleted session');
	});

	it('serves the version document without credentials, and the current principal with them', async () => {
		const info = await getJson(`${server().url}/api`, null);
		assert.equal(info.status, 200);
		assert.equal((info.body as Record<string, string>).v1, `${server().url}/api/v1`);
		assert.equal(typeof (info.body as Record<string, string>).NetServerVersion, 'string');
		assert.equal(server().received[0].headers.authorization, undefined, 'no credentials were sent');
		const me = await getJson(api('/User/currentPrincipal'));
		assert.equal(me.status, 200);
		assert.equal((me.body as Record<string, unknown>).UserName, 'demo');
		assert.deepEqual(server().violations, [], 'the documented extra routes are no violation');
	});

	it('answers unknown routes with 404 and the official body, and records the violation', async () => {
		const res = await getJson(api('/ChatSession/101/Attachments'));
		assert.equal(res.status, 404);
		errorOf(res.body);
		assert.deepEqual(
			server().violations.map((v) => [v.method, v.path, v.where]),
			[['GET', '/Cust00000/api/v1/ChatSession/101/Attachments', 'request']],
		);
		const outside = await getJson(`${server().origin}/Cust99999/api/v1/ChatSession/ForCurrentUser`);
		assert.equal(outside.status, 404);
	});

	it('records method, path, query, exact headers and body of every API request', async () => {
		await getJson(api('/ChatSession/101/Messages?after=3'), 'SOTicket 7T:ZGVtby10aWNrZXQ=', { 'SO-Language': 'nb' });
		await postJson(api('/ChatSession/102/Messages'), { Message: 'Hei' });
		const [get, post] = server().received;
		assert.equal(get.method, 'GET');
		assert.equal(get.path, '/Cust00000/api/v1/ChatSession/101/Messages');
		assert.deepEqual(get.query, { after: '3' });
		assert.equal(get.headers.authorization, 'SOTicket 7T:ZGVtby10aWNrZXQ=');
		assert.equal(get.headers['so-language'], 'nb');
		assert.equal(get.status, 200);
		assert.equal(get.rawBody, '');
		assert.equal(post.method, 'POST');
		assert.deepEqual(post.body, { Message: 'Hei' });
		assert.equal(post.rawBody, '{"Message":"Hei"}');
		assert.equal(post.headers['content-type'], 'application/json; charset=utf-8');
		assert.ok(post.at >= get.at);
	});

	it('reset() reseeds the data and clears what was recorded', async () => {
		await postJson(api('/ChatSession/101/Messages'), { Message: 'to be forgotten' });
		await getJson(api('/Nope'));
		server().fault({ path: /ForCurrentUser/, status: 500 });
		server().reset();
		assert.deepEqual(server().received, []);
		assert.deepEqual(server().violations, []);
		assert.equal(
			server()
				.messages(101)
				.some((m) => m.Message === 'to be forgotten'),
			false,
		);
		assert.equal((await getJson(api('/ChatSession/ForCurrentUser'))).status, 200, 'faults are cleared');
	});

	it('honours another site path and keeps servers apart', async () => {
		const other = await startServer({ port: 0, quiet: true, sitePath: 'SuperOffice/' });
		try {
			assert.equal(other.url, `${other.origin}/SuperOffice`);
			assert.equal((await getJson(`${other.url}/api/v1/ChatTopic/ForCurrentUser`)).status, 200);
			assert.equal(other.received.length, 1);
			assert.equal(server().received.length, 0);
		} finally {
			await other.close();
		}
	});
});
