import * as assert from 'node:assert/strict';
import { ChatClient, type Credentials, type TranscriptFormat } from '../../../src/api';
import { COLLEAGUE, DEMO, DEMO_USER, type LocalServer, LISTENER } from '../../server/server';
import { rejectsWith, traceSink, useLocalServer } from './helpers';

describe('ChatClient: pick up, transfer, hand back, transcript', () => {
	let server: LocalServer;
	useLocalServer((s) => (server = s));

	const credentials: Credentials = { scheme: 'basic', userName: DEMO.userName, password: DEMO.password };
	const client = (onTrace?: ReturnType<typeof traceSink>['onTrace']): ChatClient =>
		new ChatClient({ baseUrl: server.url, credentials, onTrace });
	const stored = (id: number) => server.sessions().find((s) => s.ChatSessionId === id);
	const sent = (): string[] => server.received.map((r) => `${r.method} ${r.path.replace('/Cust00000', '')} ${r.status}`);

	describe('pick up', () => {
		it('takes a queued session: assigned to the user, welcome message sent, POST without a body', async () => {
			const { events, onTrace } = traceSink();
			const session = await client(onTrace).pickUp(103);
			assert.equal(session?.ChatSessionId, 103);
			assert.equal(session?.User?.AssociateId, DEMO_USER.AssociateId);
			assert.equal(stored(103)?.Status, 'CustomerLast');
			assert.equal(stored(103)?.User?.AssociateId, DEMO_USER.AssociateId);
			const welcome = server.messages(103).at(-1);
			assert.deepEqual([welcome?.Type, welcome?.SpecialType, welcome?.Message], ['Special', 'Welcome', 'Welcome to Sales!']);
			assert.deepEqual(sent(), ['POST /api/v1/ChatSession/103/Pickup 200']);
			const req = server.received[0];
			assert.equal(req.rawBody, '');
			assert.equal(req.headers['content-type'], undefined, 'no Content-Type without a body');
			assert.equal(req.headers['content-length'], '0', 'IIS wants a length on a POST');
			assert.deepEqual(
				events.map((e) => [e.method, e.status, e.messageId]),
				[['POST', 200, undefined]],
			);
		});

		it('returns undefined when another agent picked the session up first (the race), and leaves it with them', async () => {
			const c = client();
			const listed = (await c.listSessions()).find((s) => s.ChatSessionId === 103);
			assert.equal(listed?.Status, 'InQueue');
			server.agent().pickUp(103); // the colleague is faster
			assert.equal(await c.pickUp(103), undefined);
			assert.equal(stored(103)?.User?.AssociateId, COLLEAGUE.AssociateId);
			assert.deepEqual(sent().slice(1), ['POST /api/v1/ChatSession/103/Pickup 200'], 'asked once, not retried');
		});

		it('returns undefined for a session that is not in the queue at all', async () => {
			assert.equal(await client().pickUp(101), undefined);
			assert.equal(stored(101)?.Status, 'CustomerLast', 'unchanged');
		});

		it('picks up the longest-waiting session first, then reports an empty queue', async () => {
			const fresh = server.queueSession({ topicId: 1, customerName: 'Barbara Liskov', text: 'Hi there' });
			const c = client();
			assert.equal((await c.pickUpNext())?.ChatSessionId, 103);
			assert.equal((await c.pickUpNext())?.ChatSessionId, fresh.ChatSessionId);
			assert.equal(await c.pickUpNext(), undefined);
			assert.deepEqual(sent(), Array(3).fill('POST /api/v1/ChatSession/Pickup 200'));
		});

		it('reads an empty 204 answer as "no session" too', async () => {
			server.fault({ method: 'POST', path: '/api/v1/ChatSession/Pickup', status: 204 });
			assert.equal(await client().pickUpNext(), undefined);
		});

		it('maps an unknown session to notFound', async () => {
			const e = await rejectsWith(client().pickUp(999), 'notFound');
			assert.equal(e.errorType, 'SoNotFoundException');
			assert.equal(e.status, 404);
		});
	});

	describe('transfer', () => {
		it('transfers to the colleague by user name; it stays ours until they accept', async () => {
			const pending = await client().transferTo(101, 'colleague');
			assert.equal(pending.TransferTo?.AssociateId, COLLEAGUE.AssociateId);
			assert.equal(pending.User?.AssociateId, DEMO_USER.AssociateId);
			assert.deepEqual(sent(), ['POST /api/v1/ChatSession/101/TransferTo/colleague 200']);
			server.agent().acceptTransfer(101);
			assert.equal(stored(101)?.User?.AssociateId, COLLEAGUE.AssociateId);
			assert.equal(stored(101)?.TransferTo, undefined);
		});

		it('transfers by associate id; a rejection gives the session back', async () => {
			await client().transferTo(102, COLLEAGUE.AssociateId);
			assert.deepEqual(sent(), [`POST /api/v1/ChatSession/102/TransferTo/${COLLEAGUE.AssociateId} 200`]);
			server.agent().rejectTransfer(102);
			assert.equal(stored(102)?.User?.AssociateId, DEMO_USER.AssociateId);
			assert.equal(stored(102)?.TransferTo, undefined);
		});

		it('accepts a transfer the colleague sent us', async () => {
			server.agent().pickUp(103);
			server.agent().transferTo(103, 'demo');
			const mine = await client().acceptTransfer(103);
			assert.equal(mine.User?.AssociateId, DEMO_USER.AssociateId);
			assert.equal(mine.TransferTo, undefined);
			assert.equal(stored(103)?.User?.AssociateId, DEMO_USER.AssociateId);
		});

		it('rejects a transfer the colleague sent us: it stays theirs', async () => {
			server.agent().pickUp(103);
			server.agent().transferTo(103, DEMO_USER.AssociateId);
			const back = await client().rejectTransfer(103);
			assert.equal(back.User?.AssociateId, COLLEAGUE.AssociateId);
			assert.equal(stored(103)?.TransferTo, undefined);
		});

		it('refuses with distinct kinds: in the queue → conflict, not ours → forbidden, unknown → notFound', async () => {
			const c = client();
			assert.match((await rejectsWith(c.transferTo(103, 'colleague'), 'conflict')).serverMessage ?? '', /in the queue/);
			server.agent().pickUp(103);
			const notOurs = await rejectsWith(c.transferTo(103, 'colleague'), 'forbidden');
			assert.equal(notOurs.errorType, 'SoAccessDeniedException');
			await rejectsWith(c.transferTo(999, 'colleague'), 'notFound');
			await rejectsWith(c.transferTo(101, 'nobody'), 'notFound');
			await rejectsWith(c.acceptTransfer(101), 'conflict');
			await c.transferTo(101, 'colleague');
			await rejectsWith(c.acceptTransfer(101), 'forbidden');
			await rejectsWith(c.rejectTransfer(101), 'forbidden');
			assert.equal(stored(101)?.TransferTo?.AssociateId, COLLEAGUE.AssociateId, 'still pending for the colleague');
		});

		it('refuses a user who may only listen in on the topic', async () => {
			await client().pickUp(103);
			const e = await rejectsWith(client().transferTo(103, LISTENER.UserName), 'invalid');
			assert.match(e.serverMessage ?? '', /cannot respond/);
		});

		it('turns an answer without a session into a conflict that says what did not happen', async () => {
			server.fault({
				method: 'POST',
				path: '/api/v1/ChatSession/101/AcceptTransfer',
				status: 200,
				body: 'null',
				contentType: 'application/json',
			});
			const e = await rejectsWith(client().acceptTransfer(101), 'conflict');
			assert.match(e.message, /did not hand the session over for chat session 101/);
			assert.equal(e.path, '/Cust00000/api/v1/ChatSession/101/AcceptTransfer');
		});
	});

	describe('hand back', () => {
		it('puts our session back in the queue with no agent; it can be picked up again', async () => {
			const back = await client().reset(101);
			assert.equal(back.Status, 'InQueue');
			assert.equal(back.User, undefined);
			assert.equal(stored(101)?.Status, 'InQueue');
			assert.equal((await client().pickUp(101))?.User?.AssociateId, DEMO_USER.AssociateId);
		});

		it('refuses a session in the queue, one of the colleague, and an ended one', async () => {
			await rejectsWith(client().reset(103), 'conflict');
			server.agent().pickUp(103);
			await rejectsWith(client().reset(103), 'forbidden');
			await rejectsWith(client().reset(104), 'conflict');
			await rejectsWith(client().reset(106), 'notFound');
		});
	});

	describe('transcript', () => {
		for (const [format, flag] of [
			['text', 'false'],
			['html', 'true'],
		] as [TranscriptFormat, string][]) {
			it(`asks for ${format} with html=${flag}`, async () => {
				await client().transcript(102, format);
				assert.deepEqual(server.received[0].query, { html: flag });
				assert.equal(server.received[0].rawBody, '');
			});
		}

		it('builds plain text from the stored messages', async () => {
			server.addCustomerMessage(101, 'Plain <b>text</b> & more');
			const text = await client().transcript(101);
			assert.match(text, /^Chat 101 with Ada Lovelace\n/);
			for (const m of server.messages(101)) assert.ok(text.includes(`${m.Author}: ${m.Message}`), m.Message);
		});

		it('escapes the customer text in HTML', async () => {
			server.addCustomerMessage(101, '<script>alert("x")</script> & more');
			const html = await client().transcript(101, 'html');
			assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more'), html);
			assert.ok(!html.includes('<script>'));
			assert.match(html, /^<div class="chat-transcript">/);
		});

		it('maps an unknown session to notFound', async () => {
			await rejectsWith(client().transcript(999), 'notFound');
		});
	});

	describe('topic users', () => {
		it('lists who is in the topic and who can respond', async () => {
			const agents = await client().topicAgents(2);
			assert.deepEqual(
				agents.map((a) => [a.User?.Name, a.CanRespond]),
				[
					[DEMO_USER.Name, true],
					[COLLEAGUE.Name, true],
					[LISTENER.Name, false],
				],
			);
			assert.deepEqual(sent(), ['GET /api/v1/ChatTopic/2/UserAgent 200']);
		});

		it('maps an unknown topic to notFound', async () => {
			await rejectsWith(client().topicAgents(99), 'notFound');
		});
	});

	describe('bad input is refused before any request', () => {
		const cases: [string, (c: ChatClient) => Promise<unknown>, string][] = [
			['pickUp(0)', (c) => c.pickUp(0), 'sessionId'],
			['pickUp(1.5)', (c) => c.pickUp(1.5), 'sessionId'],
			['pickUp(2^31)', (c) => c.pickUp(2 ** 31), 'sessionId'],
			['transferTo(-1, …)', (c) => c.transferTo(-1, 'colleague'), 'sessionId'],
			['transferTo(…, 0)', (c) => c.transferTo(101, 0), 'associate'],
			['transferTo(…, "")', (c) => c.transferTo(101, ''), 'associate'],
			['transferTo(…, "a/b")', (c) => c.transferTo(101, 'a/b'), 'associate'],
			['transferTo(…, "two words")', (c) => c.transferTo(101, 'two words'), 'associate'],
			['transferTo(…, "50%")', (c) => c.transferTo(101, '50%'), 'associate'],
			['transferTo(…, 300 chars)', (c) => c.transferTo(101, 'x'.repeat(300)), 'associate'],
			['acceptTransfer(NaN)', (c) => c.acceptTransfer(Number.NaN), 'sessionId'],
			['rejectTransfer("5")', (c) => c.rejectTransfer('5' as unknown as number), 'sessionId'],
			['reset(0)', (c) => c.reset(0), 'sessionId'],
			['transcript(…, "pdf")', (c) => c.transcript(101, 'pdf' as TranscriptFormat), 'format'],
			['topicAgents(-2)', (c) => c.topicAgents(-2), 'topicId'],
		];
		for (const [name, call, field] of cases) {
			it(name, async () => {
				const e = await rejectsWith(call(client()), 'invalid');
				assert.equal(e.field, field);
				assert.deepEqual(server.received, [], 'no request was sent');
			});
		}
	});

	describe('never retried: they change who owns the session', () => {
		it('a server error on pickup is not repeated and not marked retryable', async () => {
			server.fault({ method: 'POST', path: '/api/v1/ChatSession/103/Pickup', status: 503, times: 2 });
			const e = await rejectsWith(client().pickUp(103), 'server');
			assert.equal(e.retryable, false);
			assert.equal(server.received.length, 1);
		});

		it('a connection dropped during a transfer is not repeated and not marked retryable', async () => {
			server.fault({ method: 'POST', path: '/api/v1/ChatSession/101/TransferTo/colleague', drop: true, times: 2 });
			const e = await rejectsWith(client().transferTo(101, 'colleague'), 'network');
			assert.equal(e.retryable, false);
			assert.equal(server.received.length, 1);
		});
	});
});
