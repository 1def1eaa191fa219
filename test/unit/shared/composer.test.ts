// The chat view composer's pure parts: send key, `/` for quick replies, the placeholder, the draft refresh rules, the
// Outbox rows, the change events of DraftStore and Outbox, and the new webview messages.
import * as assert from 'node:assert/strict';
import { isMacPlatform, isSendKeystroke, opensQuickReply, type Keystroke, sendHint } from '../../../src/shared/composerKeys';
import { caretAfter, refreshedDraft } from '../../../src/shared/draftRefresh';
import { type DraftChange, DraftStore } from '../../../src/shared/draftStore';
import { Outbox, type OutboxItem } from '../../../src/shared/outbox';
import { outboxRows, snippetOf } from '../../../src/shared/outboxRows';
import { type DraftData, emptyDraft, parseWebviewMessage } from '../../../src/shared/protocol';
import { SETTING_DEFAULTS } from '../../../src/shared/settingDefaults';

const key = (k: Partial<Keystroke> & { key: string }): Keystroke => ({
	ctrlKey: false,
	metaKey: false,
	shiftKey: false,
	altKey: false,
	...k,
});
const d = (text: string, more: Partial<DraftData> = {}): DraftData => ({ ...emptyDraft(), text, ...more });

class MemoryStore {
	readonly data = new Map<string, unknown>();
	get(k: string): unknown {
		return this.data.get(k);
	}
	update(k: string, v: unknown): Promise<void> {
		this.data.set(k, JSON.parse(JSON.stringify(v ?? null)));
		return Promise.resolve();
	}
}

describe('composer keys', () => {
	it('ctrlEnter (the default): Enter and Shift+Enter are newlines; Ctrl+Enter and Cmd+Enter send', () => {
		assert.equal(SETTING_DEFAULTS.sendKey, 'ctrlEnter');
		assert.equal(isSendKeystroke(key({ key: 'Enter' }), 'ctrlEnter'), false);
		assert.equal(isSendKeystroke(key({ key: 'Enter', shiftKey: true }), 'ctrlEnter'), false);
		assert.equal(isSendKeystroke(key({ key: 'Enter', ctrlKey: true }), 'ctrlEnter'), true);
		assert.equal(isSendKeystroke(key({ key: 'Enter', metaKey: true }), 'ctrlEnter'), true);
	});

	it('enter: Enter sends, Shift+Enter is a newline, Ctrl/Cmd+Enter still sends', () => {
		assert.equal(isSendKeystroke(key({ key: 'Enter' }), 'enter'), true);
		assert.equal(isSendKeystroke(key({ key: 'Enter', shiftKey: true }), 'enter'), false);
		assert.equal(isSendKeystroke(key({ key: 'Enter', ctrlKey: true }), 'enter'), true);
		assert.equal(isSendKeystroke(key({ key: 'Enter', metaKey: true }), 'enter'), true);
	});

	it('never sends on an IME confirmation, Alt+Enter or another key', () => {
		for (const mode of ['enter', 'ctrlEnter'] as const) {
			assert.equal(isSendKeystroke(key({ key: 'Enter', isComposing: true }), mode), false);
			assert.equal(isSendKeystroke(key({ key: 'Enter', ctrlKey: true, isComposing: true }), mode), false);
			assert.equal(isSendKeystroke(key({ key: 'Enter', altKey: true }), mode), false);
			assert.equal(isSendKeystroke(key({ key: 'a', ctrlKey: true }), mode), false);
		}
	});

	it('`/` opens quick replies only at the start of an empty composer, without modifiers', () => {
		assert.equal(opensQuickReply(key({ key: '/' }), ''), true);
		assert.equal(opensQuickReply(key({ key: '/' }), 'see '), false);
		assert.equal(opensQuickReply(key({ key: '/' }), ' '), false);
		assert.equal(opensQuickReply(key({ key: '/', ctrlKey: true }), ''), false);
		assert.equal(opensQuickReply(key({ key: '/', metaKey: true }), ''), false);
		assert.equal(opensQuickReply(key({ key: '/', isComposing: true }), ''), false);
		assert.equal(opensQuickReply(key({ key: '7' }), ''), false);
	});

	it('names the keys the way the keyboard does: ⌘ on macOS, Ctrl elsewhere', () => {
		assert.equal(isMacPlatform('MacIntel'), true);
		assert.equal(isMacPlatform('macOS'), true);
		assert.equal(isMacPlatform('iPad'), true);
		assert.equal(isMacPlatform('Win32'), false);
		assert.equal(isMacPlatform('Linux x86_64'), false);
		assert.deepEqual(sendHint('ctrlEnter', true), { key: 'placeholderCtrlEnter', args: ['⌘'] });
		assert.deepEqual(sendHint('ctrlEnter', false), { key: 'placeholderCtrlEnter', args: ['Ctrl'] });
		assert.deepEqual(sendHint('enter', true), { key: 'placeholderEnter', args: [] });
	});
});

describe('draft refresh rules', () => {
	const append = (text: string, fields: Partial<DraftData> = {}) => ({ text, fields });

	it('an append lands after what the composer shows, also when the user typed since the last exchange', () => {
		const host = d('Hello\n\nsnippet');
		// nothing typed since: the same as the host's copy
		assert.deepEqual(refreshedDraft(d('Hello'), d('Hello'), { draft: host, appended: append('snippet') }), host);
		// typed " there" the host has not heard of yet: both stay
		assert.deepEqual(
			refreshedDraft(d('Hello there'), d('Hello'), { draft: host, appended: append('snippet') }),
			d('Hello there\n\nsnippet'),
		);
		// into an empty composer: just the text
		assert.deepEqual(refreshedDraft(d(''), undefined, { draft: d('snippet'), appended: append('snippet') }), d('snippet'));
	});

	it("an append's fields (Outbox Edit of an internal note) are set; the others stay as shown", () => {
		const shown = d('draft', { author: 'Me' });
		const next = refreshedDraft(shown, shown, { draft: d('x'), appended: append('note', { type: 'ToUser', specialParam: '' }) });
		assert.deepEqual(next, d('draft\n\nnote', { type: 'ToUser', author: 'Me' }));
	});

	it('another change replaces the composer only when nothing was typed since; typing wins otherwise', () => {
		assert.deepEqual(refreshedDraft(d('old'), d('old'), { draft: d('new') }), d('new'));
		assert.equal(refreshedDraft(d('old, typing'), d('old'), { draft: d('new') }), undefined);
		assert.equal(refreshedDraft(d('old'), undefined, { draft: d('new') }), undefined, 'unknown base: keep what is shown');
		assert.equal(refreshedDraft(d('same'), d('x'), { draft: d('same') }), undefined);
	});

	it("a change the view missed while closed replaces the view's own copy", () => {
		assert.deepEqual(refreshedDraft(d('stale'), d('whatever'), { draft: d('stale\n\nadded'), missed: true }), d('stale\n\nadded'));
		assert.equal(refreshedDraft(d('same'), undefined, { draft: d('same'), missed: true }), undefined);
	});

	it('keeps the caret where it was when the text before it did not change', () => {
		assert.equal(caretAfter('Hello there', 'Hello there\n\nsnippet', 5), 5);
		assert.equal(caretAfter('Hello there  ', 'Hello there\n\nsnippet', 13), 'Hello there\n\nsnippet'.length);
		assert.equal(caretAfter('abc', 'xyz', 2), 3);
	});
});

describe('Outbox rows for the chat view', () => {
	const item = (over: Partial<OutboxItem>): OutboxItem => ({
		id: 'i',
		connectionId: 'a',
		sessionId: 101,
		customerLabel: 'Ada Lovelace',
		text: 'text',
		type: 'ToCustomer',
		specialType: 'None',
		reason: 'notSent',
		created: 1,
		...over,
	});

	it("lists only the connection's items, newest first, as a one-line snippet", () => {
		const rows = outboxRows(
			[
				item({ id: 'old', created: 1, text: '\n\n  first line  \nsecond' }),
				item({ id: 'other', connectionId: 'b', created: 5 }),
				item({ id: 'new', created: 3, reason: 'unknownOutcome', sessionId: 102, customerLabel: 'Grace' }),
			],
			'a',
		);
		assert.deepEqual(
			rows.map((r) => [r.id, r.snippet, r.reason, r.customer, r.sessionId]),
			[
				['new', 'text', 'unknownOutcome', 'Grace', 102],
				['old', 'first line', 'notSent', 'Ada Lovelace', 101],
			],
		);
		assert.deepEqual(outboxRows([item({})], undefined), []);
		assert.ok(!('text' in rows[0]), 'the full text stays in the host');
	});

	it('cuts a long first line with an ellipsis', () => {
		const s = snippetOf('x'.repeat(200));
		assert.equal(s.length, 80);
		assert.ok(s.endsWith('…'));
	});
});

describe('change events of the stores', () => {
	it('DraftStore tells who changed which draft, and what an append added', async () => {
		const store = new DraftStore(new MemoryStore());
		const seen: DraftChange[] = [];
		const sub = store.onDidChange((c) => seen.push(c));
		await store.set('a', 1, d('typed'), { source: 'chatView' });
		await store.set('a', 1, d('typed\n\nmore'), { appended: { text: 'more', fields: {} } });
		await store.set('a', 2, emptyDraft()); // nothing stored, nothing changed
		await store.clear('a', 1);
		sub.dispose();
		await store.set('a', 3, d('unheard'));
		assert.deepEqual(seen, [
			{ source: 'chatView', connectionId: 'a', sessionId: 1, draft: d('typed') },
			{ appended: { text: 'more', fields: {} }, connectionId: 'a', sessionId: 1, draft: d('typed\n\nmore') },
			{ connectionId: 'a', sessionId: 1, draft: undefined },
		]);
	});

	it('Outbox tells after every add, update and remove', async () => {
		const outbox = new Outbox(new MemoryStore());
		let changes = 0;
		outbox.onDidChange(() => changes++);
		const i = await outbox.add({
			connectionId: 'a',
			sessionId: 1,
			customerLabel: 'Ada',
			text: 't',
			type: 'ToCustomer',
			specialType: 'None',
			reason: 'notSent',
		});
		await outbox.update(i.id, { reason: 'unknownOutcome' });
		await outbox.remove('not there');
		await outbox.remove(i.id);
		assert.equal(changes, 3);
	});
});

describe('webview messages of the composer', () => {
	it('accepts Outbox actions and quick-reply requests', () => {
		for (const action of ['retry', 'edit', 'discard']) {
			assert.deepEqual(parseWebviewMessage({ type: 'outboxAction', id: 'abc-1', action }), { type: 'outboxAction', id: 'abc-1', action });
		}
		assert.deepEqual(parseWebviewMessage({ type: 'quickReply', requestId: 'q-1', sessionId: 101 }), {
			type: 'quickReply',
			requestId: 'q-1',
			sessionId: 101,
		});
	});

	it('rejects malformed ones', () => {
		const bad: unknown[] = [
			{ type: 'outboxAction', id: 'abc', action: 'send' },
			{ type: 'outboxAction', id: '', action: 'retry' },
			{ type: 'outboxAction', id: 7, action: 'retry' },
			{ type: 'outboxAction', id: 'x'.repeat(201), action: 'retry' },
			{ type: 'outboxAction', id: 'abc', action: 'retry', text: 'sneaky' },
			{ type: 'quickReply', requestId: 'q 1', sessionId: 101 },
			{ type: 'quickReply', requestId: 'q-1', sessionId: 0 },
			{ type: 'quickReply', requestId: 'q-1', sessionId: 101, text: 'x' },
		];
		for (const m of bad) assert.equal(parseWebviewMessage(m), undefined, JSON.stringify(m));
	});
});
