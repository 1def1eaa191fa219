import * as assert from 'node:assert/strict';
import { type IdTokenClaims, OnlineAuthError, SO_CLAIM, identityFromClaims } from '../../../src/online';
import { throwsKind } from './helpers';

function claims(so: Record<string, unknown>, over: Partial<IdTokenClaims> = {}): IdTokenClaims {
	const c: IdTokenClaims = { iss: 'https://sod.superoffice.com', aud: 'client-1', sub: 'sub-7', exp: 2_000_000_000, ...over };
	for (const [name, value] of Object.entries(so)) c[SO_CLAIM + name] = value;
	return c;
}

const SOD = { ctx: 'Cust26759', webapi_url: 'https://sod2.superoffice.com/Cust26759/api/' };

describe('online/idToken identityFromClaims', () => {
	it('uses the SuperOffice claim namespace', () => {
		assert.equal(SO_CLAIM, 'http://schemes.superoffice.net/identity/');
	});

	it('reads tenant, API base URL, user and company from the SuperOffice claims', () => {
		const id = identityFromClaims(claims({ ...SOD, email: 'ada@example.com', upn: 'ada@upn', company_name: 'Analytical Engines' }));
		assert.deepEqual(id, {
			subject: 'sub-7',
			tenant: 'Cust26759',
			baseUrl: 'https://sod2.superoffice.com/Cust26759',
			userName: 'ada@example.com',
			companyName: 'Analytical Engines',
		});
	});

	it('falls back from e-mail to UPN to subject for the user name', () => {
		assert.equal(identityFromClaims(claims({ ...SOD, upn: 'ada@upn' })).userName, 'ada@upn');
		assert.equal(identityFromClaims(claims({ ...SOD, email: '  ', upn: 'ada@upn' })).userName, 'ada@upn');
		assert.equal(identityFromClaims(claims(SOD)).userName, 'sub-7');
		assert.equal(identityFromClaims(claims({ ...SOD, upn: '' })).userName, 'sub-7');
	});

	it('leaves companyName out when the claim is missing or blank', () => {
		assert.ok(!('companyName' in identityFromClaims(claims(SOD))));
		assert.ok(!('companyName' in identityFromClaims(claims({ ...SOD, company_name: ' ' }))));
	});

	it('refuses claims without a usable tenant', () => {
		for (const ctx of [undefined, '', 42, 'Cust 1', 'Cust1/../x', 'C'.repeat(65)]) {
			const e = throwsKind(() => identityFromClaims(claims({ ...SOD, ctx })), 'invalidIdToken');
			assert.equal(e.check, 'claims', String(ctx));
		}
	});

	it('does not take ctx without the SuperOffice prefix', () => {
		const c = claims({ webapi_url: SOD.webapi_url }, { ctx: 'Cust26759' });
		assert.equal(throwsKind(() => identityFromClaims(c), 'invalidIdToken').check, 'claims');
	});

	it('refuses a missing or non-https webapi_url', () => {
		for (const url of [
			undefined,
			'',
			'not a url',
			'http://sod2.superoffice.com/Cust26759/api/',
			'ftp://sod2.superoffice.com/Cust26759',
			'javascript:alert(1)',
		]) {
			const e = throwsKind(() => identityFromClaims(claims({ ...SOD, webapi_url: url })), 'invalidIdToken');
			assert.equal(e.check, 'claims', String(url));
		}
	});

	it('allows http only for a loopback API (a local test provider)', () => {
		assert.equal(
			identityFromClaims(claims({ ...SOD, webapi_url: 'http://127.0.0.1:8123/Cust26759/api/' })).baseUrl,
			'http://127.0.0.1:8123/Cust26759',
		);
	});

	it('refuses a webapi_url with a query as an invalid id_token, not with an ApiError', () => {
		for (const url of ['https://sod2.superoffice.com/Cust26759/api/?x=1', 'https://u:p@sod2.superoffice.com/Cust26759/api/']) {
			let thrown: unknown;
			try {
				identityFromClaims(claims({ ...SOD, webapi_url: url }));
			} catch (e) {
				thrown = e;
			}
			assert.ok(thrown instanceof OnlineAuthError, `${url}: ${String(thrown)}`);
			assert.equal(thrown.kind, 'invalidIdToken');
			assert.equal(thrown.check, 'claims');
		}
	});
});
