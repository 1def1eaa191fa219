import * as assert from 'node:assert/strict';
import { buildAuthorizeUrl } from '../../../src/online';

const BASE = {
	clientId: 'client-1',
	redirectUri: 'http://127.0.0.1:50123',
	state: 'st-1',
	nonce: 'no-1',
	challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
};

describe('online/signInFlow buildAuthorizeUrl', () => {
	it('sets every parameter of a code flow with PKCE', () => {
		const url = new URL(
			buildAuthorizeUrl('https://sod.superoffice.com/login/common/oauth/authorize', {
				...BASE,
				tenant: 'Cust1',
				loginHint: 'ada@example.com',
			}),
		);
		assert.equal(`${url.origin}${url.pathname}`, 'https://sod.superoffice.com/login/common/oauth/authorize');
		assert.deepEqual(Object.fromEntries(url.searchParams), {
			client_id: 'client-1',
			response_type: 'code',
			scope: 'openid',
			redirect_uri: 'http://127.0.0.1:50123',
			state: 'st-1',
			nonce: 'no-1',
			code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
			code_challenge_method: 'S256',
			acr_values: 'tenant:Cust1',
			login_hint: 'ada@example.com',
		});
	});

	it('leaves out acr_values and login_hint when not given', () => {
		const q = new URL(
			buildAuthorizeUrl('https://sod.superoffice.com/login/common/oauth/authorize', { ...BASE, tenant: '', loginHint: undefined }),
		).searchParams;
		assert.equal(q.has('acr_values'), false);
		assert.equal(q.has('login_hint'), false);
		assert.equal(q.get('response_type'), 'code');
	});

	it('keeps query parameters the endpoint already has', () => {
		const q = new URL(buildAuthorizeUrl('https://id.example.com/authorize?p=B2C_1_signin&ui=dark', BASE)).searchParams;
		assert.equal(q.get('p'), 'B2C_1_signin');
		assert.equal(q.get('ui'), 'dark');
		assert.equal(q.get('client_id'), 'client-1');
		assert.equal(q.get('code_challenge_method'), 'S256');
	});

	it('encodes values so they cannot add parameters', () => {
		const url = buildAuthorizeUrl('https://sod.superoffice.com/authorize', { ...BASE, loginHint: 'a&scope=admin b', tenant: 'Cust1&x=1' });
		const q = new URL(url).searchParams;
		assert.equal(q.get('login_hint'), 'a&scope=admin b');
		assert.equal(q.get('acr_values'), 'tenant:Cust1&x=1');
		assert.deepEqual(q.getAll('scope'), ['openid']);
		assert.equal(q.has('x'), false);
	});
});
