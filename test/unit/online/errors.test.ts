import * as assert from 'node:assert/strict';
import { OnlineAuthError, isOnlineAuthError } from '../../../src/online';
import { fetchFailure } from '../../../src/online/errors';

describe('online/errors', () => {
	it('keeps kind and only the details that were given', () => {
		const e = new OnlineAuthError('token', 'The token endpoint refused the request.', { status: 400, oauthError: 'invalid_grant' });
		assert.equal(e.name, 'OnlineAuthError');
		assert.equal(e.kind, 'token');
		assert.equal(e.status, 400);
		assert.equal(e.oauthError, 'invalid_grant');
		assert.equal(e.check, undefined);
		assert.equal(e.tenantState, undefined);
		assert.equal(e.description, undefined);
		assert.ok(e instanceof Error);
	});

	it('recognises its errors, also across module copies, and nothing else', () => {
		assert.ok(isOnlineAuthError(new OnlineAuthError('denied', 'x')));
		const copy = Object.assign(new Error('x'), { name: 'OnlineAuthError', kind: 'timeout' });
		assert.ok(isOnlineAuthError(copy));
		for (const v of [
			new Error('x'),
			Object.assign(new Error('x'), { name: 'OnlineAuthError' }),
			{ name: 'OnlineAuthError', kind: 'x' },
			undefined,
			'OnlineAuthError',
		]) {
			assert.ok(!isOnlineAuthError(v), String(v));
		}
	});

	it('maps fetch failures to cancelled, timeout and network', () => {
		assert.equal(fetchFailure(new DOMException('aborted', 'AbortError'), 'Reading').kind, 'cancelled');
		assert.equal(fetchFailure(new DOMException('timed out', 'TimeoutError'), 'Reading').kind, 'timeout');
		const refused = fetchFailure(
			new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }),
			'Reading',
		);
		assert.equal(refused.kind, 'network');
		assert.equal(refused.message, 'Reading failed: ECONNREFUSED.');
		assert.equal(fetchFailure('weird', 'Reading').kind, 'network');
	});
});
