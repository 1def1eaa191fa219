import * as assert from 'node:assert/strict';
import { validateDraft } from '../../../src/api';
import { emptyDraft } from '../../../src/shared/protocol';
import { sessionItemFromEntity, toConversation, toMessageDraft } from '../../../src/views/viewModel';

describe('chat view model', () => {
	it('tells customer, agent and system messages apart and keeps server text as is', () => {
		const conv = toConversation([
			{ ChatMessageId: 3, Type: 'ToCustomer', Message: 'Hi', Author: 'Agent' },
			{ ChatMessageId: 1, Type: 'ToUser', Message: '<img src=x onerror=alert(1)>', Author: 'Ada', WhenPosted: '2026-01-01T10:00:00Z' },
			{ ChatMessageId: 2, Type: 'Special', SpecialType: 'Url', SpecialParam: 'https://x', Message: '' },
			{ Message: 'no id' },
		]);
		assert.deepEqual(
			conv.map((m) => [m.id, m.from]),
			[
				[1, 'customer'],
				[2, 'system'],
				[3, 'agent'],
			],
		);
		assert.equal(conv[0].text, '<img src=x onerror=alert(1)>');
		assert.equal(conv[1].specialType, 'Url');
	});

	it('turns a composer draft into a MessageDraft the client accepts', () => {
		const plain = toMessageDraft({ ...emptyDraft(), text: 'Hello' });
		assert.deepEqual(plain, { Message: 'Hello', Type: 'ToCustomer', SpecialType: 'None' });
		validateDraft(1, plain);
		const url = toMessageDraft({
			text: 'See',
			type: 'ToCustomer',
			author: ' Me ',
			specialType: 'Url',
			specialParam: ' https://example.com ',
		});
		assert.deepEqual(url, { Message: 'See', Type: 'ToCustomer', SpecialType: 'Url', Author: 'Me', SpecialParam: 'https://example.com' });
		validateDraft(1, url);
	});

	it('describes a typed-in session from its entity', () => {
		assert.deepEqual(sessionItemFromEntity({ ChatSessionId: 7, CustomerName: 'Ada', Status: 'InQueue' }), {
			id: 7,
			customer: 'Ada',
			open: true,
			status: 'InQueue',
		});
		assert.deepEqual(sessionItemFromEntity({ ChatSessionId: 8, Status: 'Closed' }), {
			id: 8,
			customer: '#8',
			open: false,
			status: 'Closed',
		});
	});
});
