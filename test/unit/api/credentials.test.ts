import * as assert from 'node:assert/strict';
import { redact, secretsOf } from '../../../src/api';
import { basicAuthorization, staticAuthHeaders } from '../../../src/api/credentials';

describe('credentials', () => {
	it('encodes Basic as base64 of UTF-8 user:password', () => {
		assert.equal(basicAuthorization('demo', 'demo-password-1'), `Basic ${Buffer.from('demo:demo-password-1', 'utf8').toString('base64')}`);
		assert.equal(basicAuthorization('dæmo', 'pässwörd€'), `Basic ${Buffer.from('dæmo:pässwörd€', 'utf8').toString('base64')}`);
	});

	it('builds SOTicket with and without the app token', () => {
		assert.deepEqual(staticAuthHeaders({ scheme: 'soticket', ticket: '7T:abc' }), { Authorization: 'SOTicket 7T:abc' });
		assert.deepEqual(staticAuthHeaders({ scheme: 'soticket', ticket: '7T:abc', appToken: 'app' }), {
			Authorization: 'SOTicket 7T:abc',
			'SO-AppToken': 'app',
		});
	});

	it('refuses header-breaking values without quoting them', () => {
		const cases = [
			{ c: { scheme: 'soticket' as const, ticket: '7T:abc\r\nX-Evil: 1' }, field: 'ticket' },
			{ c: { scheme: 'soticket' as const, ticket: '7T:abc', appToken: 'a b' }, field: 'appToken' },
			{ c: { scheme: 'bearer' as const, token: 'tök' }, field: 'token' },
			{ c: { scheme: 'bearer' as const, token: '' }, field: 'token' },
			{ c: { scheme: 'basic' as const, userName: 'a:b', password: 'p' }, field: 'userName' },
		];
		for (const { c, field } of cases) {
			assert.throws(
				() => staticAuthHeaders(c),
				(e: unknown) => {
					const err = e as { kind: string; field: string; message: string };
					return err.kind === 'invalid' && err.field === field && !err.message.includes('abc') && !err.message.includes('tök');
				},
				field,
			);
		}
	});

	it('secretsOf lists what must be hidden, not the user name', () => {
		const basic = secretsOf({ scheme: 'basic', userName: 'demo', password: 'pw/1' });
		assert.ok(basic.includes('pw/1'));
		assert.ok(basic.includes('pw%2F1'));
		assert.ok(basic.includes(Buffer.from('demo:pw/1').toString('base64')));
		assert.ok(!basic.includes('demo'));
		assert.deepEqual(secretsOf({ scheme: 'soticket', ticket: 'T1', appToken: 'A1' }), ['T1', 'A1']);
		assert.deepEqual(secretsOf({ scheme: 'bearer', token: 'tok' }), ['tok']);
		assert.deepEqual(secretsOf({ scheme: 'bearer', tokenProvider: async () => 'x' }), []);
		assert.deepEqual(secretsOf(undefined), []);
	});

	describe('redact', () => {
		it('hides every occurrence of each secret', () => {
			assert.equal(redact('pw is hunter2, again hunter2', ['hunter2']), 'pw is ***, again ***');
		});
		it('hides the longer secret first when secrets overlap', () => {
			assert.equal(redact('abcdef', ['abc', 'abcdef']), '***');
		});
		it('treats secrets as literal text, not patterns', () => {
			assert.equal(redact('a.b a+b', ['a+b']), 'a.b ***');
		});
		it('hides Authorization and SO-AppToken header values it was not told about', () => {
			assert.equal(redact('Authorization: SOTicket 7T:xyz', []), 'Authorization: SOTicket ***');
			assert.equal(redact('authorization=Bearer eyJ.abc.def', []), 'authorization=Bearer ***');
			assert.equal(redact('{"SO-AppToken":"app-secret-1"}', []), '{"SO-AppToken":"***"}');
			assert.equal(redact('so-apptoken: abc123', []), 'so-apptoken: ***');
		});
		it('hides Basic, SOTicket and Bearer blobs anywhere', () => {
			const blob = Buffer.from('demo:demo-password-1').toString('base64');
			assert.equal(redact(`sent Basic ${blob} to the server`, []), 'sent Basic *** to the server');
			assert.equal(redact('got SOTicket 7T:ZGVtbw== back', []), 'got SOTicket *** back');
			assert.equal(redact('Bearer 8A:Cust00000.token', []), 'Bearer ***');
		});
		it('leaves ordinary words alone', () => {
			assert.equal(redact('Basic authentication is disabled', []), 'Basic authentication is disabled');
		});
	});
});
