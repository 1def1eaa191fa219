import * as assert from 'node:assert/strict';
import { type TokenSet, needsRefresh, refreshDueAt } from '../../../src/online';
import { DEFAULT_EXPIRES_IN_SECONDS, parseTokenResponse } from '../../../src/online/tokens';
import { throwsKind } from './helpers';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('online/tokens', () => {
	describe('parseTokenResponse', () => {
		it('reads a SuperOffice token response', () => {
			const t = parseTokenResponse(
				{ token_type: 'Bearer', access_token: '8A:Cust1.abc', expires_in: 3600, refresh_token: 'r-1', id_token: 'h.p.s' },
				NOW,
			);
			assert.deepEqual(t, {
				accessToken: '8A:Cust1.abc',
				refreshToken: 'r-1',
				idToken: 'h.p.s',
				issuedAt: NOW,
				expiresAt: NOW + 3_600_000,
			});
		});

		it('reads expires_in as a number or a string', () => {
			assert.equal(parseTokenResponse({ access_token: 'a', expires_in: 10 }, NOW).expiresAt, NOW + 10_000);
			assert.equal(parseTokenResponse({ access_token: 'a', expires_in: '600' }, NOW).expiresAt, NOW + 600_000);
		});

		it('assumes an hour when expires_in is missing or unusable', () => {
			assert.equal(DEFAULT_EXPIRES_IN_SECONDS, 3600);
			for (const expires_in of [undefined, null, '', 'soon', 0, -5, Number.NaN, {}]) {
				assert.equal(parseTokenResponse({ access_token: 'a', expires_in }, NOW).expiresAt, NOW + 3_600_000, String(expires_in));
			}
		});

		it('keeps the previous refresh token when the response has none', () => {
			const previous: TokenSet = { accessToken: 'old', refreshToken: 'r-keep', issuedAt: 0, expiresAt: 1 };
			assert.equal(parseTokenResponse({ access_token: 'new' }, NOW, previous).refreshToken, 'r-keep');
			assert.equal(parseTokenResponse({ access_token: 'new', refresh_token: '' }, NOW, previous).refreshToken, 'r-keep');
			assert.equal(parseTokenResponse({ access_token: 'new', refresh_token: 'r-new' }, NOW, previous).refreshToken, 'r-new');
			assert.ok(!('refreshToken' in parseTokenResponse({ access_token: 'new' }, NOW)));
			assert.ok(!('idToken' in parseTokenResponse({ access_token: 'new', id_token: '' }, NOW)));
		});

		it('accepts bearer in any case, or no token_type', () => {
			for (const token_type of ['Bearer', 'bearer', 'BEARER', undefined]) {
				assert.equal(parseTokenResponse({ access_token: 'a', token_type }, NOW).accessToken, 'a');
			}
		});

		it('refuses other token types', () => {
			for (const token_type of ['mac', 'DPoP', 'N_A']) {
				throwsKind(() => parseTokenResponse({ access_token: 'a', token_type }, NOW), 'token');
			}
		});

		it('refuses a response without a usable access token, without echoing it', () => {
			for (const access_token of [undefined, '', 42, 'has space', 'line\nbreak', 'non-ascii-é']) {
				const e = throwsKind(() => parseTokenResponse({ access_token, token_type: 'Bearer' }, NOW), 'token');
				if (typeof access_token === 'string' && access_token !== '') assert.ok(!e.message.includes(access_token), e.message);
			}
			throwsKind(() => parseTokenResponse(null, NOW), 'token');
			throwsKind(() => parseTokenResponse('a', NOW), 'token');
		});
	});

	describe('refresh arithmetic', () => {
		const span = (seconds: number): TokenSet => ({ accessToken: 'a', issuedAt: NOW, expiresAt: NOW + seconds * 1000 });

		it('refreshes an hour-long token 5 minutes before expiry', () => {
			const t = span(3600);
			assert.equal(refreshDueAt(t), NOW + 3_300_000);
			assert.ok(!needsRefresh(t, NOW + 3_300_000 - 1));
			assert.ok(needsRefresh(t, NOW + 3_300_000), 'exactly at the boundary');
			assert.ok(needsRefresh(t, NOW + 3_600_000 + 1), 'after expiry');
		});

		it('refreshes a 10-second token 2 seconds before expiry', () => {
			const t = span(10);
			assert.equal(refreshDueAt(t), NOW + 8000);
			assert.ok(!needsRefresh(t, NOW + 7999));
			assert.ok(needsRefresh(t, NOW + 8000));
		});

		it('caps the margin at 5 minutes once 20 % of the life is longer', () => {
			assert.equal(refreshDueAt(span(1500)), NOW + 1_500_000 - 300_000);
			assert.equal(refreshDueAt(span(1000)), NOW + 1_000_000 - 200_000);
			assert.equal(refreshDueAt(span(86_400)), NOW + 86_400_000 - 300_000);
		});

		it('treats a token that expires at or before it was issued as due', () => {
			assert.ok(needsRefresh({ issuedAt: NOW, expiresAt: NOW }, NOW));
			assert.ok(needsRefresh({ issuedAt: NOW, expiresAt: NOW - 1000 }, NOW));
		});

		it('does not refresh a fresh token', () => {
			assert.ok(!needsRefresh(span(3600), NOW));
			assert.ok(!needsRefresh(parseTokenResponse({ access_token: 'a' }, NOW), NOW + 60_000));
		});
	});
});
