// The provider's discovery document (`/.well-known/openid-configuration`), checked before it is trusted.
import { OnlineAuthError, fetchFailure } from './errors';
import { isAcceptableUrl } from './environments';

export interface ProviderMetadata {
	issuer: string;
	authorizationEndpoint: string;
	tokenEndpoint: string;
	jwksUri: string;
	revocationEndpoint?: string;
}

export function discoveryUrl(authority: string): string {
	return `${authority.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

/** Reads the fields the sign-in needs; every endpoint must be https (or http on loopback). */
export function parseMetadata(json: unknown): ProviderMetadata {
	const o = (json ?? {}) as Record<string, unknown>;
	const need = (key: string): string => {
		const v = o[key];
		if (!isAcceptableUrl(v)) {
			throw new OnlineAuthError('discovery', `The provider's discovery document has no usable ${key}.`);
		}
		return v;
	};
	if (typeof o.issuer !== 'string' || o.issuer === '') {
		throw new OnlineAuthError('discovery', "The provider's discovery document has no issuer.");
	}
	const m: ProviderMetadata = {
		issuer: o.issuer,
		authorizationEndpoint: need('authorization_endpoint'),
		tokenEndpoint: need('token_endpoint'),
		jwksUri: need('jwks_uri'),
	};
	if (isAcceptableUrl(o.revocation_endpoint)) m.revocationEndpoint = o.revocation_endpoint;
	return m;
}

export async function fetchJson(url: string, what: string, fetchFn: typeof fetch, signal?: AbortSignal): Promise<unknown> {
	let res: Response;
	try {
		res = await fetchFn(url, { headers: { Accept: 'application/json' }, redirect: 'error', signal });
	} catch (e) {
		throw fetchFailure(e, what);
	}
	const text = await res.text();
	if (!res.ok) throw new OnlineAuthError('discovery', `${what} answered HTTP ${res.status}.`, { status: res.status });
	try {
		return JSON.parse(text);
	} catch {
		throw new OnlineAuthError('discovery', `${what} did not answer JSON.`, { status: res.status });
	}
}

export async function discover(authority: string, fetchFn: typeof fetch, signal?: AbortSignal): Promise<ProviderMetadata> {
	return parseMetadata(await fetchJson(discoveryUrl(authority), 'Reading the sign-in configuration', fetchFn, signal));
}
