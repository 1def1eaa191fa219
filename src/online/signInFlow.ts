// One interactive sign-in: discovery → PKCE, state, nonce → loopback listener → browser → code → tokens →
// verified id_token → who and where. Pure: the browser, the secret prompt and the clock are passed in.
import { type ProviderMetadata, discover, fetchJson } from './discovery';
import { OnlineAuthError } from './errors';
import { type IdTokenClaims, type Jwks, type OnlineIdentity, identityFromClaims, verifyIdToken } from './idToken';
import { type CallbackPages, startLoopbackListener } from './loopback';
import { createPkce, randomToken } from './pkce';
import { type TokenRequestContext, type TokenSet, exchangeCode } from './tokens';

/** How long the token endpoint and JWKS may take to answer. */
const TOKEN_TIMEOUT_MS = 30_000;

export interface SignInRequest {
	authority: string;
	clientId: string;
	/** A secret already stored for this application, if any. */
	clientSecret?: string;
	/** Context identifier to sign in to (sent as acr_values=tenant:<ctx>, skipping the tenant picker). */
	tenant?: string;
	/** SuperID user name to pre-fill. */
	loginHint?: string;
	/** How long to wait for the browser. */
	timeoutMs: number;
	signal?: AbortSignal;
	fetch?: typeof fetch;
	now?: () => number;
	/** Opens the authorize URL in the user's browser; false when it could not be opened. */
	openBrowser(url: string): Promise<boolean>;
	/** Maps the loopback redirect URI to what the browser can reach (remote windows); identity by default. */
	externalRedirectUri?(loopback: string): Promise<string>;
	/** Asked once when the token endpoint demands a client secret; undefined = the user declined. */
	askClientSecret?(): Promise<string | undefined>;
	pages: CallbackPages;
}

interface SignInResult {
	metadata: ProviderMetadata;
	tokens: TokenSet;
	identity: OnlineIdentity;
	/** Set when the user entered a client secret during this sign-in (to be stored). */
	newClientSecret?: string;
}

export function buildAuthorizeUrl(
	endpoint: string,
	p: { clientId: string; redirectUri: string; state: string; nonce: string; challenge: string; tenant?: string; loginHint?: string },
): string {
	const url = new URL(endpoint);
	const q = url.searchParams;
	q.set('client_id', p.clientId);
	q.set('response_type', 'code');
	q.set('scope', 'openid');
	q.set('redirect_uri', p.redirectUri);
	q.set('state', p.state);
	q.set('nonce', p.nonce);
	q.set('code_challenge', p.challenge);
	q.set('code_challenge_method', 'S256');
	if (p.tenant) q.set('acr_values', `tenant:${p.tenant}`);
	if (p.loginHint) q.set('login_hint', p.loginHint);
	return url.toString();
}

async function fetchJwks(metadata: ProviderMetadata, fetchFn: typeof fetch, signal?: AbortSignal): Promise<Jwks> {
	const json = (await fetchJson(metadata.jwksUri, "Reading the provider's signing keys", fetchFn, signal)) as Partial<Jwks> | null;
	if (!json || !Array.isArray(json.keys)) throw new OnlineAuthError('discovery', "The provider's signing keys are unreadable.");
	return json as Jwks;
}

/** Verifies an id_token against a freshly read JWKS (keys rotate) and the provider's issuer. */
export async function verifyWithProvider(
	idToken: string,
	metadata: ProviderMetadata,
	clientId: string,
	nonce: string | undefined,
	fetchFn: typeof fetch,
	nowMs: number,
	signal?: AbortSignal,
): Promise<IdTokenClaims> {
	const jwks = await fetchJwks(metadata, fetchFn, signal);
	return verifyIdToken(idToken, jwks, { issuer: metadata.issuer, clientId, nonce, nowMs });
}

export async function signIn(r: SignInRequest): Promise<SignInResult> {
	const fetchFn = r.fetch ?? globalThis.fetch;
	const now = r.now ?? Date.now;
	if (!/^[\x21-\x7e]{1,200}$/.test(r.clientId)) throw new OnlineAuthError('invalid', 'The client id is empty or contains spaces.');
	const timeout = AbortSignal.timeout(r.timeoutMs);
	const signal = r.signal ? AbortSignal.any([r.signal, timeout]) : timeout;
	const aborted = (): OnlineAuthError =>
		timeout.aborted
			? new OnlineAuthError('timeout', 'No answer came from the browser in time.')
			: new OnlineAuthError('cancelled', 'The sign-in was cancelled.');

	const metadata = await discover(r.authority, fetchFn, signal).catch((e: unknown) => {
		throw signal.aborted ? aborted() : e;
	});
	const pkce = createPkce();
	const state = randomToken(16);
	const nonce = randomToken(16);
	const listener = await startLoopbackListener({ expectedState: state, pages: r.pages, signal });
	let code: string;
	let redirectUri: string;
	try {
		redirectUri = r.externalRedirectUri ? await r.externalRedirectUri(listener.redirectUri) : listener.redirectUri;
		const url = buildAuthorizeUrl(metadata.authorizationEndpoint, {
			clientId: r.clientId,
			redirectUri,
			state,
			nonce,
			challenge: pkce.challenge,
			tenant: r.tenant,
			loginHint: r.loginHint,
		});
		if (!(await r.openBrowser(url))) throw new OnlineAuthError('cancelled', 'The browser was not opened.');
		code = await listener.code;
	} finally {
		listener.close();
	}
	if (signal.aborted) throw aborted();

	const ctx: TokenRequestContext = {
		tokenEndpoint: metadata.tokenEndpoint,
		client: { clientId: r.clientId, ...(r.clientSecret ? { clientSecret: r.clientSecret } : {}) },
		fetch: fetchFn,
		// The browser part is over; the provider's own answers get the usual request timeout.
		signal: r.signal ? AbortSignal.any([r.signal, AbortSignal.timeout(TOKEN_TIMEOUT_MS)]) : AbortSignal.timeout(TOKEN_TIMEOUT_MS),
		nowMs: now,
	};
	let tokens: TokenSet;
	let newClientSecret: string | undefined;
	try {
		tokens = await exchangeCode(ctx, code, redirectUri, pkce.verifier);
	} catch (e) {
		// A confidential application: ask for its secret once and try the same (still unused) code again.
		if (!(e instanceof OnlineAuthError && e.kind === 'clientSecretRequired' && r.askClientSecret)) throw e;
		newClientSecret = await r.askClientSecret();
		if (!newClientSecret) throw e;
		tokens = await exchangeCode({ ...ctx, client: { ...ctx.client, clientSecret: newClientSecret } }, code, redirectUri, pkce.verifier);
	}
	if (!tokens.idToken) throw new OnlineAuthError('invalidIdToken', 'The provider answered without an id_token.', { check: 'format' });
	const claims = await verifyWithProvider(tokens.idToken, metadata, r.clientId, nonce, fetchFn, now(), ctx.signal);
	const identity = identityFromClaims(claims);
	return { metadata, tokens, identity, ...(newClientSecret ? { newClientSecret } : {}) };
}
