import * as assert from 'node:assert/strict';
import {
	draftProblem,
	emptyDraft,
	isDraftData,
	MAX_FIELD_LENGTH,
	MAX_MESSAGE_LENGTH,
	MAX_WEBVIEW_ERROR_LENGTH,
	parseWebviewMessage,
} from '../../../src/shared/protocol';

const draft = { text: 'Hello', type: 'ToCustomer', author: '', specialType: 'None', specialParam: '' };
const send = { type: 'send', requestId: 'r-1', connectionId: 'demo', sessionId: 101, draft };

describe('parseWebviewMessage', () => {
	it('accepts every well-formed message and returns a copy', () => {
		assert.deepEqual(parseWebviewMessage({ type: 'ready', interactiveMs: 12.5 }), { type: 'ready', interactiveMs: 12.5 });
		assert.deepEqual(parseWebviewMessage({ type: 'selectSession', sessionId: 7 }), { type: 'selectSession', sessionId: 7 });
		assert.deepEqual(parseWebviewMessage({ type: 'refresh' }), { type: 'refresh' });
		assert.deepEqual(parseWebviewMessage({ type: 'showLog' }), { type: 'showLog' });
		const parsed = parseWebviewMessage(send);
		assert.deepEqual(parsed, send);
		assert.notEqual(parsed && 'draft' in parsed ? parsed.draft : undefined, draft);
		assert.deepEqual(parseWebviewMessage({ type: 'draftChanged', connectionId: 'demo', sessionId: 1, draft }), {
			type: 'draftChanged',
			connectionId: 'demo',
			sessionId: 1,
			draft,
		});
	});

	it('rejects anything that is not an object with a known type', () => {
		for (const v of [undefined, null, 42, 'send', [], [send], { type: 'eval' }, { type: 1 }, { type: '__proto__' }, { type: 'toString' }]) {
			assert.equal(parseWebviewMessage(v), undefined, JSON.stringify(v));
		}
	});

	it('rejects malicious or malformed send messages', () => {
		const bad: unknown[] = [
			{ ...send, sessionId: '101' },
			{ ...send, sessionId: 0 },
			{ ...send, sessionId: -1 },
			{ ...send, sessionId: 1.5 },
			{ ...send, sessionId: 2147483648 },
			{ ...send, sessionId: Number.NaN },
			{ ...send, requestId: '' },
			{ ...send, requestId: 'x'.repeat(65) },
			{ ...send, requestId: '<img src=x>' },
			{ ...send, connectionId: '' },
			{ ...send, connectionId: 'c'.repeat(201) },
			{ ...send, draft: undefined },
			{ ...send, draft: { ...draft, text: 5 } },
			{ ...send, draft: { ...draft, text: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) } },
			{ ...send, draft: { ...draft, author: 'a'.repeat(MAX_FIELD_LENGTH + 1) } },
			{ ...send, draft: { ...draft, type: 'Special' } },
			{ ...send, draft: { ...draft, specialType: 'Bogus' } },
			{ ...send, draft: { ...draft, extra: 'x' } },
			{ ...send, credentials: 'x' },
			{ type: 'send' },
		];
		for (const v of bad) assert.equal(parseWebviewMessage(v), undefined, JSON.stringify(v).slice(0, 120));
	});

	it('rejects odd ready and selectSession messages', () => {
		assert.equal(parseWebviewMessage({ type: 'ready', interactiveMs: -1 }), undefined);
		assert.equal(parseWebviewMessage({ type: 'ready', interactiveMs: Infinity }), undefined);
		assert.equal(parseWebviewMessage({ type: 'ready' }), undefined);
		assert.equal(parseWebviewMessage({ type: 'selectSession', sessionId: '1' }), undefined);
		assert.equal(parseWebviewMessage({ type: 'refresh', sessionId: 1 }), undefined);
	});

	it('takes Pick Up with a session id and focus changes as a boolean only', () => {
		assert.deepEqual(parseWebviewMessage({ type: 'pickUp', sessionId: 7 }), { type: 'pickUp', sessionId: 7 });
		assert.equal(parseWebviewMessage({ type: 'pickUp', sessionId: 0 }), undefined);
		assert.equal(parseWebviewMessage({ type: 'pickUp', sessionId: 7, connectionId: 'x' }), undefined);
		assert.deepEqual(parseWebviewMessage({ type: 'focusChanged', focused: true }), { type: 'focusChanged', focused: true });
		assert.equal(parseWebviewMessage({ type: 'focusChanged', focused: 'yes' }), undefined);
	});

	it('takes a session action only when it is one of the known actions, with a session id', () => {
		const ok = { type: 'sessionAction', action: 'acceptTransfer', sessionId: 7 };
		assert.deepEqual(parseWebviewMessage(ok), ok);
		for (const action of ['transfer', 'resetSession', 'openTranscript', 'rejectTransfer']) {
			assert.deepEqual(parseWebviewMessage({ ...ok, action }), { ...ok, action });
		}
		assert.equal(parseWebviewMessage({ ...ok, action: 'signOut' }), undefined);
		assert.equal(parseWebviewMessage({ ...ok, action: 'toString' }), undefined);
		assert.equal(parseWebviewMessage({ ...ok, sessionId: -1 }), undefined);
		assert.equal(parseWebviewMessage({ ...ok, connectionId: 'x' }), undefined);
	});

	it('takes a webview error as capped text only', () => {
		assert.deepEqual(parseWebviewMessage({ type: 'webviewError', message: 'boom', stack: 'at x' }), {
			type: 'webviewError',
			message: 'boom',
			stack: 'at x',
		});
		assert.deepEqual(parseWebviewMessage({ type: 'webviewError', message: 'boom' }), { type: 'webviewError', message: 'boom' });
		assert.equal(parseWebviewMessage({ type: 'webviewError', message: 'x'.repeat(MAX_WEBVIEW_ERROR_LENGTH + 1) }), undefined);
		assert.equal(parseWebviewMessage({ type: 'webviewError', message: { toString: 'boom' } }), undefined);
		assert.equal(parseWebviewMessage({ type: 'webviewError', message: 'boom', extra: 1 }), undefined);
		assert.equal(parseWebviewMessage({ type: 'webviewError', message: 'boom', stack: 7 }), undefined);
	});

	it('does not trust a prototype: inherited fields do not count', () => {
		const proto = { ...send };
		const obj = Object.create(proto) as object;
		assert.equal(parseWebviewMessage(obj), undefined);
	});
});

describe('isDraftData and draftProblem', () => {
	it('an empty draft is valid data but not sendable', () => {
		assert.ok(isDraftData(emptyDraft()));
		assert.deepEqual(draftProblem(emptyDraft()), { field: 'text', message: 'empty' });
		assert.deepEqual(draftProblem({ ...emptyDraft(), text: '  \n ' }), { field: 'text', message: 'empty' });
	});

	it('points at a character that is not valid Unicode, in the field where it is', () => {
		assert.deepEqual(draftProblem({ ...emptyDraft(), text: 'Hi\nthere \ud83d!' }), {
			field: 'text',
			message: 'unicode',
			position: { index: 9, line: 2, column: 7 },
		});
		assert.equal(draftProblem({ ...emptyDraft(), text: 'ok', author: '\udfff' })?.field, 'author');
		assert.equal(draftProblem({ ...emptyDraft(), text: 'ok 😀', author: 'Zoë' }), undefined);
	});

	it('asks for an http(s) address with SpecialType Url', () => {
		const d = { ...emptyDraft(), text: 'See', specialType: 'Url' as const };
		assert.equal(draftProblem(d)?.field, 'specialParam');
		assert.equal(draftProblem({ ...d, specialParam: 'javascript:alert(1)' })?.field, 'specialParam');
		assert.equal(draftProblem({ ...d, specialParam: 'https://example.com' }), undefined);
	});

	it('catches fields over the limits', () => {
		assert.equal(draftProblem({ ...emptyDraft(), text: 'x', author: 'a'.repeat(256) })?.field, 'author');
		assert.equal(draftProblem({ ...emptyDraft(), text: 'x', specialParam: 'a'.repeat(256) })?.field, 'specialParam');
	});
});
