// Where a SuperOffice Online sign-in goes: the three environments or a custom authority URL, and the tenant
// state API beside each. Authentication hosts (sod/qaonline/online) are never used for API calls.
import { isLoopbackHost } from '../api';
import { OnlineAuthError } from './errors';

export type OnlineEnvironmentId = 'sod' | 'qaonline' | 'online';
export const ONLINE_ENVIRONMENTS: readonly OnlineEnvironmentId[] = ['sod', 'qaonline', 'online'];

export interface OnlineEnvironment {
	/** 'sod' | 'qaonline' | 'online', or 'custom' for an authority URL the user gave. */
	id: OnlineEnvironmentId | 'custom';
	/** The OpenID authority: discovery is at `${authority}/.well-known/openid-configuration`. */
	authority: string;
	/** Origin of the tenant state API: GET `${stateApiOrigin}/api/state/{ctx}`. */
	stateApiOrigin: string;
}

export function isEnvironmentId(v: unknown): v is OnlineEnvironmentId {
	return typeof v === 'string' && (ONLINE_ENVIRONMENTS as readonly string[]).includes(v);
}

/** `sod` → https://sod.superoffice.com/login etc. */
export function builtInEnvironment(id: OnlineEnvironmentId): OnlineEnvironment {
	const origin = `https://${id}.superoffice.com`;
	return { id, authority: `${origin}/login`, stateApiOrigin: origin };
}

/**
 * A custom authority URL: https, or http only to a loopback host (a local provider). Trailing slashes and a pasted
 * `/.well-known/openid-configuration` are dropped. The state API is looked for on the same origin.
 */
export function customEnvironment(input: string): OnlineEnvironment {
	const text = (input ?? '').trim();
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new OnlineAuthError('invalid', 'The authority is not a valid URL.');
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
		throw new OnlineAuthError('invalid', 'The authority must start with https:// (http:// only for 127.0.0.1 or localhost).');
	}
	if (url.username || url.password || url.search || url.hash) {
		throw new OnlineAuthError('invalid', 'The authority must not contain a user name, password, query or fragment.');
	}
	const path = url.pathname.replace(/\/\.well-known\/openid-configuration\/?$/, '').replace(/\/+$/, '');
	return { id: 'custom', authority: `${url.origin}${path}`, stateApiOrigin: url.origin };
}

/** The environment a stored authority belongs to (built-in when it is one of the three). */
export function environmentOfAuthority(authority: string): OnlineEnvironment {
	const builtIn = ONLINE_ENVIRONMENTS.map(builtInEnvironment).find((e) => e.authority === authority);
	return builtIn ?? customEnvironment(authority);
}

/** URLs a provider hands out (endpoints, webapi_url) must be https, or http on loopback. */
export function isAcceptableUrl(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	try {
		const u = new URL(value);
		return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackHost(u.hostname));
	} catch {
		return false;
	}
}
