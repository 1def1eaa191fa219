// The order and content of the session picker's rows (pure; the picker itself is covered in the integration tier).
import * as assert from 'node:assert';
import type { ChatSessionEntity } from '../../../src/api/types';
import { customerOf, summarizeSessions } from '../../../src/sessions/sessionSummary';

const unnamed = (id: number): string => `Session ${id}`;

const sessions: ChatSessionEntity[] = [
	{ ChatSessionId: 1, CustomerName: 'Closed Carl', Status: 'Closed', TopicId: 1 },
	{ ChatSessionId: 2, CustomerName: 'Queue Quinn', Status: 'InQueue', TopicId: 2, LastMessage: '  Hello\n  there ' },
	{ ChatSessionId: 3, CustomerAlias: 'Alias Ann', Status: 'CustomerLast', TopicId: 9 },
	{ ChatSessionId: 4, CustomerName: 'Deleted Dan', Status: 'Deleted' },
	{ ChatSessionId: 5, Status: 'UserLast' },
	{ ChatSessionId: 6, CustomerName: 'Finished Fay', Status: 'Finished' },
];
const topics = [
	{ ChatTopicId: 1, Name: 'Support' },
	{ ChatTopicId: 2, Name: 'Sales' },
];

describe('summarizeSessions (session picker rows)', () => {
	it('puts recent sessions first in recent order, then open ones, then the rest; leaves deleted ones out', () => {
		const rows = summarizeSessions(sessions, topics, [6, 3], unnamed);
		assert.deepStrictEqual(
			rows.map((r) => r.id),
			[6, 3, 2, 5, 1],
		);
		assert.deepStrictEqual(
			rows.map((r) => [r.recent, r.open]),
			[
				[true, false],
				[true, true],
				[false, true],
				[false, true],
				[false, false],
			],
		);
	});

	it('keeps the server order within a group when nothing is recent', () => {
		assert.deepStrictEqual(
			summarizeSessions(sessions, topics, [], unnamed).map((r) => r.id),
			[2, 3, 5, 1, 6],
		);
	});

	it('names the customer from name, alias, e-mail or company, else the session', () => {
		const rows = summarizeSessions(sessions, topics, [], unnamed);
		assert.strictEqual(rows.find((r) => r.id === 3)?.customer, 'Alias Ann');
		assert.strictEqual(rows.find((r) => r.id === 5)?.customer, 'Session 5');
		assert.strictEqual(customerOf({ ChatSessionId: 7, CustomerEmail: ' x@example.com ' }), 'x@example.com');
		assert.strictEqual(customerOf({ ChatSessionId: 8, CustomerName: '  ', CustomerCompanyName: 'Acme' }), 'Acme');
	});

	it('adds topic names where known and collapses whitespace in the last message', () => {
		const rows = summarizeSessions(sessions, topics, [], unnamed);
		const quinn = rows.find((r) => r.id === 2);
		assert.strictEqual(quinn?.topic, 'Sales');
		assert.strictEqual(quinn?.lastMessage, 'Hello there');
		assert.strictEqual(rows.find((r) => r.id === 3)?.topic, undefined, 'unknown topic id');
	});

	it('returns nothing for no sessions', () => {
		assert.deepStrictEqual(summarizeSessions([], topics, [1], unnamed), []);
	});
});
