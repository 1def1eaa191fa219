// SuperOffice Online sign-in, pure (no vscode): OpenID Connect code flow with PKCE on a loopback redirect,
// id_token checks, token refresh arithmetic, and the tenant state API.
export { type ProviderMetadata, discover, discoveryUrl, parseMetadata } from './discovery';
export {
	type OnlineEnvironment,
	type OnlineEnvironmentId,
	ONLINE_ENVIRONMENTS,
	builtInEnvironment,
	customEnvironment,
	environmentOfAuthority,
	isEnvironmentId,
} from './environments';
export { OnlineAuthError, type OnlineAuthErrorKind, isOnlineAuthError } from './errors';
export { type IdTokenClaims, type OnlineIdentity, SO_CLAIM, identityFromClaims, verifyIdToken } from './idToken';
export { type CallbackPages } from './loopback';
export { type SignInRequest, buildAuthorizeUrl, signIn, verifyWithProvider } from './signInFlow';
export { type TenantState, TENANT_STATE_NAMES, fetchTenantState, usableBaseUrl } from './tenantState';
export { type TokenRequestContext, type TokenSet, needsRefresh, refreshDueAt, refreshTokens, revokeToken } from './tokens';
