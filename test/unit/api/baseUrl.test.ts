import * as assert from 'node:assert/strict';
import { ApiError, isLoopbackHost, normalizeBaseUrl } from '../../../src/api';

describe('normalizeBaseUrl', () => {
	const accepted: [string, string][] = [
		['https://online2.superoffice.com/Cust12345', 'https://online2.superoffice.com/Cust12345'],
		['https://online2.superoffice.com/Cust12345/', 'https://online2.superoffice.com/Cust12345'],
		['https://online2.superoffice.com/Cust12345/api', 'https://online2.superoffice.com/Cust12345'],
		['https://online2.superoffice.com/Cust12345/api/', 'https://online2.superoffice.com/Cust12345'],
		['https://online2.superoffice.com/Cust12345/api/v1', 'https://online2.superoffice.com/Cust12345'],
		['https://online2.superoffice.com/Cust12345/api/v1/', 'https://online2.superoffice.com/Cust12345'],
		['https://online2.superoffice.com/Cust12345/API/V1/ChatSession/5/Messages', 'https://online2.superoffice.com/Cust12345'],
		['https://sod2.superoffice.com/cust1234/api/', 'https://sod2.superoffice.com/cust1234'],
		['https://crm.example.com/SuperOffice', 'https://crm.example.com/SuperOffice'],
		['https://crm.example.com/SuperOffice/api/v1', 'https://crm.example.com/SuperOffice'],
		['  https://ONLINE2.SuperOffice.com/Cust12345//  \n', 'https://online2.superoffice.com/Cust12345'],
		['online2.superoffice.com/Cust12345', 'https://online2.superoffice.com/Cust12345'],
		['crm.example.com:8443/SuperOffice/', 'https://crm.example.com:8443/SuperOffice'],
		['//crm.example.com/SuperOffice', 'https://crm.example.com/SuperOffice'],
		['HTTPS://crm.example.com:443/SuperOffice', 'https://crm.example.com/SuperOffice'],
		['http://127.0.0.1:8080/Cust00000/api/v1', 'http://127.0.0.1:8080/Cust00000'],
		['http://crm.example.com:80/', 'http://crm.example.com'],
		['https://crm.example.com', 'https://crm.example.com'],
		['https://[::1]:9000/Cust1', 'https://[::1]:9000/Cust1'],
		['https://crm.example.com/my%20site/api', 'https://crm.example.com/my%20site'],
		['https://crm.example.com/apis/api', 'https://crm.example.com/apis'],
	];
	for (const [input, expected] of accepted) {
		it(`accepts ${JSON.stringify(input)}`, () => {
			assert.equal(normalizeBaseUrl(input), expected);
		});
	}

	const rejected: [string, string][] = [
		['', 'empty'],
		['   ', 'blank'],
		['ftp://crm.example.com/SuperOffice', 'another scheme'],
		['javascript:alert(1)', 'a script URL'],
		['file:///etc/passwd', 'a file URL'],
		['mailto:someone@example.com', 'a mail URL'],
		['https://user:pass@crm.example.com/SuperOffice', 'credentials in the URL'],
		['https://user@crm.example.com/SuperOffice', 'a user name in the URL'],
		['https://crm.example.com/SuperOffice?x=1', 'a query'],
		['https://crm.example.com/SuperOffice?', 'an empty query'],
		['https://crm.example.com/SuperOffice#top', 'a fragment'],
		['https://crm example.com/SuperOffice', 'a space'],
		['https://', 'no host'],
		['https://crm.example.com:99999/', 'an invalid port'],
	];
	for (const [input, why] of rejected) {
		it(`rejects ${why}: ${JSON.stringify(input)}`, () => {
			assert.throws(
				() => normalizeBaseUrl(input),
				(e: unknown) => e instanceof ApiError && e.kind === 'invalid' && e.field === 'baseUrl' && !e.message.includes('pass@'),
			);
		});
	}

	it('is idempotent', () => {
		for (const [, expected] of accepted) assert.equal(normalizeBaseUrl(expected), expected);
	});
});

describe('isLoopbackHost', () => {
	const table: [string, boolean][] = [
		['127.0.0.1', true],
		['127.8.9.10', true],
		['localhost', true],
		['LOCALHOST', true],
		['[::1]', true],
		['128.0.0.1', false],
		['127.0.0.1.example.com', false],
		['localhost.example.com', false],
		['10.0.0.1', false],
		['[::2]', false],
	];
	for (const [host, expected] of table) {
		it(`${host} → ${expected}`, () => assert.equal(isLoopbackHost(host), expected));
	}
});
