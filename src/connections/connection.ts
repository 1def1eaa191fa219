// A connection profile as stored in the `superofficeChat.connections` user setting. Never holds a secret.
import { randomUUID } from 'crypto';

export type AuthScheme = 'basic' | 'soticket' | 'bearer' | 'online';
/** The schemes whose credentials a person types in (Online signs in through the browser). */
export type TypedAuthScheme = Exclude<AuthScheme, 'online'>;
export type TypedCredentialsConnection = Connection & { auth: TypedAuthScheme };

export function hasTypedCredentials(c: Connection): c is TypedCredentialsConnection {
	return c.auth !== 'online';
}
const AUTH_SCHEMES: readonly AuthScheme[] = ['basic', 'soticket', 'bearer', 'online'];

export interface Connection {
	id: string;
	name: string;
	baseUrl: string;
	auth: AuthScheme;
	userName?: string;
	allowInsecureHttp?: boolean;
	/** Online: the OpenID authority signed in with, e.g. https://sod.superoffice.com/login. */
	authority?: string;
	/** Online: the application's client id (Developer Portal "Application ID"). */
	clientId?: string;
	/** Online: the tenant (context identifier), e.g. Cust12345. */
	tenant?: string;
	/** Online: the provider's subject id of the signed-in user (with the tenant, identifies the account). */
	subject?: string;
}

const ONLINE_FIELDS = ['authority', 'clientId', 'tenant', 'subject'] as const;

/** Reads one entry of the setting; anything malformed is dropped (a hand edit must not break activation). */
export function parseConnection(v: unknown): Connection | undefined {
	if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
	const o = v as Record<string, unknown>;
	if (typeof o.id !== 'string' || o.id.trim() === '') return undefined;
	if (typeof o.name !== 'string' || typeof o.baseUrl !== 'string' || o.baseUrl.trim() === '') return undefined;
	if (typeof o.auth !== 'string' || !(AUTH_SCHEMES as readonly string[]).includes(o.auth)) return undefined;
	const c: Connection = { id: o.id, name: o.name.trim() || o.baseUrl, baseUrl: o.baseUrl, auth: o.auth as AuthScheme };
	if (typeof o.userName === 'string' && o.userName !== '') c.userName = o.userName;
	if (o.allowInsecureHttp === true) c.allowInsecureHttp = true;
	if (c.auth === 'online') {
		for (const k of ONLINE_FIELDS) if (typeof o[k] === 'string' && o[k] !== '') c[k] = o[k];
	}
	return c;
}

/** Only the known fields, in a stable order, for writing back to settings. */
export function serializeConnection(c: Connection): Record<string, unknown> {
	const out: Record<string, unknown> = { id: c.id, name: c.name, baseUrl: c.baseUrl, auth: c.auth };
	if (c.userName) out.userName = c.userName;
	if (c.allowInsecureHttp) out.allowInsecureHttp = true;
	if (c.auth === 'online') for (const k of ONLINE_FIELDS) if (c[k]) out[k] = c[k];
	return out;
}

export function newConnectionId(name: string): string {
	const slug = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 24);
	const suffix = randomUUID().slice(0, 8);
	return slug ? `${slug}-${suffix}` : suffix;
}
