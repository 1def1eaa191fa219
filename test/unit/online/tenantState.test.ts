import * as assert from 'node:assert/strict';
import { OnlineAuthError, TENANT_STATE_NAMES, type TenantState, fetchTenantState, usableBaseUrl } from '../../../src/online';
import { parseTenantState, stateApiUrl } from '../../../src/online/tenantState';
import { type TinyServer, closedPort, rejectsKind, sendJson, startTinyServer, throwsKind } from './helpers';

const RUNNING = {
	ContextIdentifier: 'Cust1',
	Endpoint: 'https://sod2.superoffice.com/Cust1',
	State: 'Running',
	IsRunning: true,
	ValidUntil: '2026-03-01T13:00:00Z',
	Api: 'https://sod2.superoffice.com/Cust1/api',
	Version: '11.1',
};

describe('online/tenantState', () => {
	describe('parseTenantState', () => {
		it('reads a running tenant', () => {
			assert.deepEqual(parseTenantState(RUNNING, 'Cust1'), {
				tenant: 'Cust1',
				baseUrl: 'https://sod2.superoffice.com/Cust1',
				state: 'Running',
				isRunning: true,
				validUntil: Date.parse('2026-03-01T13:00:00Z'),
			});
		});

		it('reads State as a name, a number or a numeric string', () => {
			assert.equal(parseTenantState({ ...RUNNING, State: 'OfflineMaintenance' }, 'Cust1').state, 'OfflineMaintenance');
			assert.equal(parseTenantState({ ...RUNNING, State: 6 }, 'Cust1').state, 'OfflineMaintenance');
			assert.equal(parseTenantState({ ...RUNNING, State: '4' }, 'Cust1').state, 'Suspended');
			assert.equal(parseTenantState({ ...RUNNING, State: 2 }, 'Cust1').state, 'Running');
			assert.equal(parseTenantState({ ...RUNNING, State: 7 }, 'Cust1').state, 'Unknown');
			assert.equal(parseTenantState({ ...RUNNING, State: undefined }, 'Cust1').state, 'Unknown');
		});

		it('knows every documented State value', () => {
			assert.deepEqual(TENANT_STATE_NAMES, {
				0: 'Unknown',
				1: 'Provisioning',
				2: 'Running',
				3: 'Deleted',
				4: 'Suspended',
				5: 'OnlineMaintenance',
				6: 'OfflineMaintenance',
				8: 'ProvisioningFailed',
				10: 'Deleting',
				11: 'DeleteFailed',
				12: 'MigrationPending',
			});
		});

		it('takes IsRunning as authoritative', () => {
			assert.equal(parseTenantState({ ...RUNNING, State: 'Running', IsRunning: false }, 'Cust1').isRunning, false);
			assert.equal(parseTenantState({ ...RUNNING, State: 'Provisioning', IsRunning: true }, 'Cust1').isRunning, true);
		});

		it('derives isRunning from State when IsRunning is missing', () => {
			const without = (State: unknown): boolean => parseTenantState({ ...RUNNING, IsRunning: undefined, State }, 'Cust1').isRunning;
			assert.equal(without('Running'), true);
			assert.equal(without(5), true, 'OnlineMaintenance');
			assert.equal(without(6), false, 'OfflineMaintenance');
			assert.equal(without('Suspended'), false);
		});

		it('normalises the endpoint, falls back to Api, and ignores insecure ones', () => {
			assert.equal(
				parseTenantState({ ...RUNNING, Endpoint: 'https://sod2.superoffice.com/Cust1/api/' }, 'Cust1').baseUrl,
				'https://sod2.superoffice.com/Cust1',
			);
			assert.equal(
				parseTenantState({ ...RUNNING, Endpoint: 'https://SOD2.superoffice.com/Cust1/' }, 'Cust1').baseUrl,
				'https://sod2.superoffice.com/Cust1',
			);
			assert.equal(parseTenantState({ ...RUNNING, Endpoint: undefined }, 'Cust1').baseUrl, 'https://sod2.superoffice.com/Cust1');
			const insecure = parseTenantState({ ...RUNNING, Endpoint: 'http://sod2.superoffice.com/Cust1', Api: undefined }, 'Cust1');
			assert.ok(!('baseUrl' in insecure));
		});

		it('leaves validUntil out when missing or unparseable', () => {
			assert.ok(!('validUntil' in parseTenantState({ ...RUNNING, ValidUntil: undefined }, 'Cust1')));
			assert.ok(!('validUntil' in parseTenantState({ ...RUNNING, ValidUntil: 'tomorrow' }, 'Cust1')));
		});

		it('uses the asked tenant when the answer does not name one', () => {
			assert.equal(parseTenantState({ ...RUNNING, ContextIdentifier: undefined }, 'Cust9').tenant, 'Cust9');
		});

		it('maps an Endpoint with a query or credentials to a tenantState error, not an ApiError', () => {
			for (const Endpoint of ['https://sod2.superoffice.com/Cust1?x=1', 'https://u:p@sod2.superoffice.com/Cust1']) {
				let thrown: unknown;
				try {
					parseTenantState({ ...RUNNING, Endpoint, Api: undefined }, 'Cust1');
				} catch (e) {
					thrown = e;
				}
				assert.ok(
					thrown === undefined || (thrown instanceof OnlineAuthError && thrown.kind === 'tenantState'),
					`${Endpoint}: ${String(thrown)}`,
				);
			}
		});

		it('refuses an answer that is not an object', () => {
			for (const v of [null, undefined, 'Running', 42]) throwsKind(() => parseTenantState(v, 'Cust1'), 'tenantState');
		});
	});

	describe('usableBaseUrl', () => {
		it('returns the base URL of a running tenant', () => {
			assert.equal(usableBaseUrl(parseTenantState(RUNNING, 'Cust1')), 'https://sod2.superoffice.com/Cust1');
			assert.equal(
				usableBaseUrl(parseTenantState({ ...RUNNING, State: 'OnlineMaintenance', IsRunning: true }, 'Cust1')),
				'https://sod2.superoffice.com/Cust1',
			);
		});

		it('refuses a tenant that is not running, naming its state', () => {
			for (const State of ['OfflineMaintenance', 'Suspended', 'Deleted', 'Provisioning', 'MigrationPending']) {
				const e = throwsKind(() => usableBaseUrl(parseTenantState({ ...RUNNING, State, IsRunning: false }, 'Cust1')), 'tenantUnavailable');
				assert.equal(e.tenantState, State);
				assert.match(e.message, new RegExp(State));
			}
		});

		it('refuses a running tenant without an address', () => {
			const s: TenantState = { tenant: 'Cust1', state: 'Running', isRunning: true };
			throwsKind(() => usableBaseUrl(s), 'tenantState');
		});
	});

	describe('fetchTenantState over HTTP', () => {
		let server: TinyServer;
		beforeEach(async () => {
			server = await startTinyServer();
		});
		afterEach(() => server.close());

		it('builds the state API URL', () => {
			assert.equal(stateApiUrl('https://sod.superoffice.com/', 'Cust1'), 'https://sod.superoffice.com/api/state/Cust1');
			assert.equal(stateApiUrl('https://sod.superoffice.com', 'a/b'), 'https://sod.superoffice.com/api/state/a%2Fb');
		});

		it('asks GET /api/state/{ctx} and parses the answer', async () => {
			server.respond((req, res) =>
				req.url === '/api/state/Cust1' ? sendJson(res, 200, { ...RUNNING, State: 5 }) : sendJson(res, 404, {}),
			);
			const s = await fetchTenantState(server.origin, 'Cust1', fetch);
			assert.equal(s.state, 'OnlineMaintenance');
			assert.equal(s.baseUrl, 'https://sod2.superoffice.com/Cust1');
			assert.deepEqual(
				server.received.map((r) => `${r.method} ${r.url}`),
				['GET /api/state/Cust1'],
			);
		});

		it('maps a 404 to a tenantState error with the status', async () => {
			server.respond((_req, res) => sendJson(res, 404, { Message: 'not found' }));
			const e = await rejectsKind(fetchTenantState(server.origin, 'Cust404', fetch), 'tenantState');
			assert.equal(e.status, 404);
		});

		it('maps an answer that is not JSON to tenantState', async () => {
			server.respond((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>maintenance</html>'));
			await rejectsKind(fetchTenantState(server.origin, 'Cust1', fetch), 'tenantState');
		});

		it('maps a refused connection to network', async () => {
			await rejectsKind(fetchTenantState(`http://127.0.0.1:${await closedPort()}`, 'Cust1', fetch), 'network');
		});
	});
});
