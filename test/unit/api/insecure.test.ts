import * as assert from 'node:assert/strict';
import { ChatClient, type Credentials } from '../../../src/api';
import { header, rejectsWith } from './helpers';

// These cases need hosts that are not loopback, so fetch is replaced by a recorder: nothing leaves the machine.
function recorder(status = 200, body: unknown = { ChatMessageId: 1 }) {
	const calls: { url: string; headers: Record<string, string> }[] = [];
	const fetchFn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
		calls.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) } });
		return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
	};
	return { calls, fetch: fetchFn as typeof fetch };
}

const credentials: Credentials = { scheme: 'soticket', ticket: '7T:secret-ticket', appToken: 'secret-app' };

describe('credentials over plain http', () => {
	it('refuses to send credentials to a host that is not loopback, before any request', async () => {
		const r = recorder();
		const client = new ChatClient({ baseUrl: 'http://crm.example.com/SuperOffice', credentials, fetch: r.fetch });
		const e = await rejectsWith(client.postMessage(5, { Message: 'hi' }), 'insecure');
		await rejectsWith(client.listSessions(), 'insecure');
		assert.equal(r.calls.length, 0);
		assert.equal(e.retryable, false);
		assert.ok(!e.message.includes('secret'));
	});

	it('sends them when the caller explicitly allows insecure http', async () => {
		const r = recorder();
		const client = new ChatClient({ baseUrl: 'http://crm.example.com/SuperOffice', credentials, allowInsecureHttp: true, fetch: r.fetch });
		await client.postMessage(5, { Message: 'hi' });
		assert.equal(r.calls.length, 1);
		assert.equal(header(r.calls[0].headers, 'Authorization'), 'SOTicket 7T:secret-ticket');
	});

	it('allows loopback hosts and https without asking', async () => {
		for (const baseUrl of [
			'http://127.0.0.1:1/Cust1',
			'http://127.1.2.3:1/Cust1',
			'http://localhost:1/Cust1',
			'http://[::1]:1/Cust1',
			'https://crm.example.com/SuperOffice',
		]) {
			const r = recorder();
			await new ChatClient({ baseUrl, credentials, fetch: r.fetch }).postMessage(5, { Message: 'hi' });
			assert.equal(r.calls.length, 1, baseUrl);
		}
	});

	it('lets probe() through, since it sends no credentials', async () => {
		const r = recorder(200, { v1: 'v1', Version: '10.5' });
		const client = new ChatClient({ baseUrl: 'http://crm.example.com/SuperOffice/api', credentials, fetch: r.fetch });
		assert.deepEqual(await client.probe(), { v1: 'v1', Version: '10.5' });
		assert.equal(r.calls[0].url, 'http://crm.example.com/SuperOffice/api');
		assert.equal(header(r.calls[0].headers, 'Authorization'), undefined);
		assert.equal(header(r.calls[0].headers, 'SO-AppToken'), undefined);
	});

	it('also refuses a plain-http host supplied after a 421', async () => {
		const r = recorder(421, { Error: true, ErrorType: 'WrongSubdomain', ErrorMessage: 'Wrong subdomain used to access tenant' });
		const client = new ChatClient({
			baseUrl: 'https://online.superoffice.com/Cust1',
			credentials,
			fetch: r.fetch,
			onMisdirected: async () => 'http://online9.superoffice.com/Cust1',
		});
		await rejectsWith(client.listSessions(), 'insecure');
		assert.equal(r.calls.length, 1);
	});
});
