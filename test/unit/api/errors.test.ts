import * as assert from 'node:assert/strict';
import { ApiError, parseRetryAfter } from '../../../src/api';
import { errorFromResponse, kindForStatus, parseErrorBody } from '../../../src/api/errors';

describe('errors', () => {
	it('maps statuses to kinds', () => {
		const table: [number, string][] = [
			[400, 'invalid'],
			[401, 'unauthorized'],
			[403, 'forbidden'],
			[404, 'notFound'],
			[408, 'timeout'],
			[409, 'conflict'],
			[412, 'conflict'],
			[413, 'invalid'],
			[421, 'misdirected'],
			[429, 'rateLimited'],
			[500, 'server'],
			[503, 'server'],
			[304, 'badResponse'],
		];
		for (const [status, kind] of table) assert.equal(kindForStatus(status), kind, `status ${status}`);
	});

	describe('parseRetryAfter', () => {
		const now = Date.parse('2026-01-01T12:00:00Z');
		it('reads delta-seconds', () => {
			assert.equal(parseRetryAfter('7', now), 7000);
			assert.equal(parseRetryAfter(' 0 ', now), 0);
		});
		it('reads an HTTP date', () => {
			assert.equal(parseRetryAfter('Thu, 01 Jan 2026 12:00:30 GMT', now), 30000);
		});
		it('never returns a negative delay for a date in the past', () => {
			assert.equal(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now), 0);
		});
		it('ignores absent or malformed values', () => {
			for (const v of [null, undefined, '', '-3', '1.5', 'soon', '12abc']) assert.equal(parseRetryAfter(v, now), undefined, String(v));
		});
	});

	describe('parseErrorBody', () => {
		it('reads the official error body', () => {
			assert.deepEqual(
				parseErrorBody('{"Error":true,"ErrorType":"SoNotFoundException","ErrorMessage":"Chat session 9 not found","ErrorSource":"S"}'),
				{
					Error: true,
					ErrorType: 'SoNotFoundException',
					ErrorMessage: 'Chat session 9 not found',
					ErrorSource: 'S',
				},
			);
		});
		it('tolerates HTML, arrays and garbage', () => {
			for (const t of ['<html>401</html>', '[1]', '{oops', '', 'null']) assert.equal(parseErrorBody(t), undefined, t);
		});
	});

	describe('errorFromResponse', () => {
		const base = {
			path: '/Cust1/api/v1/ChatSession/5/Messages',
			bodyText: '',
			retryAfter: null,
			redact: (t: string) => t.replace('s3cret', '***'),
		};
		it('marks transient failures of a GET retryable, never of a POST', () => {
			for (const status of [429, 500, 502, 503]) {
				assert.equal(errorFromResponse({ ...base, method: 'GET', status }).retryable, true, `GET ${status}`);
				assert.equal(errorFromResponse({ ...base, method: 'POST', status }).retryable, false, `POST ${status}`);
			}
			for (const status of [400, 401, 403, 404, 409, 421]) {
				assert.equal(errorFromResponse({ ...base, method: 'GET', status }).retryable, false, `GET ${status}`);
			}
		});
		it('carries ErrorType, a redacted server message and Retry-After', () => {
			const e = errorFromResponse({
				...base,
				method: 'GET',
				status: 503,
				retryAfter: '12',
				bodyText: JSON.stringify({ Error: true, ErrorType: 'SoException', ErrorMessage: 'ticket s3cret is bad' }),
			});
			assert.ok(e instanceof ApiError);
			assert.equal(e.kind, 'server');
			assert.equal(e.status, 503);
			assert.equal(e.errorType, 'SoException');
			assert.equal(e.serverMessage, 'ticket *** is bad');
			assert.equal(e.retryAfterMs, 12000);
			assert.equal(e.method, 'GET');
			assert.equal(e.path, base.path);
			assert.ok(!e.message.includes('s3cret'));
			assert.match(e.message, /HTTP 503/);
		});
	});
});
