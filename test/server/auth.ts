// The three WebAPI auth schemes, checked against the demo credentials. Parsing is strict on purpose
// (`<Scheme> <credentials>`, one space, nothing else) so a client that builds the header wrongly fails here
// rather than on a real server. Scheme names are case-insensitive as in RFC 9110 ("SOTicket" = "SoTicket").

export interface DemoCredentials {
	readonly userName: string;
	readonly password: string;
	readonly ticket: string;
	readonly appToken: string;
	readonly bearer: string;
}

/** Fake credentials the local server accepts; safe to print and to put in tests. */
export const DEMO: DemoCredentials = Object.freeze({
	userName: 'demo',
	password: 'demo-password-1',
	ticket: '7T:ZGVtby10aWNrZXQ=',
	appToken: 'demo-app-token',
	bearer: '8A:Cust00000.demo-bearer-token',
});

export type AuthScheme = 'basic' | 'soticket' | 'bearer';
export type AuthResult = { ok: true; scheme: AuthScheme } | { ok: false; reason: string };

const AUTHORIZATION = /^([A-Za-z]+) ([^\s]+)$/;

/** The token of a well-formed `Bearer <token>` header, else undefined. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
	const match = AUTHORIZATION.exec(authorization ?? '');
	return match && match[1].toLowerCase() === 'bearer' ? match[2] : undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Checks the `Authorization` (and `SO-AppToken`) header values. `bearerTokens` are extra access tokens handed
 * out at run time (e.g. by a fake sign-in), accepted besides DEMO.bearer. Reasons never contain a credential.
 */
export function authenticate(
	authorization: string | undefined,
	appToken: string | undefined,
	bearerTokens: ReadonlySet<string>,
): AuthResult {
	if (authorization === undefined || authorization === '') return { ok: false, reason: 'No Authorization header was sent.' };
	const match = AUTHORIZATION.exec(authorization);
	if (!match) return { ok: false, reason: 'The Authorization header is malformed.' };
	const [, scheme, credentials] = match;
	switch (scheme.toLowerCase()) {
		case 'basic': {
			if (!BASE64.test(credentials)) return { ok: false, reason: 'Basic credentials are not valid Base64.' };
			const decoded = Buffer.from(credentials, 'base64').toString('utf8');
			const colon = decoded.indexOf(':');
			if (colon < 0) return { ok: false, reason: 'Basic credentials lack the user:password separator.' };
			const ok = decoded.slice(0, colon) === DEMO.userName && decoded.slice(colon + 1) === DEMO.password;
			return ok ? { ok: true, scheme: 'basic' } : { ok: false, reason: 'Unknown user name or wrong password.' };
		}
		case 'soticket':
			if (credentials !== DEMO.ticket) return { ok: false, reason: 'The ticket is not valid or has expired.' };
			// On loopback the app token is optional (as Onsite); when one is sent it has to be the right one.
			if (appToken !== undefined && appToken !== DEMO.appToken) return { ok: false, reason: 'The application token is not valid.' };
			return { ok: true, scheme: 'soticket' };
		case 'bearer':
			return credentials === DEMO.bearer || bearerTokens.has(credentials)
				? { ok: true, scheme: 'bearer' }
				: { ok: false, reason: 'The access token is not valid or has expired.' };
		default:
			return { ok: false, reason: 'The authentication scheme is not supported.' };
	}
}
