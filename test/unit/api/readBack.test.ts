import * as assert from 'node:assert/strict';
import { type ChatMessage, ChatClient, matchReadBack } from '../../../src/api';
import { DEMO, type LocalServer } from '../../server/server';
import { useLocalServer } from './helpers';

const msg = (id: number, Message: string, Type: ChatMessage['Type'] = 'ToCustomer', Author?: string): ChatMessage => ({
	ChatMessageId: id,
	Message,
	Type,
	Author,
});

describe('matchReadBack', () => {
	const sent = 'Hello Ann,\r\nthe fix is live.  \r\n';
	const table: [string, ChatMessage[], number | undefined][] = [
		['the same text from the agent after the last id', [msg(11, 'Hello Ann,\nthe fix is live.')], 11],
		['only CRLF and trailing whitespace differ', [msg(12, 'Hello Ann,  \nthe fix is live.\n\n')], 12],
		['the same text from the customer does not count', [msg(13, 'Hello Ann,\nthe fix is live.', 'ToUser')], undefined],
		[
			'an older message with the same text does not count',
			[msg(10, 'Hello Ann,\nthe fix is live.'), msg(9, 'Hello Ann,\nthe fix is live.')],
			undefined,
		],
		[
			'other differences count (case, inner spaces)',
			[msg(14, 'hello Ann,\nthe fix is live.'), msg(15, 'Hello  Ann,\nthe fix is live.')],
			undefined,
		],
		['leading whitespace counts', [msg(16, ' Hello Ann,\nthe fix is live.')], undefined],
		['the earliest of several matches', [msg(18, 'Hello Ann,\nthe fix is live.'), msg(17, 'Hello Ann,\nthe fix is live.')], 17],
		['nothing read back', [], undefined],
	];
	for (const [name, messages, id] of table) {
		it(name, () => assert.equal(matchReadBack(messages, { text: sent, lastKnownMessageId: 10 })?.ChatMessageId, id));
	}
	it('another author or another type does not count when the send named them', () => {
		const m = [msg(11, 'Note', 'ToCustomer', 'Bob')];
		assert.equal(matchReadBack(m, { text: 'Note', lastKnownMessageId: 0, author: 'Ann' }), undefined);
		assert.equal(matchReadBack(m, { text: 'Note', lastKnownMessageId: 0, author: 'Bob' })?.ChatMessageId, 11);
		assert.equal(matchReadBack(m, { text: 'Note', lastKnownMessageId: 0, type: 'ToUser' }), undefined);
	});
});

describe('matchReadBack against the local server', () => {
	let server: LocalServer;
	useLocalServer((s) => (server = s));

	it('finds a message that was stored although its answer was lost, and not one that never arrived', async () => {
		const client = new ChatClient({ baseUrl: server.url, credentials: { scheme: 'soticket', ticket: DEMO.ticket } });
		const before = await client.getMessages(101);
		const last = Math.max(0, ...before.map((m) => m.ChatMessageId ?? 0));
		// The server stores the message, then the answer is cut off: the client cannot know.
		server.fault({ method: 'POST', path: /\/ChatSession\/101\/Messages$/, status: 204 });
		await assert.rejects(client.postMessage(101, { Message: 'lost answer' }), { outcomeUnknown: true });
		assert.equal(
			matchReadBack(await client.getMessages(101, last), { text: 'lost answer', lastKnownMessageId: last }),
			undefined,
			'the 204 fault answered before storing',
		);
		const stored = await client.postMessage(101, { Message: 'stored twice?\r\n' });
		const found = matchReadBack(await client.getMessages(101, last), { text: 'stored twice?', lastKnownMessageId: last });
		assert.equal(found?.ChatMessageId, stored.ChatMessageId);
	});
});
