import * as assert from 'node:assert/strict';
import { ChatClient, type Credentials } from '../../../src/api';
import { DEMO, type LocalServer, startServer } from '../../server/server';
import { header, type OtherOrigin, rejectsWith, startOtherOrigin, traceSink } from './helpers';

const MESSAGES = /\/ChatSession\/101\/Messages$/;
const SESSIONS = /\/ChatSession\/ForCurrentUser$/;

describe('ChatClient redirects', () => {
	let server: LocalServer;
	let other: OtherOrigin;
	before(async () => {
		server = await startServer({ port: 0, quiet: true });
		other = await startOtherOrigin();
	});
	after(async () => {
		await other.close();
		await server.close();
	});
	beforeEach(() => {
		server.reset();
		other.received.length = 0;
		other.respond((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ ChatMessageId: 9001, ChatSessionId: 101 }));
		});
	});
	afterEach(function () {
		if (this.currentTest?.state === 'passed') assert.deepEqual(server.violations, []);
	});

	const credentials: Credentials = { scheme: 'soticket', ticket: DEMO.ticket, appToken: DEMO.appToken };
	const client = (): ChatClient => new ChatClient({ baseUrl: server.url, credentials });

	for (const status of [307, 308]) {
		it(`follows a same-origin ${status} of a POST and keeps Authorization and SO-AppToken`, async () => {
			server.fault({
				method: 'POST',
				path: /\/ChatSession\/999\/Messages$/,
				status,
				redirectTo: `${server.url}/api/v1/ChatSession/101/Messages`,
			});
			const message = await client().postMessage(999, { Message: `redirected here ${status}` });
			assert.equal(typeof message.ChatMessageId, 'number');
			const final = server.received[server.received.length - 1];
			assert.equal(final.status, 200);
			assert.match(final.path, MESSAGES);
			assert.equal(header(final.headers, 'authorization'), `SOTicket ${DEMO.ticket}`);
			assert.equal(header(final.headers, 'so-apptoken'), DEMO.appToken);
			assert.equal(server.messages(101).filter((m) => m.Message === `redirected here ${status}`).length, 1);
		});
	}

	// A message must only ever reach the host the user chose: whatever the redirect status, no request goes elsewhere.
	for (const status of [301, 302, 303, 307, 308]) {
		it(`never follows a POST ${status} to another origin and names that host`, async () => {
			server.fault({ method: 'POST', path: MESSAGES, status, redirectTo: `${other.origin}/elsewhere/Messages` });
			const e = await rejectsWith(client().postMessage(101, { Message: `cross origin ${status}` }), 'badResponse');
			assert.equal(other.received.length, 0, 'no request at all to the other origin');
			const otherHost = new URL(other.origin).host;
			assert.equal(e.otherHost, otherHost);
			assert.ok(e.message.includes(otherHost), e.message);
			assert.equal(e.retryable, false);
			assert.equal(e.outcomeUnknown, false, 'a redirect is an answer: the server did not take the message');
			assert.equal(server.received.length, 1, 'and not repeated on the first origin');
			assert.equal(server.messages(101).filter((m) => m.Message === `cross origin ${status}`).length, 0);
		});
	}

	it('never follows a POST to another host name of the same server, nor a same-origin hop that then leaves', async () => {
		server.fault({
			method: 'POST',
			path: MESSAGES,
			redirectTo: `${server.url.replace('127.0.0.1', 'localhost')}/api/v1/ChatSession/101/Messages`,
		});
		const e = await rejectsWith(client().postMessage(101, { Message: 'other name' }), 'badResponse');
		assert.match(e.otherHost ?? '', /^localhost:\d+$/);
		assert.equal(server.received.length, 1);

		server.reset();
		server.fault({ method: 'POST', path: /\/ChatSession\/999\/Messages$/, redirectTo: `${server.url}/api/v1/ChatSession/998/Messages` });
		server.fault({ method: 'POST', path: /\/ChatSession\/998\/Messages$/, status: 308, redirectTo: `${other.origin}/second` });
		await rejectsWith(client().postMessage(999, { Message: 'two hops' }), 'badResponse');
		assert.equal(server.received.length, 2);
		assert.equal(other.received.length, 0);
	});

	it('strips them on a GET redirect to another origin, and does not restore them on the way back', async () => {
		server.fault({ path: SESSIONS, redirectTo: `${other.origin}/bounce` });
		other.respond((_req, res) => {
			res.writeHead(302, { Location: `${server.url}/api/v1/ChatSession/ForCurrentUser` });
			res.end();
		});
		// Back on the first origin without credentials, the server answers 401.
		await rejectsWith(client().listSessions(), 'unauthorized');
		assert.equal(header(other.received[0].headers, 'authorization'), undefined);
		const back = server.received[server.received.length - 1];
		assert.equal(header(back.headers, 'authorization'), undefined);
		assert.equal(header(back.headers, 'so-apptoken'), undefined);
	});

	it('treats another host name for the same server as another origin', async () => {
		server.fault({ path: SESSIONS, redirectTo: `${server.url.replace('127.0.0.1', 'localhost')}/api/v1/ChatSession/ForCurrentUser` });
		await rejectsWith(client().listSessions(), 'unauthorized');
		assert.equal(header(server.received[1].headers, 'authorization'), undefined);
	});

	it('gives up after 5 redirects', async () => {
		other.respond((req, res) => {
			res.writeHead(307, { Location: `${req.url}x` });
			res.end();
		});
		server.fault({ path: SESSIONS, redirectTo: `${other.origin}/loop` });
		const { events, onTrace } = traceSink();
		const e = await rejectsWith(new ChatClient({ baseUrl: server.url, credentials, onTrace }).listSessions(), 'badResponse');
		assert.match(e.message, /redirect/i);
		assert.equal(other.received.length, 5, 'the first hop went to the server, five more were followed');
		assert.equal(events.length, 6);
	});

	it('refuses to turn a redirected POST into a GET (same-origin 301/302/303) and does not re-send it', async () => {
		for (const status of [301, 302, 303]) {
			server.reset();
			server.fault({ method: 'POST', path: MESSAGES, status, redirectTo: `${server.url}/api/v1/ChatSession/102/Messages` });
			const e = await rejectsWith(client().postMessage(101, { Message: 'not re-sent' }), 'badResponse');
			assert.equal(e.retryable, false);
			assert.equal(e.otherHost, undefined);
			assert.deepEqual(
				server.received.map((r) => [r.method, r.status]),
				[['POST', status]],
			);
		}
	});

	it('traces each hop with its own path and never a host', async () => {
		server.fault({ method: 'POST', path: /\/ChatSession\/999\/Messages$/, redirectTo: `${server.url}/api/v1/ChatSession/101/Messages` });
		const { events, onTrace } = traceSink();
		const stored = await new ChatClient({ baseUrl: server.url, credentials, onTrace }).postMessage(999, { Message: 'traced' });
		assert.deepEqual(
			events.map((e) => [e.method, e.path, e.status, e.messageId]),
			[
				['POST', '/Cust00000/api/v1/ChatSession/999/Messages', 307, undefined],
				['POST', '/Cust00000/api/v1/ChatSession/101/Messages', 200, stored.ChatMessageId],
			],
		);
		assert.ok(!JSON.stringify(events).includes('127.0.0.1'));
	});
});
