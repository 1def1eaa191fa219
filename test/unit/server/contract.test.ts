import * as assert from 'node:assert/strict';
import { loadContract } from '../../server/contract';
import { JSON_HEADERS, basicAuth, errorOf, getJson, postJson, useServer } from './helpers';

describe('local server: checks against the API document', () => {
	const server = useServer();
	const messages = (id = 101): string => `${server().url}/api/v1/ChatSession/${id}/Messages`;

	it('records no violation for a valid post with all nine fields', async () => {
		const res = await postJson(messages(102), {
			ChatMessageId: 0,
			ChatSessionId: 102,
			Type: 'ToCustomer',
			Message: 'Our help page',
			Author: 'Demo Agent',
			ReadByCustomer: 0,
			SpecialType: 'Url',
			SpecialParam: 'https://example.com/help',
			WhenPosted: '2026-01-01T10:00:00Z',
		});
		assert.equal(res.status, 200);
		assert.deepEqual(server().violations, []);
	});

	it('records a violation for an enum value the document does not have, and answers 400', async () => {
		const count = server().messages(101).length;
		const res = await postJson(messages(), { Message: 'x', Type: 'Nonsense' });
		assert.equal(res.status, 400);
		assert.equal(errorOf(res.body).ErrorType, 'ArgumentException');
		assert.equal(server().violations.length, 1);
		const [v] = server().violations;
		assert.equal(v.method, 'POST');
		assert.equal(v.path, '/Cust00000/api/v1/ChatSession/101/Messages');
		assert.equal(v.where, 'request');
		assert.ok(
			v.errors.some((e) => e.includes('Type') && e.includes('ToCustomer')),
			v.errors.join('\n'),
		);
		assert.equal(server().messages(101).length, count, 'nothing stored');
	});

	it('reports every problem of a body: wrong types, int32 range, date-time format', async () => {
		await postJson(messages(), { Message: 7, ReadByCustomer: 2147483648, WhenPosted: '1 January 2026' });
		const errors = server().violations.flatMap((v) => v.errors);
		for (const field of ['Message', 'ReadByCustomer', 'WhenPosted']) {
			assert.ok(
				errors.some((e) => e.startsWith(`requestBody/${field} `)),
				`${field} not reported in:\n${errors.join('\n')}`,
			);
		}
	});

	it('records a missing body, malformed JSON and a wrong Content-Type', async () => {
		const post = (body: string | undefined, contentType?: string): Promise<Response> =>
			fetch(messages(), {
				method: 'POST',
				headers: { Authorization: basicAuth(), ...(contentType ? { 'Content-Type': contentType } : {}) },
				body,
			});
		assert.equal((await post(undefined)).status, 400);
		assert.equal((await post('{"Message": ', JSON_HEADERS['Content-Type'])).status, 400);
		assert.equal((await post('{"Message":"x"}', 'text/plain')).status, 415);
		const errors = server().violations.map((v) => v.errors.join(' | '));
		assert.equal(errors.length, 3, errors.join('\n'));
		assert.match(errors[0], /requestBody/);
		assert.match(errors[2], /Content-Type text\/plain is not accepted/);
	});

	it('checks path and query parameters', async () => {
		assert.equal((await getJson(`${messages()}?after=latest`)).status, 400);
		assert.equal((await getJson(`${server().url}/api/v1/ChatSession/abc`)).status, 400);
		assert.equal((await getJson(`${server().url}/api/v1/ChatSession/2147483648/Messages`)).status, 400);
		const errors = server().violations.flatMap((v) => v.errors);
		assert.ok(errors.some((e) => e.startsWith('query/after ')));
		assert.ok(errors.some((e) => e.startsWith('path/id ')));
		assert.ok(errors.some((e) => e.startsWith('path/chatSessionId ')));
	});

	it('checks each request even when a fault answers it', async () => {
		server().fault({ path: /Messages$/, status: 503 });
		assert.equal((await postJson(messages(), { Type: 'Nonsense' })).status, 503);
		assert.equal(server().violations.length, 1);
	});

	it('finds responses that break the document', async () => {
		const contract = await loadContract();
		const op = contract.match('POST', '/api/v1/ChatSession/101/Messages');
		assert.ok(op);
		assert.deepEqual(contract.checkResponse(op, 200, { ChatMessageId: 1, Type: 'ToCustomer' }), []);
		const errors = contract.checkResponse(op, 200, { ChatMessageId: 'seven', Type: 'Shout' });
		assert.equal(errors.length, 2, errors.join('\n'));
		assert.equal(contract.match('GET', '/api/v1/ChatSession/101/Nonsense'), undefined);
	});

	it('leaves the server answers of a whole session free of violations', async () => {
		for (const p of [
			'/ChatSession/ForCurrentUser',
			'/ChatTopic/ForCurrentUser',
			'/ChatSession/101',
			'/ChatSession/103?$select=Status,CustomerName',
		]) {
			assert.equal((await getJson(`${server().url}/api/v1${p}`)).status, 200, p);
		}
		for (const id of [101, 102, 103, 104, 105, 106]) assert.equal((await getJson(messages(id))).status, 200);
		assert.equal((await postJson(messages(103), { Message: 'Welcome!' })).status, 200);
		assert.deepEqual(server().violations, []);
	});
});
