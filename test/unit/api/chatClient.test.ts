import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { ApiError, ChatClient, type ChatClientOptions, type Credentials, OPEN_SESSION_STATUSES, secretsOf } from '../../../src/api';
import { DEMO, type LocalServer } from '../../server/server';
import { assertNoSecret, closedPort, rejectsWith, traceSink, useLocalServer } from './helpers';

describe('ChatClient against the local server', () => {
	let server: LocalServer;
	useLocalServer((s) => (server = s), { checkContract: false });

	const credentials: Credentials = { scheme: 'basic', userName: DEMO.userName, password: DEMO.password };
	const client = (extra: Partial<ChatClientOptions> = {}): ChatClient =>
		new ChatClient({ baseUrl: `${server.url}/api/v1/`, credentials, ...extra });

	describe('valid calls', () => {
		afterEach(function () {
			if (this.currentTest?.state === 'passed') {
				assert.deepEqual(server.violations, [], 'the server saw requests that break the API document');
			}
		});

		it('normalises the pasted base URL', () => {
			assert.equal(client().baseUrl, server.url);
		});

		it('posts a message with the defaults and returns what the server stored', async () => {
			const { events, onTrace } = traceSink();
			const message = await client({ onTrace }).postMessage(101, { Message: 'Hello from VS Code', Author: 'Demo Agent' });
			assert.equal(typeof message.ChatMessageId, 'number');
			assert.equal(message.Message, 'Hello from VS Code');
			const body = server.received[0].body as Record<string, unknown>;
			assert.deepEqual(body, { Type: 'ToCustomer', SpecialType: 'None', Message: 'Hello from VS Code', Author: 'Demo Agent' });
			const stored = server.messages(101).find((m) => m.ChatMessageId === message.ChatMessageId);
			assert.equal(stored?.Message, 'Hello from VS Code');
			assert.deepEqual(events, [
				{
					method: 'POST',
					path: '/Cust00000/api/v1/ChatSession/101/Messages',
					status: 200,
					ms: events[0].ms,
					messageId: message.ChatMessageId,
					attempt: 1,
				},
			]);
			assert.ok(events[0].ms >= 0);
		});

		it('sends all nine fields when they are set', async () => {
			const draft = {
				Message: 'Our help page',
				Type: 'ToCustomer' as const,
				SpecialType: 'Url' as const,
				SpecialParam: 'https://example.com/help',
				Author: 'Demo Agent',
				ReadByCustomer: 0,
				WhenPosted: '2026-01-01T10:00:00Z',
				ChatMessageId: 0,
				ChatSessionId: 102,
			};
			await client().postMessage(102, draft);
			assert.deepEqual(server.received[0].body, draft);
		});

		it('lists sessions and topics, reads one session and its messages', async () => {
			const c = client();
			const sessions = await c.listSessions();
			assert.ok(sessions.some((s) => s.ChatSessionId === 101 && s.Status !== undefined && OPEN_SESSION_STATUSES.includes(s.Status)));
			const topics = await c.listTopics();
			assert.deepEqual(
				topics.map((t) => [t.ChatTopicId, t.Name]),
				[
					[1, 'Support'],
					[2, 'Sales'],
				],
			);
			const session = await c.getSession(102);
			assert.equal(session.ChatSessionId, 102);
			const all = await c.getMessages(101);
			assert.ok(all.length > 0);
			const mine = await c.postMessage(101, { Message: 'new one' });
			const after = await c.getMessages(101, all[all.length - 1].ChatMessageId);
			assert.deepEqual(
				after.map((m) => m.ChatMessageId),
				[mine.ChatMessageId],
			);
			assert.equal(server.received[5].path, '/Cust00000/api/v1/ChatSession/101/Messages');
			assert.deepEqual(server.received[5].query, { after: String(all[all.length - 1].ChatMessageId) });
		});

		it('sees what the visitor wrote', async () => {
			const before = await client().getMessages(103);
			const added = server.addCustomerMessage(103, 'Are you there?');
			const after = await client().getMessages(103, before.length > 0 ? before[before.length - 1].ChatMessageId : 0);
			assert.deepEqual(
				after.map((m) => m.Message),
				[added.Message],
			);
		});

		it('reads the current principal', async () => {
			const me = await client().currentPrincipal();
			assert.equal(typeof me, 'object');
		});
	});

	it('validation failures send nothing to the server', async () => {
		const c = client();
		const attempts: [Promise<unknown>, string][] = [
			[c.postMessage(0, { Message: 'x' }), 'sessionId'],
			[c.postMessage(2147483648, { Message: 'x' }), 'sessionId'],
			[c.postMessage(101, { Message: '   ' }), 'Message'],
			[c.postMessage(101, { Message: 'x', Author: 'a'.repeat(256) }), 'Author'],
			[c.postMessage(101, { Message: 'x', SpecialParam: 'p'.repeat(256) }), 'SpecialParam'],
			[c.postMessage(101, { Message: 'x', Type: 'System' as never }), 'Type'],
			[c.postMessage(101, { Message: 'x', SpecialType: 'Url', SpecialParam: 'ftp://example.com' }), 'SpecialParam'],
			[c.getSession(0), 'id'],
			[c.getMessages(-1), 'sessionId'],
		];
		for (const [p, field] of attempts) {
			const e = await rejectsWith(p, 'invalid');
			assert.equal(e.field, field);
		}
		assert.deepEqual(server.received, []);
	});

	describe('redaction', () => {
		const schemes: [Credentials, string[]][] = [
			[{ scheme: 'basic', userName: DEMO.userName, password: DEMO.password }, [DEMO.password]],
			[{ scheme: 'soticket', ticket: DEMO.ticket, appToken: DEMO.appToken }, [DEMO.ticket, DEMO.appToken]],
			[{ scheme: 'bearer', token: DEMO.bearer }, [DEMO.bearer]],
		];
		for (const [credentials, raw] of schemes) {
			it(`keeps ${credentials.scheme} secrets out of traces and errors, even when the server echoes them`, async () => {
				const secrets = [...raw, ...secretsOf(credentials)];
				const { events, onTrace } = traceSink();
				const texts: string[] = [];
				const collect = (e: unknown): void => {
					assert.ok(e instanceof ApiError);
					texts.push(e.message, String(e), inspect(e), JSON.stringify(e), e.stack ?? '', e.serverMessage ?? '', e.errorType ?? '');
				};
				const c = new ChatClient({ baseUrl: server.url, credentials, onTrace });
				for (const status of [400, 401, 403, 500]) {
					server.fault({
						path: /\/ChatSession\/ForCurrentUser$/,
						status,
						body: { Error: true, ErrorType: `Bad ${raw[0]}`, ErrorMessage: `Rejected ${secrets.join(' ')}`, ErrorSource: 'x' },
					});
					await c.listSessions().then(() => assert.fail('should fail'), collect);
				}
				await c.postMessage(101, { Message: 'traced' });
				await c.postMessage(101, { Message: 'x', Author: 'b'.repeat(300) }).then(() => assert.fail('should fail'), collect);
				const port = await closedPort();
				await new ChatClient({ baseUrl: `http://127.0.0.1:${port}/Cust00000`, credentials, onTrace })
					.postMessage(101, { Message: 'nobody' })
					.then(() => assert.fail('should fail'), collect);
				await new ChatClient({ baseUrl: 'http://crm.example.com/SuperOffice', credentials, onTrace })
					.listSessions()
					.then(() => assert.fail('should fail'), collect);
				assert.equal(events.length, 6);
				assert.equal(texts.length, 7 * 7);
				assertNoSecret(JSON.stringify(events), secrets, 'trace');
				assert.ok(
					texts.some((t) => t.includes('Rejected ***')),
					'the server message is kept, only the secrets are masked',
				);
				for (const t of texts) assertNoSecret(t, secrets, 'error text');
			});
		}

		it('redact() on the client hides a token handed out by a provider', async () => {
			const c = new ChatClient({ baseUrl: server.url, credentials: { scheme: 'bearer', tokenProvider: async () => DEMO.bearer } });
			await c.listSessions();
			assert.equal(c.redact(`token=${DEMO.bearer}`), 'token=***');
		});
	});
});
