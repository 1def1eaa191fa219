// A local SuperOffice-like OpenID Provider (oidc-provider) for the sign-in tests. Binds 127.0.0.1 only.
// As on sod/online.superoffice.com: the issuer is the bare origin, every endpoint lives below /login, and the
// tenant state API answers GET /api/state/{ctx} on the same origin.
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import { type AddressInfo } from 'node:net';
import type Provider from 'oidc-provider';
import type { ProviderContext } from 'oidc-provider';
import { GRANT_MODELS, MemoryStore } from './oidc/adapter';
import { LOGIN_PATH, ROUTES, SO_CLAIM, providerConfiguration } from './oidc/config';
import { type TamperMode, generateSigningKey, tamperIdToken } from './oidc/jwt';
import { type TenantState, answerState, movedTenant, runningTenant, stateRequestOf, validUntilFromNow } from './oidc/tenantState';

export { SO_CLAIM } from './oidc/config';
export type { TamperMode } from './oidc/jwt';
export type { TenantState } from './oidc/tenantState';

export interface TokenRequestRecord {
	grantType: string;
	clientId: string;
	/** A client_secret was sent (form field or Basic credentials); never the secret itself. */
	hadSecret: boolean;
	status: number;
	at: number;
}

export interface StartOidcOptions {
	/** 0 (default) = a random free port. */
	port?: number;
	/** Default 'Cust00000'. */
	ctx?: string;
	/** The tenant's site URL at start, e.g. LocalServer.url = http://127.0.0.1:<p>/Cust00000 */
	tenantEndpoint: string;
	/** Default 3600. */
	accessTokenTtlSeconds?: number;
	/** Suppresses oidc-provider's start-up notices. */
	quiet?: boolean;
	/**
	 * A loopback address to bind (default 127.0.0.1). A browser-hosted VS Code rewrites links to `127.0.0.1` and
	 * `localhost` into its own port-forwarding proxy; another 127.x address is opened as is, like a real provider.
	 */
	host?: string;
}

export interface LocalOidc {
	readonly origin: string;
	/** What a user types as "custom authority": origin + '/login'. Discovery: authority + '/.well-known/openid-configuration'. */
	readonly authority: string;
	/** As SuperOffice: the issuer is the bare origin (NOT origin/login) while every endpoint lives under /login. */
	readonly issuer: string;
	/** Native public client: token_endpoint_auth_method none, PKCE required, loopback redirect with any port. */
	readonly publicClient: { clientId: string };
	/** Native confidential client: client_secret_post, same redirects. */
	readonly confidentialClient: { clientId: string; clientSecret: string };
	/** Every request to the token endpoint, in order. */
	readonly tokenRequests: TokenRequestRecord[];
	readonly revocations: { tokenTypeHint?: string; at: number }[];
	readonly stateRequests: { ctx: string; at: number }[];
	/** For tokens issued from now on. */
	setAccessTokenTtl(seconds: number): void;
	/**
	 * Applies to the id_token of following token-endpoint responses (code AND refresh grants) until set back to
	 * 'none'. Claim modes are re-signed with the provider's key: wrongAudience (aud of another app), wrongIssuer
	 * (iss = authority, i.e. origin + '/login'), expired (exp an hour ago); badSignature flips signature bytes.
	 */
	tamper(mode: TamperMode): void;
	/** Merged into the current state the state API answers. */
	setTenantState(patch: Partial<TenantState>): void;
	/** Endpoint + Api moved to the new site URL (Api = endpoint + '/api'), ValidUntil now + 1 h. */
	moveTenant(endpoint: string): void;
	/** True when the provider still knows this access token and it is not expired. */
	isValidAccessToken(token: string): Promise<boolean>;
	revokeAccessToken(token: string): Promise<void>;
	/** Destroys every refresh token and grant so a following refresh fails with invalid_grant. */
	revokeAllGrants(): Promise<void>;
	/** Clears the records; tamper 'none', TTL and tenant state back to the start values. */
	reset(): void;
	close(): Promise<void>;
}

type ProviderModule = { default: typeof Provider };

/** Runs `fn` with oidc-provider's console notices (development keys, dev interactions, runtime) filtered out. */
async function withoutProviderNotices<T>(quiet: boolean | undefined, fn: () => T | Promise<T>): Promise<T> {
	if (!quiet) return fn();
	const { warn, info } = console;
	const filtered =
		(write: (...args: unknown[]) => void) =>
		(...args: unknown[]): void => {
			if (typeof args[0] === 'string' && args[0].includes('oidc-provider ')) return;
			write.apply(console, args);
		};
	console.warn = filtered(warn);
	console.info = filtered(info);
	try {
		return await fn();
	} finally {
		console.warn = warn;
		console.info = info;
	}
}

function formValue(body: Record<string, string | string[] | undefined> | undefined, name: string): string | undefined {
	const v = body?.[name];
	return Array.isArray(v) ? v[0] : v;
}

/** Client id and whether a secret came with it, from the form or from Basic credentials. */
function clientOf(ctx: ProviderContext): { clientId: string; hadSecret: boolean } {
	const body = ctx.oidc?.body;
	const basic = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(ctx.get('authorization'));
	if (basic) {
		const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		const raw = colon < 0 ? decoded : decoded.slice(0, colon);
		let clientId = raw;
		try {
			clientId = decodeURIComponent(raw);
		} catch {
			// recorded as sent; the provider itself refuses the malformed credentials
		}
		return { clientId, hadSecret: colon >= 0 && decoded.length > colon + 1 };
	}
	return { clientId: formValue(body, 'client_id') ?? '', hadSecret: (formValue(body, 'client_secret') ?? '') !== '' };
}

export async function startOidcProvider(o: StartOidcOptions): Promise<LocalOidc> {
	const ctxId = o.ctx ?? 'Cust00000';
	const startTtl = o.accessTokenTtlSeconds ?? 3600;
	const key = generateSigningKey();
	const store = new MemoryStore();
	const tokenRequests: TokenRequestRecord[] = [];
	const revocations: { tokenTypeHint?: string; at: number }[] = [];
	const stateRequests: { ctx: string; at: number }[] = [];
	let accessTokenTtl = startTtl;
	let tamperMode: TamperMode = 'none';
	let state = runningTenant(ctxId, o.tenantEndpoint);
	const startState = { ...state };

	// The request listener is attached once the provider exists; the provider needs the port for its issuer.
	const server = http.createServer();
	const listener =
		(providerHandler: (req: http.IncomingMessage, res: http.ServerResponse) => void) =>
		(req: http.IncomingMessage, res: http.ServerResponse): void => {
			const raw = req.url ?? '/';
			const pathname = raw.split('?')[0];
			const askedCtx = stateRequestOf(pathname);
			if (askedCtx !== undefined) {
				stateRequests.push({ ctx: askedCtx, at: Date.now() });
				return answerState(req.method ?? 'GET', askedCtx, state, res);
			}
			if (pathname === LOGIN_PATH || pathname.startsWith(`${LOGIN_PATH}/`)) {
				// oidc-provider derives its mount path (for every URL it prints) from originalUrl minus url.
				(req as http.IncomingMessage & { originalUrl?: string }).originalUrl = raw;
				req.url = raw.slice(LOGIN_PATH.length) || '/';
				return providerHandler(req, res);
			}
			res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
			res.end('Not found');
		};
	const bindHost = o.host ?? '127.0.0.1';
	if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bindHost)) throw new Error(`host must be a 127.x.x.x address, got ${bindHost}`);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(o.port ?? 0, bindHost, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const origin = `http://${bindHost}:${(server.address() as AddressInfo).port}`;
	const authority = origin + LOGIN_PATH;
	const publicClient = { clientId: randomBytes(16).toString('hex') };
	const confidentialClient = { clientId: randomBytes(16).toString('hex'), clientSecret: randomBytes(24).toString('base64url') };

	const claimsOf = (login: string): Record<string, string> => ({
		[SO_CLAIM + 'ctx']: state.ContextIdentifier,
		// With the trailing slash, as SuperOffice sends it; the tenant's site at the time the token is issued.
		[SO_CLAIM + 'webapi_url']: `${state.Endpoint}/api/`,
		[SO_CLAIM + 'netserver_url']: `${state.Endpoint}/Remote/Services88/`,
		// SuperOffice sends every custom claim as a string.
		[SO_CLAIM + 'associateid']: '5',
		[SO_CLAIM + 'email']: login,
		[SO_CLAIM + 'upn']: login,
		[SO_CLAIM + 'company_name']: 'Local Demo AS',
		[SO_CLAIM + 'is_administrator']: 'False',
	});

	let op: Provider;
	try {
		op = await withoutProviderNotices(o.quiet, async () => {
			const { default: ProviderClass } = (await import('oidc-provider')) as ProviderModule;
			return new ProviderClass(
				origin,
				providerConfiguration({
					key,
					store,
					publicClientId: publicClient.clientId,
					confidentialClientId: confidentialClient.clientId,
					confidentialClientSecret: confidentialClient.clientSecret,
					accessTokenTtl: () => accessTokenTtl,
					claimsOf,
				}),
			);
		});
	} catch (e) {
		server.close();
		throw e;
	}
	op.use(async (ctx, next) => {
		await next();
		if (ctx.method !== 'POST') return;
		if (ctx.path === ROUTES.token) {
			tokenRequests.push({
				grantType: formValue(ctx.oidc?.body, 'grant_type') ?? '',
				...clientOf(ctx),
				status: ctx.status,
				at: Date.now(),
			});
			const body = ctx.body as { id_token?: unknown; refresh_token?: unknown } | undefined;
			if (ctx.status !== 200 || !body) return;
			// SuperOffice answers a refresh without a refresh token: the one the client holds stays valid.
			if (body.refresh_token !== undefined && body.refresh_token === formValue(ctx.oidc?.body, 'refresh_token')) {
				delete body.refresh_token;
			}
			if (typeof body.id_token === 'string' && tamperMode !== 'none') {
				body.id_token = tamperIdToken(body.id_token, tamperMode, { key, authority });
			}
		} else if (ctx.path === ROUTES.revocation) {
			const hint = formValue(ctx.oidc?.body, 'token_type_hint');
			revocations.push({ ...(hint !== undefined ? { tokenTypeHint: hint } : {}), at: Date.now() });
		}
	});
	server.on('request', listener(op.callback()));

	return {
		origin,
		authority,
		issuer: origin,
		publicClient,
		confidentialClient,
		tokenRequests,
		revocations,
		stateRequests,
		setAccessTokenTtl(seconds) {
			accessTokenTtl = seconds;
		},
		tamper(mode) {
			tamperMode = mode;
		},
		setTenantState(patch) {
			state = { ...state, ...patch };
		},
		moveTenant(endpoint) {
			state = movedTenant(state, endpoint);
		},
		async isValidAccessToken(token) {
			const at = await op.AccessToken.find(token);
			return at !== undefined && !at.isExpired;
		},
		async revokeAccessToken(token) {
			await (await op.AccessToken.find(token))?.destroy();
		},
		async revokeAllGrants() {
			store.deleteWhere((model) => GRANT_MODELS.has(model));
		},
		reset() {
			tokenRequests.length = 0;
			revocations.length = 0;
			stateRequests.length = 0;
			tamperMode = 'none';
			accessTokenTtl = startTtl;
			state = { ...startState, ValidUntil: validUntilFromNow() };
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((e) => (e ? reject(e) : resolve()));
				server.closeAllConnections();
			}),
	};
}
