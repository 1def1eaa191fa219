import * as assert from 'node:assert/strict';
import { ChatClient, type ChatClientOptions, type Credentials } from '../../../src/api';
import { DEMO, type LocalServer } from '../../server/server';
import { header, rejectsWith, useLocalServer } from './helpers';

describe('ChatClient auth and headers (local server)', () => {
	let server: LocalServer;
	useLocalServer((s) => (server = s));

	const client = (credentials?: Credentials, extra: Partial<ChatClientOptions> = {}): ChatClient =>
		new ChatClient({ baseUrl: server.url, credentials, ...extra });
	const last = () => {
		assert.ok(server.received.length > 0, 'the server received nothing');
		return server.received[server.received.length - 1];
	};

	it('sends Basic as base64 of user:password and is accepted', async () => {
		const sessions = await client({ scheme: 'basic', userName: DEMO.userName, password: DEMO.password }).listSessions();
		assert.ok(sessions.length > 0);
		const r = last();
		assert.equal(
			header(r.headers, 'authorization'),
			`Basic ${Buffer.from(`${DEMO.userName}:${DEMO.password}`, 'utf8').toString('base64')}`,
		);
		assert.equal(header(r.headers, 'so-apptoken'), undefined);
		assert.equal(r.status, 200);
	});

	it('encodes non-ASCII Basic credentials as UTF-8', async () => {
		await rejectsWith(client({ scheme: 'basic', userName: 'dæmo', password: 'pässwörd€' }).listSessions(), 'unauthorized');
		assert.equal(header(last().headers, 'authorization'), `Basic ${Buffer.from('dæmo:pässwörd€', 'utf8').toString('base64')}`);
	});

	it('sends SOTicket with SO-AppToken when given', async () => {
		await client({ scheme: 'soticket', ticket: DEMO.ticket, appToken: DEMO.appToken }).listTopics();
		const r = last();
		assert.equal(header(r.headers, 'authorization'), `SOTicket ${DEMO.ticket}`);
		assert.equal(header(r.headers, 'so-apptoken'), DEMO.appToken);
		assert.equal(r.status, 200);
	});

	it('sends SOTicket without SO-AppToken when none is given', async () => {
		await client({ scheme: 'soticket', ticket: DEMO.ticket }).listTopics();
		assert.equal(header(last().headers, 'authorization'), `SOTicket ${DEMO.ticket}`);
		assert.equal(header(last().headers, 'so-apptoken'), undefined);
	});

	it('sends a Bearer token', async () => {
		await client({ scheme: 'bearer', token: DEMO.bearer }).currentPrincipal();
		assert.equal(header(last().headers, 'authorization'), `Bearer ${DEMO.bearer}`);
		assert.equal(last().status, 200);
	});

	it('asks a token provider without forcing a refresh', async () => {
		const asked: boolean[] = [];
		await client({ scheme: 'bearer', tokenProvider: async ({ forceRefresh }) => (asked.push(forceRefresh), DEMO.bearer) }).listSessions();
		assert.deepEqual(asked, [false]);
		assert.equal(server.received.length, 1);
	});

	it('on 401 forces one token refresh and retries once, then succeeds', async () => {
		const asked: boolean[] = [];
		const provider = async ({ forceRefresh }: { forceRefresh: boolean }) => (
			asked.push(forceRefresh),
			forceRefresh ? DEMO.bearer : '8A:Cust00000.expired'
		);
		const message = await client({ scheme: 'bearer', tokenProvider: provider }).postMessage(101, { Message: 'after refresh' });
		assert.equal(typeof message.ChatMessageId, 'number');
		assert.deepEqual(asked, [false, true]);
		assert.deepEqual(
			server.received.map((r) => [r.status, header(r.headers, 'authorization')]),
			[
				[401, 'Bearer 8A:Cust00000.expired'],
				[200, `Bearer ${DEMO.bearer}`],
			],
		);
		assert.equal(server.messages(101).filter((m) => m.Message === 'after refresh').length, 1);
	});

	it('gives up after one refresh when the new token is refused too', async () => {
		const asked: boolean[] = [];
		const e = await rejectsWith(
			client({ scheme: 'bearer', tokenProvider: async ({ forceRefresh }) => (asked.push(forceRefresh), 'bad-token') }).listSessions(),
			'unauthorized',
		);
		assert.deepEqual(asked, [false, true]);
		assert.equal(server.received.length, 2);
		assert.equal(e.status, 401);
	});

	it('does not retry a fixed bearer token on 401', async () => {
		await rejectsWith(client({ scheme: 'bearer', token: 'wrong' }).listSessions(), 'unauthorized');
		assert.equal(server.received.length, 1);
	});

	for (const [name, credentials] of [
		['a wrong password', { scheme: 'basic', userName: DEMO.userName, password: 'nope' }],
		['a wrong ticket', { scheme: 'soticket', ticket: '7T:bm9wZQ==' }],
		['no credentials', undefined],
	] as [string, Credentials | undefined][]) {
		it(`maps 401 for ${name} to 'unauthorized' with the server's error`, async () => {
			const e = await rejectsWith(client(credentials).listSessions(), 'unauthorized');
			assert.equal(e.status, 401);
			assert.equal(e.retryable, false);
			assert.equal(e.method, 'GET');
			assert.equal(e.path, '/Cust00000/api/v1/ChatSession/ForCurrentUser');
			assert.equal(last().status, 401);
		});
	}

	it('sends Accept on every request and Content-Type only with a body', async () => {
		const c = client({ scheme: 'basic', userName: DEMO.userName, password: DEMO.password });
		await c.postMessage(101, { Message: 'typed' });
		await c.getMessages(101);
		const [post, get] = server.received;
		assert.equal(header(post.headers, 'accept'), 'application/json');
		assert.equal(header(post.headers, 'content-type'), 'application/json; charset=utf-8');
		assert.equal(header(get.headers, 'accept'), 'application/json');
		assert.equal(header(get.headers, 'content-type'), undefined);
	});

	it('sends the locale headers and User-Agent set for the client', async () => {
		const c = client(
			{ scheme: 'soticket', ticket: DEMO.ticket },
			{
				locale: { acceptLanguage: 'nb-NO', soLanguage: 'no', soCulture: 'nb-NO', soTimeZone: 'Europe/Oslo' },
				userAgent: 'superoffice-chat-test/1.0',
			},
		);
		await c.listSessions();
		await c.postMessage(102, { Message: 'hei' });
		for (const r of server.received) {
			assert.equal(header(r.headers, 'accept-language'), 'nb-NO');
			assert.equal(header(r.headers, 'so-language'), 'no');
			assert.equal(header(r.headers, 'so-culture'), 'nb-NO');
			assert.equal(header(r.headers, 'so-timezone'), 'Europe/Oslo');
			assert.equal(header(r.headers, 'user-agent'), 'superoffice-chat-test/1.0');
		}
	});

	it('omits locale headers that are not set', async () => {
		await client({ scheme: 'soticket', ticket: DEMO.ticket }, { locale: { soLanguage: 'en' } }).listSessions();
		assert.equal(header(last().headers, 'so-language'), 'en');
		for (const h of ['so-culture', 'so-timezone']) assert.equal(header(last().headers, h), undefined, h);
		// fetch adds `Accept-Language: *` when none is set (Fetch standard); that is not a language choice.
		assert.ok([undefined, '*'].includes(header(last().headers, 'accept-language')));
	});

	it('probe() sends no credentials and reads the version document', async () => {
		const info = await client({ scheme: 'soticket', ticket: DEMO.ticket, appToken: DEMO.appToken }).probe();
		assert.equal(typeof info, 'object');
		const r = last();
		assert.equal(r.path, '/Cust00000/api');
		assert.equal(header(r.headers, 'authorization'), undefined);
		assert.equal(header(r.headers, 'so-apptoken'), undefined);
	});
});
