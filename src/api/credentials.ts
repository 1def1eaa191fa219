// Credentials -> request headers, and redaction of every string that could reveal them.
// Header values are checked here so that fetch never throws an error whose message quotes a secret.
import { ApiError } from './errors';

export type Credentials =
	| { scheme: 'basic'; userName: string; password: string }
	| { scheme: 'soticket'; ticket: string; appToken?: string }
	| { scheme: 'bearer'; token: string }
	| { scheme: 'bearer'; tokenProvider: (opts: { forceRefresh: boolean }) => Promise<string> };

/** Visible ASCII, no spaces: what a ticket, token or app token may contain. */
const TOKEN_CHARS = /^[\x21-\x7e]+$/;

function base64Utf8(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary);
}

export function basicAuthorization(userName: string, password: string): string {
	return `Basic ${base64Utf8(`${userName}:${password}`)}`;
}

export function checkToken(value: unknown, field: string, what: string): string {
	if (typeof value !== 'string' || value === '') throw new ApiError('invalid', `The ${what} is missing.`, { field });
	if (!TOKEN_CHARS.test(value)) {
		throw new ApiError('invalid', `The ${what} contains characters that cannot be sent in an HTTP header.`, { field });
	}
	return value;
}

/**
 * Headers for credentials that do not change per request (everything but a bearer token provider, for
 * which the caller adds `Authorization: Bearer <token>` itself).
 */
export function staticAuthHeaders(c: Credentials): Record<string, string> {
	switch (c.scheme) {
		case 'basic': {
			if (typeof c.userName !== 'string' || c.userName === '') {
				throw new ApiError('invalid', 'The user name is missing.', { field: 'userName' });
			}
			// RFC 7617: the user-id of Basic cannot contain a colon.
			if (c.userName.includes(':')) throw new ApiError('invalid', 'The user name must not contain a colon.', { field: 'userName' });
			if (typeof c.password !== 'string') throw new ApiError('invalid', 'The password is missing.', { field: 'password' });
			return { Authorization: basicAuthorization(c.userName, c.password) };
		}
		case 'soticket': {
			const headers: Record<string, string> = { Authorization: `SOTicket ${checkToken(c.ticket, 'ticket', 'ticket')}` };
			if (c.appToken !== undefined && c.appToken !== '') headers['SO-AppToken'] = checkToken(c.appToken, 'appToken', 'application token');
			return headers;
		}
		case 'bearer':
			if ('tokenProvider' in c) return {};
			return { Authorization: `Bearer ${checkToken(c.token, 'token', 'access token')}` };
	}
}

/** The strings redact() must hide for these credentials. A token provider's tokens are tracked by the pipeline. */
export function secretsOf(c: Credentials | undefined): string[] {
	if (!c) return [];
	const out: string[] = [];
	const add = (s: string | undefined): void => {
		if (typeof s !== 'string' || s === '') return;
		out.push(s);
		const encoded = encodeURIComponent(s);
		if (encoded !== s) out.push(encoded);
	};
	switch (c.scheme) {
		case 'basic':
			add(c.password);
			if (typeof c.userName === 'string' && typeof c.password === 'string') add(base64Utf8(`${c.userName}:${c.password}`));
			break;
		case 'soticket':
			add(c.ticket);
			add(c.appToken);
			break;
		case 'bearer':
			if ('token' in c) add(c.token);
			break;
	}
	return out;
}

const MASK = '***';

// Header lines or JSON-ish pairs naming a credential header: `Authorization: ...`, `"SO-AppToken":"..."`.
const HEADER_VALUE = /((?:authorization|so-apptoken|proxy-authorization)["']?\s*[:=]\s*["']?)(?:(basic|soticket|bearer)\s+)?[^\s"',;}]+/gi;
// Scheme-prefixed credentials anywhere in text.
const SCHEME_VALUE = /\b(Basic|SOTicket|Bearer)\s+([A-Za-z0-9+/=:._~-]{4,})/gi;
// A credential blob has a digit, a symbol or an inner capital; plain words ("Basic authentication") do not.
const LOOKS_LIKE_CREDENTIAL = /[0-9+/=:._~-]|^.+[A-Z]/;

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces each secret, Authorization/SO-AppToken header values and `Basic`/`SOTicket`/`Bearer` blobs with ***. */
export function redact(text: string, secrets: readonly string[]): string {
	let out = String(text);
	const sorted = secrets.filter((s) => typeof s === 'string' && s !== '').sort((a, b) => b.length - a.length);
	if (sorted.length > 0) out = out.replace(new RegExp(sorted.map(escapeRegExp).join('|'), 'g'), MASK);
	out = out.replace(HEADER_VALUE, (_m, prefix: string, scheme: string | undefined) => `${prefix}${scheme ? `${scheme} ` : ''}${MASK}`);
	out = out.replace(SCHEME_VALUE, (m, scheme: string, blob: string) => (LOOKS_LIKE_CREDENTIAL.test(blob) ? `${scheme} ${MASK}` : m));
	return out;
}
