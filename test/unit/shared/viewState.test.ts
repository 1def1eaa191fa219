import * as assert from 'node:assert/strict';
import type { ConversationMessage } from '../../../src/shared/protocol';
import { initialViewState, MAX_CONVERSATION, reduce, type ViewState } from '../../../src/shared/viewState';

const msg = (id: number, text = `m${id}`): ConversationMessage => ({ id, from: 'customer', author: 'Ada', text });
const error = { message: 'Server error', retryable: false };

function ready(): ViewState {
	return reduce(initialViewState(), {
		type: 'init',
		connection: { id: 'c', name: 'Demo', baseUrl: 'http://x' },
		sessions: [
			{ id: 101, customer: 'Ada', open: true },
			{ id: 102, customer: 'Grace', open: true },
		],
		selectedSessionId: 101,
	});
}

describe('view state reducer', () => {
	it('init sets connection, sessions and selection', () => {
		const s = ready();
		assert.equal(s.connection?.name, 'Demo');
		assert.equal(s.selectedSessionId, 101);
		assert.equal(s.send.status, 'idle');
	});

	it('merges incremental messages by id, in order, capped', () => {
		let s = reduce(ready(), { type: 'messagesLoaded', sessionId: 101, messages: [msg(2), msg(1)], replace: true });
		s = reduce(s, { type: 'messagesLoaded', sessionId: 101, messages: [msg(2, 'edited'), msg(3)], replace: false });
		assert.deepEqual(
			s.messages.map((m) => [m.id, m.text]),
			[
				[1, 'm1'],
				[2, 'edited'],
				[3, 'm3'],
			],
		);
		const many = Array.from({ length: MAX_CONVERSATION + 10 }, (_, i) => msg(i + 1));
		s = reduce(s, { type: 'messagesLoaded', sessionId: 101, messages: many, replace: true });
		assert.equal(s.messages.length, MAX_CONVERSATION);
		assert.equal(s.messages[0].id, 11);
	});

	it('ignores messages for a session that is no longer selected', () => {
		let s = reduce(ready(), { type: 'local.select', sessionId: 102 });
		s = reduce(s, { type: 'messagesLoaded', sessionId: 101, messages: [msg(1)], replace: true });
		assert.deepEqual(s.messages, []);
		s = reduce(s, { type: 'messagesFailed', sessionId: 101, error });
		assert.equal(s.conversationError, undefined);
	});

	it('a send in flight stays locked to its session when the user switches', () => {
		let s = reduce(ready(), { type: 'local.sendStarted', requestId: 'r1', sessionId: 101 });
		s = reduce(s, { type: 'local.select', sessionId: 102 });
		assert.deepEqual(s.send, { status: 'sending', requestId: 'r1', sessionId: 101 });
		s = reduce(s, { type: 'sendSucceeded', requestId: 'r1', sessionId: 101, messageId: 9 });
		assert.equal(s.send.status, 'sent');
		assert.equal(s.send.status === 'sent' && s.send.sessionId, 101);
	});

	it('ignores results for another request', () => {
		let s = reduce(ready(), { type: 'local.sendStarted', requestId: 'r1', sessionId: 101 });
		s = reduce(s, { type: 'sendFailed', requestId: 'other', sessionId: 101, error });
		assert.equal(s.send.status, 'sending');
		s = reduce(s, { type: 'sendFailed', requestId: 'r1', sessionId: 101, error });
		assert.deepEqual(s.send, { status: 'failed', requestId: 'r1', sessionId: 101, error });
	});

	it('a finished result is cleared by switching sessions; a re-init keeps a send in flight', () => {
		let s = reduce(ready(), { type: 'local.sendStarted', requestId: 'r1', sessionId: 101 });
		s = reduce(s, { type: 'init', sessions: [], selectedSessionId: 101 });
		assert.equal(s.send.status, 'sending');
		s = reduce(s, { type: 'sendFailed', requestId: 'r1', sessionId: 101, error });
		s = reduce(s, { type: 'local.select', sessionId: 102 });
		assert.equal(s.send.status, 'idle');
	});

	it('sessionSelected adds a typed-in session that was not listed', () => {
		const s = reduce(ready(), {
			type: 'sessionSelected',
			sessionId: 555,
			session: { id: 555, customer: 'Linus', open: false },
			draft: { text: '', type: 'ToCustomer', author: '', specialType: 'None', specialParam: '' },
		});
		assert.equal(s.selectedSessionId, 555);
		assert.ok(s.sessions.some((x) => x.id === 555));
	});

	it('session loading and failure', () => {
		let s = reduce(ready(), { type: 'sessionsLoading' });
		assert.equal(s.sessionsLoading, true);
		s = reduce(s, { type: 'sessionsFailed', error });
		assert.equal(s.sessionsLoading, false);
		assert.equal(s.sessionsError, error);
		s = reduce(s, { type: 'sessionsLoaded', sessions: [] });
		assert.equal(s.sessionsError, undefined);
	});
});
