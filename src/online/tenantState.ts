// The tenant state API (GET https://{env}.superoffice.com/api/state/{ctx}): where a tenant's API lives now, and
// whether it can be used. Asked after HTTP 421 and when the stored answer's ValidUntil has passed.
import { normalizeBaseUrl } from '../api';
import { fetchJson } from './discovery';
import { isAcceptableUrl } from './environments';
import { OnlineAuthError } from './errors';

/** The numeric State values; the API may send either the number or the name. */
export const TENANT_STATE_NAMES: Readonly<Record<number, string>> = {
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
};

export interface TenantState {
	tenant: string;
	/** The site URL to call, normalised (e.g. https://sod2.superoffice.com/Cust12345). */
	baseUrl?: string;
	/** The State name, e.g. Running, OfflineMaintenance. */
	state: string;
	isRunning: boolean;
	/** Epoch ms after which the answer must be asked again; undefined when not given. */
	validUntil?: number;
}

export function stateApiUrl(stateApiOrigin: string, tenant: string): string {
	return `${stateApiOrigin.replace(/\/+$/, '')}/api/state/${encodeURIComponent(tenant)}`;
}

function stateName(v: unknown): string {
	if (typeof v === 'number') return TENANT_STATE_NAMES[v] ?? 'Unknown';
	if (typeof v === 'string' && /^\d+$/.test(v)) return TENANT_STATE_NAMES[Number(v)] ?? 'Unknown';
	return typeof v === 'string' && v !== '' ? v : 'Unknown';
}

export function parseTenantState(json: unknown, tenant: string): TenantState {
	const o = (json ?? {}) as Record<string, unknown>;
	if (typeof json !== 'object' || json === null) throw new OnlineAuthError('tenantState', 'The tenant state service answered nonsense.');
	const state = stateName(o.State);
	// IsRunning is authoritative when present (true for Running and OnlineMaintenance).
	const isRunning = typeof o.IsRunning === 'boolean' ? o.IsRunning : state === 'Running' || state === 'OnlineMaintenance';
	const s: TenantState = {
		tenant: typeof o.ContextIdentifier === 'string' && o.ContextIdentifier ? o.ContextIdentifier : tenant,
		state,
		isRunning,
	};
	for (const candidate of [o.Endpoint, o.Api]) {
		if (!isAcceptableUrl(candidate)) continue;
		try {
			s.baseUrl = normalizeBaseUrl(candidate);
			break;
		} catch {
			// Not a usable site URL (query, user info): try the next field.
		}
	}
	const until = typeof o.ValidUntil === 'string' ? Date.parse(o.ValidUntil) : NaN;
	if (Number.isFinite(until)) s.validUntil = until;
	return s;
}

export async function fetchTenantState(
	stateApiOrigin: string,
	tenant: string,
	fetchFn: typeof fetch,
	signal?: AbortSignal,
): Promise<TenantState> {
	try {
		return parseTenantState(await fetchJson(stateApiUrl(stateApiOrigin, tenant), "Asking for the tenant's state", fetchFn, signal), tenant);
	} catch (e) {
		if (e instanceof OnlineAuthError && e.kind === 'discovery') {
			throw new OnlineAuthError('tenantState', e.message, { tenant, ...(e.status ? { status: e.status } : {}) });
		}
		throw e;
	}
}

/** The base URL to use, or OnlineAuthError('tenantUnavailable') naming the state when the tenant cannot be used. */
export function usableBaseUrl(s: TenantState): string {
	if (!s.isRunning) {
		throw new OnlineAuthError('tenantUnavailable', `The tenant ${s.tenant} is not available (state: ${s.state}).`, {
			tenantState: s.state,
			tenant: s.tenant,
		});
	}
	if (!s.baseUrl) throw new OnlineAuthError('tenantState', `The tenant state service gave no address for ${s.tenant}.`);
	return s.baseUrl;
}
