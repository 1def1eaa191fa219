import * as assert from 'node:assert/strict';
import { DEMO } from '../../server/server';
import { basicAuth, errorOf, getJson, useServer } from './helpers';

describe('local server: authentication', () => {
	const server = useServer();
	const sessions = (): string => `${server().url}/api/v1/ChatSession/ForCurrentUser`;

	const accepted: [string, string, Record<string, string>][] = [
		['Basic', basicAuth(), {}],
		['SOTicket without app token', `SOTicket ${DEMO.ticket}`, {}],
		['SOTicket with app token', `SOTicket ${DEMO.ticket}`, { 'SO-AppToken': DEMO.appToken }],
		['SoTicket spelled as in the docs', `SoTicket ${DEMO.ticket}`, {}],
		['Bearer', `Bearer ${DEMO.bearer}`, {}],
	];
	for (const [name, authorization, extra] of accepted) {
		it(`accepts ${name}`, async () => {
			const res = await getJson(sessions(), authorization, extra);
			assert.equal(res.status, 200);
			assert.ok(Array.isArray(res.body));
			assert.equal(server().received[0].headers.authorization, authorization);
			assert.equal(server().received[0].headers['so-apptoken'], extra['SO-AppToken']);
		});
	}

	const refused: [string, string | null, Record<string, string>][] = [
		['no Authorization header', null, {}],
		['a wrong password', basicAuth(DEMO.userName, 'nope'), {}],
		['an unknown user', basicAuth('someone', DEMO.password), {}],
		['Basic that is not Base64', 'Basic demo:demo-password-1', {}],
		['a wrong ticket', 'SOTicket 7T:bm9wZQ==', {}],
		['a right ticket with a wrong app token', `SOTicket ${DEMO.ticket}`, { 'SO-AppToken': 'other-app' }],
		['a wrong bearer token', 'Bearer 8A:Cust00000.expired', {}],
		['two spaces after the scheme', `Bearer  ${DEMO.bearer}`, {}],
		['a token without a scheme', DEMO.bearer, {}],
		['an unsupported scheme', `Negotiate ${DEMO.ticket}`, {}],
	];
	for (const [name, authorization, extra] of refused) {
		it(`refuses ${name} with 401 and the official error body`, async () => {
			const res = await getJson(sessions(), authorization, extra);
			assert.equal(res.status, 401);
			const error = errorOf(res.body);
			assert.equal(error.ErrorType, 'UnauthorizedAccessException');
			for (const secret of [DEMO.password, DEMO.ticket, DEMO.bearer, DEMO.appToken]) {
				assert.ok(!error.ErrorMessage.includes(secret), 'the error message holds no credential');
			}
			assert.equal(server().received[0].status, 401);
		});
	}

	it('accepts bearer tokens registered at run time until they are removed', async () => {
		const token = '8A:Cust00000.signed-in-later';
		assert.equal((await getJson(sessions(), `Bearer ${token}`)).status, 401);
		server().addBearerToken(token);
		assert.equal((await getJson(sessions(), `Bearer ${token}`)).status, 200);
		server().reset();
		assert.equal((await getJson(sessions(), `Bearer ${token}`)).status, 200, 'reset() keeps registered tokens');
		server().removeBearerToken(token);
		assert.equal((await getJson(sessions(), `Bearer ${token}`)).status, 401);
		assert.equal((await getJson(sessions(), `Bearer ${DEMO.bearer}`)).status, 200, 'the demo token still works');
	});

	it('asks no credentials for the version document', async () => {
		assert.equal((await getJson(`${server().url}/api`, null)).status, 200);
		assert.equal((await getJson(`${server().url}/api`, 'Bearer wrong')).status, 200);
	});
});
