import * as assert from 'node:assert/strict';
import { ONLINE_ENVIRONMENTS, builtInEnvironment, customEnvironment, environmentOfAuthority, isEnvironmentId } from '../../../src/online';
import { isAcceptableUrl } from '../../../src/online/environments';
import { throwsKind } from './helpers';

describe('online/environments', () => {
	it('knows the three SuperOffice Online environments', () => {
		assert.deepEqual([...ONLINE_ENVIRONMENTS], ['sod', 'qaonline', 'online']);
		for (const id of ONLINE_ENVIRONMENTS) {
			assert.deepEqual(builtInEnvironment(id), {
				id,
				authority: `https://${id}.superoffice.com/login`,
				stateApiOrigin: `https://${id}.superoffice.com`,
			});
		}
	});

	it('tells environment ids from other values', () => {
		for (const id of ['sod', 'qaonline', 'online']) assert.ok(isEnvironmentId(id), id);
		for (const v of ['stage', 'SOD', 'custom', '', undefined, 1]) assert.ok(!isEnvironmentId(v), String(v));
	});

	it('accepts an https custom authority and looks for the state API on its origin', () => {
		assert.deepEqual(customEnvironment('  https://id.example.com/login/  '), {
			id: 'custom',
			authority: 'https://id.example.com/login',
			stateApiOrigin: 'https://id.example.com',
		});
		assert.equal(customEnvironment('https://id.example.com').authority, 'https://id.example.com');
		assert.equal(customEnvironment('https://id.example.com:8443/a/b//').authority, 'https://id.example.com:8443/a/b');
	});

	it('drops a pasted discovery document path', () => {
		assert.equal(
			customEnvironment('https://sod.superoffice.com/login/.well-known/openid-configuration').authority,
			'https://sod.superoffice.com/login',
		);
		assert.equal(customEnvironment('https://id.example.com/.well-known/openid-configuration/').authority, 'https://id.example.com');
	});

	it('allows http only for loopback hosts', () => {
		assert.equal(customEnvironment('http://127.0.0.1:9000/login').authority, 'http://127.0.0.1:9000/login');
		assert.equal(customEnvironment('http://localhost:9000').stateApiOrigin, 'http://localhost:9000');
		assert.equal(customEnvironment('http://[::1]:9000/x').authority, 'http://[::1]:9000/x');
		for (const bad of ['http://id.example.com/login', 'http://10.0.0.1/login', 'ftp://id.example.com', 'file:///etc/passwd']) {
			throwsKind(() => customEnvironment(bad), 'invalid');
		}
	});

	it('refuses unparseable input, credentials, query and fragment', () => {
		for (const bad of [
			'',
			'   ',
			'id.example.com/login',
			'not a url',
			'https://u:p@id.example.com/login',
			'https://id.example.com/login?tenant=Cust1',
			'https://id.example.com/login#x',
		]) {
			throwsKind(() => customEnvironment(bad), 'invalid');
		}
		throwsKind(() => customEnvironment(undefined as unknown as string), 'invalid');
	});

	it('finds the environment of a stored authority (round trip)', () => {
		for (const id of ONLINE_ENVIRONMENTS) {
			assert.deepEqual(environmentOfAuthority(builtInEnvironment(id).authority), builtInEnvironment(id));
		}
		const custom = customEnvironment('https://id.example.com/login/');
		assert.deepEqual(environmentOfAuthority(custom.authority), custom);
		assert.equal(environmentOfAuthority(customEnvironment('https://online.superoffice.com/login/').authority).id, 'online');
	});

	it('refuses a stored authority that is no longer acceptable', () => {
		throwsKind(() => environmentOfAuthority('http://id.example.com/login'), 'invalid');
	});

	it('accepts provider URLs only over https or loopback http', () => {
		assert.ok(isAcceptableUrl('https://sod.superoffice.com/login/common/oauth/tokens'));
		assert.ok(isAcceptableUrl('http://127.0.0.1:1234/token'));
		for (const v of ['http://sod.superoffice.com/x', 'ftp://x/y', 'nonsense', '', undefined, 42]) assert.ok(!isAcceptableUrl(v), String(v));
	});
});
