import * as assert from 'node:assert/strict';
import {
	MAX_LIVE_MESSAGES,
	MAX_LIVE_SESSIONS,
	MAX_RAW_TEXT,
	SNIPPET_LENGTH,
	plainText,
	sanitizeMessages,
	sanitizeSessions,
	truncate,
} from '../../../src/live';

const entity = (id: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
	ChatSessionId: id,
	Status: 'UserLast',
	CustomerName: `C${String(id)}`,
	LastMessage: 'hi',
	WhenIdle: '2026-03-01T10:00:00Z',
	...extra,
});

describe('live sanitation of server data', () => {
	it('refuses a session list that is not an array, with one reason', () => {
		for (const raw of [null, undefined, { value: [] }, 'x', 3]) {
			const r = sanitizeSessions(raw);
			assert.equal(r.ok, false);
			assert.match(r.ok ? '' : r.problem, /^the session list is not an array \(got \w+\)$/);
		}
		assert.equal(sanitizeMessages({}).ok, false);
	});

	it('skips entities without a usable id and duplicates, and says how many', () => {
		const r = sanitizeSessions([entity(1), entity(undefined), entity(-3), entity(1.5), null, 'x', entity(2), entity(1)]);
		assert.ok(r.ok);
		assert.deepEqual(
			r.items.map((s) => s.id),
			[1, 2],
		);
		assert.equal(r.problem, '5 sessions without an id skipped; 1 duplicate session skipped');
	});

	it('caps 10,000 sessions at the limit, keeping open ones first', () => {
		const raw = Array.from({ length: 10_000 }, (_, i) => entity(i + 1, { Status: i === 9_999 ? 'CustomerLast' : 'Closed' }));
		const r = sanitizeSessions(raw);
		assert.ok(r.ok);
		assert.equal(r.items.length, MAX_LIVE_SESSIONS);
		assert.equal(r.items[0].id, 10_000, 'the one open session survives the cut');
		assert.equal(r.problem, `9500 of 10000 sessions beyond ${MAX_LIVE_SESSIONS} ignored`);
	});

	it('cuts a 1 MB LastMessage before any other work', () => {
		const huge = 'x'.repeat(1024 * 1024);
		const r = sanitizeSessions([entity(1, { LastMessage: huge })]);
		assert.ok(r.ok);
		assert.ok(r.items[0].lastMessage.length <= MAX_RAW_TEXT);
		assert.equal(r.problem, `1 LastMessage over ${MAX_RAW_TEXT} characters cut`);
		const m = sanitizeMessages([{ ChatMessageId: 1, Type: 'ToUser', Message: huge }]);
		assert.ok(m.ok);
		assert.ok(m.items[0].text.length <= MAX_RAW_TEXT);
		assert.match(m.problem ?? '', /1 message over 4096 characters cut/);
	});

	it('strips markup, entities and control characters from text', () => {
		assert.equal(plainText('<p>Hello <b>Ada</b></p><p>second&nbsp;line &amp; more</p>'), 'Hello Ada second line & more');
		assert.equal(plainText('<script>alert(1)</script>ok<style>p{}</style>'), 'ok');
		assert.equal(plainText('a\u0000b\u202ec\n\n  d'), 'a b c d');
		assert.equal(plainText('cut <img src="x" onerror="'), 'cut');
		assert.equal(plainText('2 &lt; 3 &#x1F600; &#65;'), '2 < 3 😀 A');
		assert.equal(plainText(42), '');
		const r = sanitizeSessions([entity(1, { LastMessage: '<div>Export <i>fails</i></div>', CustomerName: '<b>Eve</b>' })]);
		assert.ok(r.ok);
		assert.equal(r.items[0].lastMessage, 'Export fails');
		assert.equal(r.items[0].customer, 'Eve');
	});

	it('truncates with an ellipsis, never inside a surrogate pair', () => {
		assert.equal(truncate('abc', 5), 'abc');
		assert.equal(truncate('abcdefgh', 5), 'abcd…');
		assert.equal(truncate('abc😀def', 5), 'abc…');
		assert.ok(truncate('y'.repeat(500)).length === SNIPPET_LENGTH);
	});

	it('reads statuses, owners and times; unknown values become safe defaults', () => {
		const r = sanitizeSessions([
			entity(1, { Status: 'Weird', User: { AssociateId: 5 }, TransferTo: { AssociateId: 'x' }, TopicId: 2, WhenIdle: 'not a date' }),
			entity(2, { Status: 'UserLast', User: { AssociateId: 5 }, TransferTo: { AssociateId: 6, Name: 'COL' } }),
		]);
		assert.ok(r.ok);
		assert.equal(r.items.find((x) => x.id === 2)?.transferToId, 6, 'a pending transfer names whom it is for');
		assert.deepEqual(
			r.items.find((x) => x.id === 1),
			{ id: 1, status: 'Invalid', lastMessage: 'hi', customer: 'C1', topicId: 2, ownerId: 5 },
		);
	});

	it('keeps the newest messages in id order and skips those without an id', () => {
		const raw = [
			...Array.from({ length: MAX_LIVE_MESSAGES + 5 }, (_, i) => ({
				ChatMessageId: MAX_LIVE_MESSAGES + 5 - i,
				Type: 'ToUser',
				Message: 'm',
			})),
			{ Type: 'ToUser' },
		];
		const r = sanitizeMessages(raw);
		assert.ok(r.ok);
		assert.equal(r.items.length, MAX_LIVE_MESSAGES);
		assert.equal(r.items[0].id, 6);
		assert.equal(r.items.at(-1)?.id, MAX_LIVE_MESSAGES + 5);
		assert.equal(r.problem, `1 message without an id skipped; 5 older messages beyond ${MAX_LIVE_MESSAGES} ignored`);
	});
});
