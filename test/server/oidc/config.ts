// oidc-provider configuration shaped like SuperOffice's SuperID: endpoints below /login, scope openid, a refresh
// token that is reusable (never rotated), SuperOffice claims in the id_token, loopback redirects for native apps.
import { randomBytes } from 'node:crypto';
import { MemoryAdapter, type MemoryStore } from './adapter';
import type { SigningKey } from './jwt';

export const SO_CLAIM = 'http://schemes.superoffice.net/identity/';

/** Where the provider is mounted on its origin, as on sod/online.superoffice.com. */
export const LOGIN_PATH = '/login';

/** Paths below LOGIN_PATH; authorization, token and jwks as in SuperOffice's discovery document. */
export const ROUTES = {
	authorization: '/common/oauth/authorize',
	token: '/common/oauth/tokens',
	jwks: '/.well-known/jwks',
	revocation: '/common/oauth/revoke',
	introspection: '/common/oauth/introspect',
	end_session: '/common/oauth/logout',
} as const;

/**
 * Registered for both clients; oidc-provider ignores the port of loopback redirects of native clients. With no path,
 * as the Developer Portal's native-app template (`^http://127.0.0.1\:\d{4,10}$`), and with `/`.
 */
export const LOOPBACK_REDIRECTS = ['http://127.0.0.1', 'http://127.0.0.1/'];

export interface ProviderSetup {
	key: SigningKey;
	store: MemoryStore;
	publicClientId: string;
	confidentialClientId: string;
	confidentialClientSecret: string;
	accessTokenTtl: () => number;
	/** SuperOffice claims of a signed-in user (computed at token issue time). */
	claimsOf: (login: string) => Record<string, string>;
}

const DAY = 24 * 60 * 60;

const errorPage = (out: Record<string, unknown>): string => {
	const esc = (v: unknown): string => String(v).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
	const rows = Object.entries(out)
		.map(([k, v]) => `<p><strong>${esc(k)}</strong>: <span class="${esc(k)}">${esc(v)}</span></p>`)
		.join('');
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sign-in error</title></head><body><h1>Sign-in error</h1>${rows}</body></html>`;
};

export function providerConfiguration(s: ProviderSetup): object {
	const clientBase = {
		application_type: 'native',
		redirect_uris: LOOPBACK_REDIRECTS,
		grant_types: ['authorization_code', 'refresh_token'],
		response_types: ['code'],
		id_token_signed_response_alg: 'RS256',
	};
	return {
		adapter: (model: string) => new MemoryAdapter(model, s.store),
		jwks: { keys: [s.key.privateJwk] },
		clients: [
			{ ...clientBase, client_id: s.publicClientId, token_endpoint_auth_method: 'none' },
			{
				...clientBase,
				client_id: s.confidentialClientId,
				client_secret: s.confidentialClientSecret,
				token_endpoint_auth_method: 'client_secret_post',
			},
		],
		clientAuthMethods: ['none', 'client_secret_post', 'client_secret_basic'],
		routes: ROUTES,
		scopes: ['openid', 'offline_access'],
		claims: {
			openid: [
				'sub',
				...['ctx', 'webapi_url', 'netserver_url', 'associateid', 'email', 'upn', 'company_name', 'is_administrator'].map(
					(name) => SO_CLAIM + name,
				),
				'email',
			],
		},
		// Every claim goes into the id_token: SuperOffice has no UserInfo endpoint.
		conformIdTokenClaims: false,
		findAccount: async (_ctx: unknown, sub: string) => ({
			accountId: sub,
			claims: async () => ({ sub, email: sub, ...s.claimsOf(sub) }),
		}),
		// SuperOffice hands out a refresh token for scope openid alone and reuses it on refresh.
		issueRefreshToken: async () => true,
		rotateRefreshToken: () => false,
		expiresWithSession: async () => false,
		pkce: { required: (_ctx: unknown, client: { clientAuthMethod: string }) => client.clientAuthMethod === 'none' },
		features: {
			devInteractions: { enabled: true },
			userinfo: { enabled: false },
			revocation: {
				enabled: true,
				allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId: string }) =>
					token.clientId === client.clientId,
			},
			introspection: {
				enabled: true,
				allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId: string }) =>
					token.clientId === client.clientId,
			},
		},
		ttl: {
			AccessToken: () => s.accessTokenTtl(),
			// SuperOffice: "The code expires after 10 minutes".
			AuthorizationCode: () => 600,
			IdToken: () => 3600,
			RefreshToken: () => 30 * DAY,
			Interaction: () => 3600,
			Session: () => DAY,
			Grant: () => 30 * DAY,
		},
		clientBasedCORS: () => true,
		cookies: { keys: [randomBytes(32).toString('base64url')] },
		renderError: async (ctx: { type: string; body: unknown }, out: Record<string, unknown>) => {
			ctx.type = 'html';
			ctx.body = errorPage(out);
		},
	};
}
