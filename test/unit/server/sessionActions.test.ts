import * as assert from 'node:assert/strict';
import type { ChatSessionEntity, ChatTopicAgent } from '../../../src/api/types';
import { COLLEAGUE, DEMO_USER } from '../../server/server';
import { basicAuth, errorOf, getJson, useServer } from './helpers';

describe('local server: pickup, transfer, reset, transcript', () => {
	const server = useServer();
	const api = (p: string): string => `${server().url}/api/v1${p}`;
	const post = async (url: string, body?: unknown): Promise<{ status: number; body: unknown; type: string | null }> => {
		const res = await fetch(url, {
			method: 'POST',
			headers: {
				Accept: 'application/json',
				Authorization: basicAuth(),
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		return { status: res.status, body: text === '' ? undefined : JSON.parse(text), type: res.headers.get('content-type') };
	};
	const control = (p: string, body?: unknown) => post(`${server().origin}/__control${p}`, body);
	const stored = (id: number) =>
		server()
			.sessions()
			.find((s) => s.ChatSessionId === id);
	afterEach(function () {
		if (this.currentTest?.state === 'passed') assert.deepEqual(server().violations, [], 'contract violations');
	});

	it('answers a pickup of a session no longer in the queue with 200 null, as documented', async () => {
		assert.equal((await post(api('/ChatSession/103/Pickup'))).status, 200);
		const again = await post(api('/ChatSession/103/Pickup'));
		assert.deepEqual([again.status, again.body], [200, null]);
		const next = await post(api('/ChatSession/Pickup'));
		assert.deepEqual([next.status, next.body], [200, null], 'empty queue');
	});

	it('walks a session through queue → mine → pending → colleague → queue', async () => {
		const picked = (await post(api('/ChatSession/103/Pickup'))).body as ChatSessionEntity;
		assert.deepEqual([picked.Status, picked.User?.AssociateId], ['CustomerLast', DEMO_USER.AssociateId]);
		const pending = (await post(api('/ChatSession/103/TransferTo/COL'))).body as ChatSessionEntity;
		assert.equal(pending.TransferTo?.Name, COLLEAGUE.Name);
		assert.equal((await control('/sessions/103/accept-transfer')).status, 200);
		assert.equal(stored(103)?.User?.AssociateId, COLLEAGUE.AssociateId);
		assert.equal((await control('/sessions/103/reset')).status, 200);
		assert.equal(stored(103)?.Status, 'InQueue');
		assert.equal(stored(103)?.User, undefined);
	});

	it('answers refusals with the official error body and status', async () => {
		const cases: [string, number, string][] = [
			['/ChatSession/999/Pickup', 404, 'SoNotFoundException'],
			['/ChatSession/106/Reset', 404, 'SoNotFoundException'],
			['/ChatSession/103/TransferTo/colleague', 409, 'InvalidOperationException'],
			['/ChatSession/101/AcceptTransfer', 409, 'InvalidOperationException'],
			['/ChatSession/101/TransferTo/demo', 409, 'InvalidOperationException'],
			['/ChatSession/101/TransferTo/nobody', 404, 'SoNotFoundException'],
		];
		for (const [p, status, type] of cases) {
			const res = await post(api(p));
			assert.equal(res.status, status, p);
			assert.equal(errorOf(res.body).ErrorType, type, p);
		}
		await control('/sessions/103/pickup');
		const notMine = await post(api('/ChatSession/103/Reset'));
		assert.equal(notMine.status, 403);
		assert.match(errorOf(notMine.body).ErrorMessage, /not assigned to DEMO but to COL/);
	});

	it('serves the transcript as a JSON string, plain or HTML-escaped', async () => {
		server().addCustomerMessage(102, 'a < b & "c"');
		const text = await post(api('/ChatSession/102/Transcript?html=false'));
		assert.equal(text.status, 200);
		assert.match(text.type ?? '', /application\/json/);
		assert.ok((text.body as string).includes('Grace Hopper: a < b & "c"'));
		const html = await post(api('/ChatSession/102/Transcript?html=true'));
		assert.ok((html.body as string).includes('<b>Grace Hopper</b>: a &lt; b &amp; &quot;c&quot;</p>'));
	});

	it("lists a topic's users with their roles", async () => {
		const res = await getJson(api('/ChatTopic/1/UserAgent'));
		const agents = res.body as ChatTopicAgent[];
		assert.deepEqual(
			agents.map((a) => [a.TopicId, a.User?.UserName, a.CanRespond, a.CanManage]),
			[
				[1, 'demo', true, true],
				[1, 'colleague', true, false],
			],
		);
		assert.equal((await getJson(api('/ChatTopic/42/UserAgent'))).status, 404);
	});

	describe('control routes', () => {
		it('queues a new session for a topic', async () => {
			const res = await control('/sessions', { topicId: 2, customerName: 'Barbara Liskov', text: 'Any discounts?' });
			const s = res.body as ChatSessionEntity;
			assert.deepEqual([res.status, s.Status, s.TopicId, s.CustomerName], [201, 'InQueue', 2, 'Barbara Liskov']);
			assert.equal(server().messages(s.ChatSessionId)[0].Message, 'Any discounts?');
			assert.equal(stored(s.ChatSessionId)?.Status, 'InQueue');
			assert.equal((await control('/sessions', { topicId: 9 })).status, 404);
			assert.equal((await control('/sessions', { text: '' })).status, 400);
		});

		it('lets the colleague win the race for a queued session', async () => {
			const res = await control('/sessions/103/pickup');
			assert.equal((res.body as ChatSessionEntity).User?.AssociateId, COLLEAGUE.AssociateId);
			assert.equal((await control('/sessions/103/pickup')).status, 409, 'no longer in the queue');
			assert.deepEqual((await post(api('/ChatSession/103/Pickup'))).body, null);
		});

		it('lets the colleague transfer to us and answer our transfers', async () => {
			await control('/sessions/103/pickup', { as: 'colleague' });
			const offered = await control('/sessions/103/transfer', { to: 'demo' });
			assert.equal((offered.body as ChatSessionEntity).TransferTo?.AssociateId, DEMO_USER.AssociateId);
			assert.equal((await post(api('/ChatSession/103/AcceptTransfer'))).status, 200);
			assert.equal(stored(103)?.User?.AssociateId, DEMO_USER.AssociateId);
			await post(api('/ChatSession/103/TransferTo/6'));
			assert.equal((await control('/sessions/103/reject-transfer', { as: 6 })).status, 200);
			assert.equal(stored(103)?.User?.AssociateId, DEMO_USER.AssociateId);
			assert.equal(stored(103)?.TransferTo, undefined);
		});

		it('refuses unknown users, odd bodies and actions the state does not allow', async () => {
			assert.equal((await control('/sessions/103/pickup', { as: 'ghost' })).status, 404);
			assert.equal((await control('/sessions/103/pickup', { as: true })).status, 400);
			assert.equal((await control('/sessions/101/accept-transfer')).status, 409);
			assert.equal((await control('/sessions/101/reset')).status, 403, 'the colleague cannot hand back our session');
			assert.deepEqual(server().received, [], 'control calls are not recorded');
		});
	});
});
