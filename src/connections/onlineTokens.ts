// The life of an Online sign-in after it happened: access tokens refreshed before they expire (and once on a 401),
// one refresh at a time per connection, tokens forgotten when the provider no longer renews them, and the tenant's
// API address asked for again on HTTP 421 or once the state API's ValidUntil has passed.
import { type ProviderMetadata } from '../online/discovery';
import { type OnlineEnvironment, environmentOfAuthority } from '../online/environments';
import { isOnlineAuthError } from '../online/errors';
import { type TokenRequestContext, type TokenSet, needsRefresh, refreshDueAt, refreshTokens, revokeToken } from '../online/tokens';
import { type Log } from '../core/log';
import { Disposable } from '../util/disposable';
import { NoConnectionError, SignInRequiredError } from '../util/errors';
import { type Connection } from './connection';
import { type ConnectionStore } from './connectionStore';
import { type SecretStore, type StoredSecret } from './secretStore';

/** Without a ValidUntil from the state API, the address is trusted this long (a 421 still moves it at once). */
const DEFAULT_ENDPOINT_VALIDITY_MS = 60 * 60 * 1000;
/** setTimeout's ceiling; longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface OnlineConnection extends Connection {
	auth: 'online';
	authority: string;
	clientId: string;
	tenant: string;
}

export function isOnlineConnection(c: Connection | undefined): c is OnlineConnection {
	return c?.auth === 'online' && !!c.authority && !!c.clientId && !!c.tenant;
}

function tokenSetOf(s: StoredSecret): TokenSet | undefined {
	if (!s.token || s.expiresAt === undefined) return undefined;
	const t: TokenSet = { accessToken: s.token, issuedAt: s.issuedAt ?? s.expiresAt - 3600_000, expiresAt: s.expiresAt };
	if (s.refreshToken) t.refreshToken = s.refreshToken;
	if (s.idToken) t.idToken = s.idToken;
	return t;
}

export function storedTokens(t: TokenSet): StoredSecret {
	const s: StoredSecret = { token: t.accessToken, issuedAt: t.issuedAt, expiresAt: t.expiresAt };
	if (t.refreshToken) s.refreshToken = t.refreshToken;
	if (t.idToken) s.idToken = t.idToken;
	return s;
}

export class OnlineTokens extends Disposable {
	private readonly refreshing = new Map<string, Promise<StoredSecret>>();
	private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
	private readonly metadata = new Map<string, Promise<ProviderMetadata>>();

	constructor(
		private readonly connections: ConnectionStore,
		private readonly secrets: SecretStore,
		private readonly log: Log,
		private readonly fetchFn: typeof fetch = (input, init) => globalThis.fetch(input, init),
		private readonly now: () => number = Date.now,
	) {
		super();
		this._register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
	}

	/** The discovery document of an authority, read once per window (a failure is not cached). */
	metadataFor(authority: string, signal?: AbortSignal): Promise<ProviderMetadata> {
		let p = this.metadata.get(authority);
		if (!p) {
			// Discovery and the id_token checks load on first use (dist/features.js), not at activation.
			p = import('../online/discovery').then(({ discover }) => discover(authority, this.fetchFn, signal));
			this.metadata.set(authority, p);
			p.catch(() => this.metadata.delete(authority));
		}
		return p;
	}

	/** A valid access token: refreshed first when due (or when `forceRefresh`, after a 401). */
	async accessToken(connectionId: string, forceRefresh = false): Promise<string> {
		const c = this.online(connectionId);
		const stored = await this.secrets.get(c.id);
		const tokens = stored && tokenSetOf(stored);
		if (!stored || !tokens) throw new SignInRequiredError(c.id, c.name);
		if (!forceRefresh && !needsRefresh(tokens, this.now())) {
			this.schedule(c.id, tokens);
			return tokens.accessToken;
		}
		try {
			return (await this.refresh(c, stored, tokens)).token as string;
		} catch (e) {
			// The provider is unreachable for a moment but the token still works: use it; the next request tries again.
			if (!forceRefresh && !(e instanceof SignInRequiredError) && tokens.expiresAt > this.now()) {
				this.log.warn(
					`Could not renew the sign-in to ${c.name} yet (${isOnlineAuthError(e) ? e.message : 'error'}); using the current token.`,
				);
				return tokens.accessToken;
			}
			throw e;
		}
	}

	private refresh(c: OnlineConnection, stored: StoredSecret, tokens: TokenSet): Promise<StoredSecret> {
		let p = this.refreshing.get(c.id);
		if (!p) {
			p = this.doRefresh(c, stored, tokens).finally(() => this.refreshing.delete(c.id));
			this.refreshing.set(c.id, p);
		}
		return p;
	}

	private async doRefresh(c: OnlineConnection, stored: StoredSecret, tokens: TokenSet): Promise<StoredSecret> {
		const metadata = await this.metadataFor(c.authority);
		const clientSecret = await this.secrets.getClientSecret(c.authority, c.clientId);
		const ctx: TokenRequestContext = {
			tokenEndpoint: metadata.tokenEndpoint,
			client: { clientId: c.clientId, ...(clientSecret ? { clientSecret } : {}) },
			fetch: this.fetchFn,
			nowMs: this.now,
		};
		try {
			const next = await refreshTokens(ctx, tokens);
			if (next.idToken && next.idToken !== tokens.idToken) {
				// A renewed id_token is checked like the first one, except the nonce; it must name the same user.
				const { verifyWithProvider } = await import('../online/signInFlow');
				const claims = await verifyWithProvider(next.idToken, metadata, c.clientId, undefined, this.fetchFn, this.now());
				if (c.subject && claims.sub !== c.subject) throw new SignInRequiredError(c.id, c.name, 'expired');
			}
			const updated: StoredSecret = { ...stored, ...storedTokens(next) };
			await this.secrets.set(c.id, updated);
			this.log.info(`Renewed the sign-in to ${c.name}; the access token is valid until ${new Date(next.expiresAt).toISOString()}.`);
			this.schedule(c.id, next);
			return updated;
		} catch (e) {
			if (e instanceof SignInRequiredError || (isOnlineAuthError(e) && (e.kind === 'refreshFailed' || e.kind === 'invalidIdToken'))) {
				// Nothing stored can be used any more: forget the tokens (the connection stays, ready for Sign In).
				this.cancelTimer(c.id);
				await this.secrets.delete(c.id);
				this.log.warn(
					`The sign-in to ${c.name} could not be renewed (${isOnlineAuthError(e) ? (e.oauthError ?? e.kind) : 'different user'}); sign in again.`,
				);
				throw new SignInRequiredError(c.id, c.name, 'expired');
			}
			throw e;
		}
	}

	/** Renews the token in the background shortly before it is due, so other extensions get a fresh one too. */
	schedule(connectionId: string, tokens: Pick<TokenSet, 'issuedAt' | 'expiresAt'>): void {
		const due = refreshDueAt(tokens);
		const existing = this.timers.get(connectionId) as (ReturnType<typeof setTimeout> & { due?: number }) | undefined;
		if (existing?.due === due) return;
		this.cancelTimer(connectionId);
		const delay = Math.min(Math.max(0, due - this.now()), MAX_TIMER_MS);
		const timer = setTimeout(() => {
			this.timers.delete(connectionId);
			this.accessToken(connectionId).catch((e: unknown) => {
				if (!(e instanceof SignInRequiredError || e instanceof NoConnectionError)) {
					this.log.warn(`Background renewal of a sign-in failed: ${e instanceof Error ? e.message : 'error'}`);
				}
			});
		}, delay) as ReturnType<typeof setTimeout> & { due?: number };
		timer.due = due;
		(timer as { unref?: () => void }).unref?.();
		this.timers.set(connectionId, timer);
	}

	cancelTimer(connectionId: string): void {
		const t = this.timers.get(connectionId);
		if (t) clearTimeout(t);
		this.timers.delete(connectionId);
	}

	/** Asks the tenant state API where the tenant's API is now; moves the connection there. Throws when the tenant cannot be used. */
	async resolveEndpoint(connectionId: string, signal?: AbortSignal): Promise<string> {
		const c = this.online(connectionId);
		const env: OnlineEnvironment = environmentOfAuthority(c.authority);
		const { fetchTenantState, usableBaseUrl } = await import('../online/tenantState');
		const state = await fetchTenantState(env.stateApiOrigin, c.tenant, this.fetchFn, signal);
		this.log.info(`Tenant ${c.tenant} is ${state.state}${state.baseUrl ? ` at ${new URL(state.baseUrl).host}` : ''}.`);
		const base = usableBaseUrl(state);
		const stored = await this.secrets.get(c.id);
		if (stored) {
			await this.secrets.set(c.id, { ...stored, endpointValidUntil: state.validUntil ?? this.now() + DEFAULT_ENDPOINT_VALIDITY_MS });
		}
		const current = this.connections.get(c.id);
		if (current && current.baseUrl !== base) {
			await this.connections.update({ ...current, baseUrl: base });
			this.log.info(`${c.name} moved from ${new URL(current.baseUrl).host} to ${new URL(base).host}.`);
		}
		return base;
	}

	/** Before building a client: re-resolves the address when the last answer's ValidUntil has passed. */
	async ensureEndpointFresh(c: OnlineConnection, stored?: StoredSecret): Promise<OnlineConnection> {
		const until = (stored ?? (await this.secrets.get(c.id)))?.endpointValidUntil;
		if (until === undefined || until > this.now()) return c;
		try {
			await this.resolveEndpoint(c.id);
		} catch (e) {
			if (isOnlineAuthError(e) && e.kind === 'tenantUnavailable') throw e;
			// The state service is down: keep the stored address (a 421 would still move it).
			this.log.warn(`Could not check where ${c.tenant} is now: ${e instanceof Error ? e.message : 'error'}`);
		}
		const fresh = this.connections.get(c.id);
		return isOnlineConnection(fresh) ? fresh : c;
	}

	/**
	 * Forgets what is stored for a connection, of any scheme. For an Online one, first revokes the refresh token where
	 * the provider offers it (best effort), and drops the application's client secret once no connection uses it.
	 */
	async forget(c: Connection): Promise<void> {
		this.cancelTimer(c.id);
		const stored = await this.secrets.get(c.id);
		if (isOnlineConnection(c) && stored?.refreshToken) {
			try {
				const metadata = await this.metadataFor(c.authority, AbortSignal.timeout(5000));
				if (metadata.revocationEndpoint) {
					const clientSecret = await this.secrets.getClientSecret(c.authority, c.clientId);
					const ok = await revokeToken(
						{
							revocationEndpoint: metadata.revocationEndpoint,
							tokenEndpoint: metadata.tokenEndpoint,
							client: { clientId: c.clientId, ...(clientSecret ? { clientSecret } : {}) },
							fetch: this.fetchFn,
							signal: AbortSignal.timeout(5000),
							nowMs: this.now,
						},
						stored.refreshToken,
						'refresh_token',
					);
					this.log.info(
						ok ? `Revoked the sign-in of ${c.name} at the provider.` : `The provider did not confirm revoking the sign-in of ${c.name}.`,
					);
				}
			} catch {
				this.log.warn(`Could not reach the provider to revoke the sign-in of ${c.name}; it is forgotten here.`);
			}
		}
		await this.secrets.delete(c.id);
		if (
			isOnlineConnection(c) &&
			!this.connections.list().some((o) => o.id !== c.id && o.authority === c.authority && o.clientId === c.clientId)
		) {
			await this.secrets.deleteClientSecret(c.authority, c.clientId);
		}
	}

	private online(connectionId: string): OnlineConnection {
		const c = this.connections.get(connectionId);
		if (!c) throw new NoConnectionError(connectionId);
		if (!isOnlineConnection(c)) throw new SignInRequiredError(c.id, c.name);
		return c;
	}
}
