import * as assert from 'node:assert/strict';
import { discover, discoveryUrl, parseMetadata } from '../../../src/online';
import { type TinyServer, closedPort, rejectsKind, sendJson, startTinyServer, throwsKind } from './helpers';

const SOD = {
	issuer: 'https://sod.superoffice.com',
	authorization_endpoint: 'https://sod.superoffice.com/login/common/oauth/authorize',
	token_endpoint: 'https://sod.superoffice.com/login/common/oauth/tokens',
	jwks_uri: 'https://sod.superoffice.com/login/.well-known/jwks',
	revocation_endpoint: 'https://sod.superoffice.com/login/common/oauth/revoke',
	scopes_supported: ['openid'],
};

describe('online/discovery', () => {
	it('builds the discovery URL from the authority', () => {
		assert.equal(discoveryUrl('https://sod.superoffice.com/login'), 'https://sod.superoffice.com/login/.well-known/openid-configuration');
		assert.equal(discoveryUrl('https://sod.superoffice.com/login//'), 'https://sod.superoffice.com/login/.well-known/openid-configuration');
	});

	it('reads the fields of SuperOffice metadata', () => {
		assert.deepEqual(parseMetadata(SOD), {
			issuer: 'https://sod.superoffice.com',
			authorizationEndpoint: SOD.authorization_endpoint,
			tokenEndpoint: SOD.token_endpoint,
			jwksUri: SOD.jwks_uri,
			revocationEndpoint: SOD.revocation_endpoint,
		});
	});

	it('does without a revocation endpoint, and ignores an insecure one', () => {
		assert.ok(!('revocationEndpoint' in parseMetadata({ ...SOD, revocation_endpoint: undefined })));
		assert.ok(!('revocationEndpoint' in parseMetadata({ ...SOD, revocation_endpoint: 'http://sod.superoffice.com/revoke' })));
	});

	it('refuses a document without issuer or with a missing endpoint', () => {
		for (const key of ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri']) {
			const e = throwsKind(() => parseMetadata({ ...SOD, [key]: undefined }), 'discovery');
			assert.match(e.message, key === 'issuer' ? /issuer/ : new RegExp(key));
		}
		throwsKind(() => parseMetadata({ ...SOD, issuer: '' }), 'discovery');
		throwsKind(() => parseMetadata(null), 'discovery');
		throwsKind(() => parseMetadata('nonsense'), 'discovery');
	});

	it('refuses endpoints over http to a host that is not loopback', () => {
		for (const key of ['authorization_endpoint', 'token_endpoint', 'jwks_uri']) {
			throwsKind(
				() => parseMetadata({ ...SOD, [key]: String((SOD as Record<string, unknown>)[key]).replace('https:', 'http:') }),
				'discovery',
			);
		}
	});

	it('accepts http endpoints on loopback (a local provider)', () => {
		const local = 'http://127.0.0.1:4000';
		const m = parseMetadata({
			issuer: local,
			authorization_endpoint: `${local}/authorize`,
			token_endpoint: `${local}/token`,
			jwks_uri: `${local}/jwks`,
		});
		assert.equal(m.tokenEndpoint, `${local}/token`);
	});

	describe('discover() over HTTP', () => {
		let server: TinyServer;
		beforeEach(async () => {
			server = await startTinyServer();
		});
		afterEach(() => server.close());

		it('reads the document at {authority}/.well-known/openid-configuration', async () => {
			const o = server.origin;
			server.respond((req, res) =>
				req.url === '/login/.well-known/openid-configuration'
					? sendJson(res, 200, { issuer: o, authorization_endpoint: `${o}/a`, token_endpoint: `${o}/t`, jwks_uri: `${o}/k` })
					: sendJson(res, 404, {}),
			);
			const m = await discover(`${o}/login`, fetch);
			assert.deepEqual(m, { issuer: o, authorizationEndpoint: `${o}/a`, tokenEndpoint: `${o}/t`, jwksUri: `${o}/k` });
			assert.equal(server.received.length, 1);
			assert.equal(server.received[0].method, 'GET');
			assert.equal(server.received[0].headers.accept, 'application/json');
		});

		it('reports an HTTP error with its status', async () => {
			server.respond((_req, res) => sendJson(res, 404, { error: 'nope' }));
			const e = await rejectsKind(discover(`${server.origin}/login`, fetch), 'discovery');
			assert.equal(e.status, 404);
		});

		it('reports an answer that is not JSON', async () => {
			server.respond((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>login</html>'));
			await rejectsKind(discover(`${server.origin}/login`, fetch), 'discovery');
		});

		it('refuses a document whose endpoints are insecure', async () => {
			server.respond((_req, res) => sendJson(res, 200, { ...SOD, token_endpoint: 'http://sod.superoffice.com/t' }));
			await rejectsKind(discover(`${server.origin}/login`, fetch), 'discovery');
		});

		it('does not follow redirects', async () => {
			server.respond((req, res) => {
				if (req.url === '/elsewhere') return sendJson(res, 200, SOD);
				res.writeHead(302, { Location: '/elsewhere' }).end();
			});
			await assert.rejects(discover(`${server.origin}/login`, fetch));
			assert.deepEqual(
				server.received.map((r) => r.url),
				['/login/.well-known/openid-configuration'],
			);
		});

		it('reports a refused connection as a network failure', async () => {
			await rejectsKind(discover(`http://127.0.0.1:${await closedPort()}/login`, fetch), 'network');
		});

		it('reports a cancelled request', async () => {
			const ac = new AbortController();
			ac.abort();
			await rejectsKind(discover(`${server.origin}/login`, fetch, ac.signal), 'cancelled');
		});
	});
});
