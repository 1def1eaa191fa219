import * as assert from 'node:assert/strict';
import { ApiError, ChatClient, type MessageDraft, validateDraft } from '../../../src/api';

function failsOn(sessionId: number, draft: MessageDraft, field: string): void {
	assert.throws(
		() => validateDraft(sessionId, draft),
		(e: unknown) => e instanceof ApiError && e.kind === 'invalid' && e.field === field && e.retryable === false,
		`expected field ${field}`,
	);
}

describe('validateDraft', () => {
	it('accepts a plain message and one with all nine fields', () => {
		validateDraft(1, { Message: 'Hello' });
		validateDraft(2147483647, {
			Message: 'See the page',
			Type: 'Special',
			SpecialType: 'Url',
			SpecialParam: 'https://example.com/help',
			Author: 'a'.repeat(255),
			ReadByCustomer: 0,
			WhenPosted: '2026-01-01T10:00:00Z',
			ChatMessageId: 0,
			ChatSessionId: 2147483647,
		});
	});

	it('requires a positive int32 session id', () => {
		for (const id of [0, -1, 1.5, 2147483648, Number.NaN, Number.POSITIVE_INFINITY, '5' as unknown as number]) {
			failsOn(id, { Message: 'x' }, 'sessionId');
		}
	});

	it('refuses a blank message', () => {
		for (const m of ['', '   ', '\n\t', undefined as unknown as string, 5 as unknown as string]) failsOn(1, { Message: m }, 'Message');
	});

	it('limits Author and SpecialParam to 255 characters', () => {
		failsOn(1, { Message: 'x', Author: 'a'.repeat(256) }, 'Author');
		failsOn(1, { Message: 'x', SpecialParam: 'p'.repeat(256) }, 'SpecialParam');
		validateDraft(1, { Message: 'x', SpecialParam: 'p'.repeat(255) });
	});

	it('requires Type and SpecialType from the enums', () => {
		failsOn(1, { Message: 'x', Type: 'Customer' as never }, 'Type');
		failsOn(1, { Message: 'x', SpecialType: 'Link' as never }, 'SpecialType');
	});

	it('requires an http(s) SpecialParam for a Url message', () => {
		failsOn(1, { Message: 'x', SpecialType: 'Url' }, 'SpecialParam');
		failsOn(1, { Message: 'x', SpecialType: 'Url', SpecialParam: 'javascript:alert(1)' }, 'SpecialParam');
		failsOn(1, { Message: 'x', SpecialType: 'Url', SpecialParam: 'not a url' }, 'SpecialParam');
		validateDraft(1, { Message: 'x', SpecialType: 'Url', SpecialParam: 'http://example.com' });
	});

	it('checks the other fields', () => {
		failsOn(1, { Message: 'x', ReadByCustomer: 0.5 }, 'ReadByCustomer');
		failsOn(1, { Message: 'x', ChatMessageId: -2147483649 }, 'ChatMessageId');
		failsOn(1, { Message: 'x', ChatSessionId: 2 }, 'ChatSessionId');
		failsOn(1, { Message: 'x', WhenPosted: 'yesterday' }, 'WhenPosted');
	});

	it('refuses text that is not valid Unicode (a lone surrogate) in any text field, naming where', () => {
		const cases: [MessageDraft, string, number, number, number][] = [
			[{ Message: 'ok\ud83d' }, 'Message', 1, 3, 2],
			[{ Message: 'line one\r\n😀 then \ude00 here' }, 'Message', 2, 9, 18],
			[{ Message: 'x', Author: 'Ann\udc00' }, 'Author', 1, 4, 3],
			[{ Message: 'x', SpecialType: 'Url', SpecialParam: 'https://e.com/\ud800' }, 'SpecialParam', 1, 15, 14],
		];
		for (const [draft, field, line, column, index] of cases) {
			assert.throws(
				() => validateDraft(1, draft),
				(e: unknown) =>
					e instanceof ApiError &&
					e.kind === 'invalid' &&
					e.field === field &&
					e.message.includes(`line ${line}, column ${column}`) &&
					e.position?.index === index,
				field,
			);
		}
		// Well-formed pairs (emoji) pass.
		validateDraft(1, { Message: 'thanks 😀👍🏽', Author: 'Zoë 🙂' });
	});

	it('sends nothing when the client refuses the input', async () => {
		let calls = 0;
		const client = new ChatClient({
			baseUrl: 'http://127.0.0.1:9/Cust1',
			credentials: { scheme: 'bearer', token: 't' },
			fetch: async () => {
				calls++;
				return new Response('{}');
			},
		});
		await assert.rejects(client.postMessage(0, { Message: 'x' }), { kind: 'invalid', field: 'sessionId' });
		await assert.rejects(client.postMessage(1, { Message: ' ' }), { kind: 'invalid', field: 'Message' });
		await assert.rejects(client.getSession(-4), { kind: 'invalid', field: 'id' });
		await assert.rejects(client.getMessages(1, -1), { kind: 'invalid', field: 'after' });
		await assert.rejects(client.postMessage(1, { Message: 'half an emoji \ud83d' }), { kind: 'invalid', field: 'Message' });
		assert.equal(calls, 0);
	});
});
