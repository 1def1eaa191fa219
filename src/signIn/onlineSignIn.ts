// Sign In to SuperOffice Online: environment → application (client) id → optional tenant → browser sign-in under a
// cancellable progress → one connection per tenant and user. Nothing is stored until every check has passed, so a
// cancelled, timed-out or refused sign-in leaves no trace.
import * as vscode from 'vscode';
import {
	type OnlineEnvironment,
	type OnlineEnvironmentId,
	type OnlineIdentity,
	builtInEnvironment,
	customEnvironment,
	environmentOfAuthority,
	isOnlineAuthError,
	signIn,
} from '../online';
import { type Services } from '../services/services';
import {
	type OnlineEnvironmentSetting,
	onlineClientId,
	onlineCustomAuthority,
	onlineEnvironmentSetting,
	onlineSignInTimeoutSeconds,
	rememberOnlineChoice,
} from '../core/onlineSettings';
import { PromptId } from '../core/prompter';
import { CancelledError } from '../util/errors';
import { type Connection, newConnectionId } from '../connections/connection';
import { type OnlineConnection, storedTokens } from '../connections/onlineTokens';

/** Where the Developer Portal explains registering an application and finding its Application ID. */
const REGISTER_APP_URL = 'https://docs.superoffice.com/en/developer-portal/create-app/native-app.html';

const TENANT = /^[A-Za-z0-9_-]{1,64}$/;

interface OnlineSignInOptions {
	/** Sign in again to this connection (same environment, application and tenant). */
	connection?: OnlineConnection;
}

function environmentLabel(id: OnlineEnvironment['id']): string {
	switch (id) {
		case 'sod':
			return vscode.l10n.t('Development (SOD)');
		case 'qaonline':
			return vscode.l10n.t('Stage (qaonline)');
		case 'online':
			return vscode.l10n.t('Production');
		case 'custom':
			return vscode.l10n.t('Custom authority');
	}
}

async function pickEnvironment(s: Services, title: string): Promise<{ env: OnlineEnvironment; setting: OnlineEnvironmentSetting }> {
	const preferred = onlineEnvironmentSetting();
	const builtIns: OnlineEnvironmentId[] = ['online', 'sod', 'qaonline'];
	const choice = await s.prompter.pick<OnlineEnvironmentSetting>(
		[
			...builtIns.map((id) => ({
				label: environmentLabel(id),
				description: `${id}.superoffice.com`,
				value: id as OnlineEnvironmentSetting,
				picked: id === preferred,
			})),
			{
				label: environmentLabel('custom'),
				description: onlineCustomAuthority() || undefined,
				detail: vscode.l10n.t('An OpenID Connect authority URL, e.g. a test provider'),
				value: 'custom' as const,
				picked: preferred === 'custom',
			},
		],
		{
			id: PromptId.onlineEnvironment,
			title,
			step: 1,
			totalSteps: 3,
			placeholder: vscode.l10n.t('Which SuperOffice Online environment?'),
			ignoreFocusOut: true,
		},
	);
	if (!choice) throw new CancelledError();
	if (choice !== 'custom') return { env: builtInEnvironment(choice), setting: choice };
	const text = await s.prompter.input({
		id: PromptId.onlineAuthority,
		title,
		step: 1,
		totalSteps: 3,
		prompt: vscode.l10n.t('Authority URL (discovery is read from <authority>/.well-known/openid-configuration)'),
		placeholder: 'https://sod.superoffice.com/login',
		value: onlineCustomAuthority(),
		ignoreFocusOut: true,
		validate: (v) => {
			try {
				customEnvironment(v);
				return undefined;
			} catch (e) {
				return e instanceof Error ? e.message : String(e);
			}
		},
	});
	if (text === undefined) throw new CancelledError();
	return { env: customEnvironment(text), setting: 'custom' };
}

async function askClientId(s: Services, title: string, env: OnlineEnvironment): Promise<string> {
	for (;;) {
		const answer = await s.prompter.inputOrAction(
			{
				id: PromptId.onlineClientId,
				title,
				step: 2,
				totalSteps: 3,
				prompt: vscode.l10n.t(
					'Application ID (client id) of your app for {0}, from the SuperOffice Developer Portal. Register a Native app with the redirect URI ^http://127.0.0.1\\:\\d{4,10}$.',
					environmentLabel(env.id),
				),
				placeholder: vscode.l10n.t('e.g. 0123456789abcdef0123456789abcdef'),
				ignoreFocusOut: true,
				validate: (v) => (/^[\x21-\x7e]{1,200}$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter the Application ID, without spaces.')),
			},
			[{ id: 'help', label: vscode.l10n.t('Where do I find it?'), icon: 'question' }],
		);
		if (answer === undefined) throw new CancelledError();
		if (typeof answer === 'string') return answer.trim();
		await s.prompter.openExternal(REGISTER_APP_URL);
	}
}

async function askTenant(s: Services, title: string): Promise<string | undefined> {
	const v = await s.prompter.input({
		id: PromptId.onlineTenant,
		title,
		step: 3,
		totalSteps: 3,
		prompt: vscode.l10n.t('Tenant (context identifier) to sign in to — leave empty to choose it in the browser'),
		placeholder: 'Cust12345',
		ignoreFocusOut: true,
		validate: (t) => (t.trim() === '' || TENANT.test(t.trim()) ? undefined : vscode.l10n.t('A tenant looks like Cust12345.')),
	});
	if (v === undefined) throw new CancelledError();
	return v.trim() || undefined;
}

/**
 * The loopback URI the browser can reach: the same one locally, a forwarded loopback port in a remote window. A
 * mapping to anything else (a browser-hosted VS Code's proxy path) could never match the redirect SuperOffice
 * registers for native apps, so the plain loopback URI is kept then.
 */
async function reachableRedirectUri(s: Services, loopback: string): Promise<string> {
	try {
		const external = await vscode.env.asExternalUri(vscode.Uri.parse(loopback));
		const host = external.authority.replace(/:\d+$/, '');
		const isLoopback = external.scheme === 'http' && (host === '127.0.0.1' || host === '[::1]');
		if (isLoopback && (external.path === '' || external.path === '/') && !external.query) return `http://${external.authority}`;
		s.log.warn(
			`This window maps the sign-in callback to another address; using ${loopback}, which the browser must reach on this machine.`,
		);
	} catch {
		// No mapping available: the loopback URI as is.
	}
	return loopback;
}

function connectionName(identity: OnlineIdentity, env: OnlineEnvironment): string {
	const base = identity.companyName ? `${identity.companyName} (${identity.tenant})` : identity.tenant;
	return env.id === 'online' ? base : `${base} · ${environmentLabel(env.id)}`;
}

/** Runs the whole sign-in; returns the stored (new or updated) connection, made active. */
export async function signInOnline(s: Services, o: OnlineSignInOptions = {}): Promise<Connection> {
	const existing = o.connection;
	const title = existing ? vscode.l10n.t('Sign in to {0}', existing.name) : vscode.l10n.t('Sign in to SuperOffice Online');
	let env: OnlineEnvironment;
	let setting: OnlineEnvironmentSetting;
	let clientId: string;
	let tenant: string | undefined;
	if (existing) {
		env = environmentOfAuthority(existing.authority);
		setting = env.id;
		clientId = existing.clientId;
		tenant = existing.tenant;
	} else {
		({ env, setting } = await pickEnvironment(s, title));
		clientId = onlineClientId(setting) || (await askClientId(s, title, env));
		tenant = await askTenant(s, title);
	}
	const storedSecret = await s.secrets.getClientSecret(env.authority, clientId);
	const timeoutSeconds = onlineSignInTimeoutSeconds();
	s.log.info(`Signing in to ${env.authority}${tenant ? ` (tenant ${tenant})` : ''}; waiting up to ${timeoutSeconds} s for the browser.`);

	const result = await s.prompter.withProgress(
		vscode.l10n.t('Signing in to SuperOffice Online… finish in your browser.'),
		async (signal) => {
			try {
				return await signIn({
					authority: env.authority,
					clientId,
					clientSecret: storedSecret,
					tenant,
					timeoutMs: timeoutSeconds * 1000,
					signal,
					openBrowser: (url) => s.prompter.openExternal(url),
					externalRedirectUri: (uri) => reachableRedirectUri(s, uri),
					askClientSecret: () =>
						s.prompter.input({
							id: PromptId.clientSecret,
							title,
							prompt: vscode.l10n.t(
								"This application must prove who it is: enter its client secret (Application token in the Developer Portal). It is kept in VS Code's Secret Storage.",
							),
							password: true,
							ignoreFocusOut: true,
							validate: (v) => (/^[\x21-\x7e]+$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter the client secret, without spaces.')),
						}),
					pages: {
						success: vscode.l10n.t('Signed in to SuperOffice. You can close this tab and return to VS Code.'),
						failure: vscode.l10n.t('The sign-in to SuperOffice was not completed. Return to VS Code for details.'),
						unexpected: vscode.l10n.t('This address only accepts the answer to a sign-in VS Code started. You can close this tab.'),
					},
				});
			} catch (e) {
				if (isOnlineAuthError(e) && e.kind === 'cancelled') throw new CancelledError();
				throw e;
			}
		},
	);

	const { identity, tokens } = result;
	const same = (c: Connection): boolean =>
		c.auth === 'online' && c.authority === env.authority && c.tenant === identity.tenant && c.subject === identity.subject;
	const previous = existing ?? s.connections.list().find(same);
	const connection: OnlineConnection = {
		id: previous?.id ?? newConnectionId(`online-${identity.tenant}`),
		name: previous?.name ?? connectionName(identity, env),
		baseUrl: identity.baseUrl,
		auth: 'online',
		userName: identity.userName,
		authority: env.authority,
		clientId,
		tenant: identity.tenant,
		subject: identity.subject,
	};
	await s.secrets.set(connection.id, storedTokens(tokens));
	if (result.newClientSecret) await s.secrets.setClientSecret(env.authority, clientId, result.newClientSecret);
	if (previous) await s.connections.update(connection);
	else await s.connections.add(connection);
	await s.connections.setActive(connection.id);
	await rememberOnlineChoice(setting, clientId, setting === 'custom' ? env.authority : undefined);
	s.online.schedule(connection.id, tokens);
	// Where the tenant's API is right now and until when (the id_token's webapi_url until then); not a condition of
	// the sign-in: a state service that cannot be asked, or a tenant that is not running, is said when it matters.
	try {
		await s.online.resolveEndpoint(connection.id, AbortSignal.timeout(10_000));
	} catch (e) {
		s.log.warn(`Could not confirm where ${identity.tenant} is served from: ${e instanceof Error ? e.message : 'error'}`);
	}
	const signedIn = s.connections.get(connection.id) ?? connection;
	s.log.info(`Signed in to ${signedIn.name} as ${identity.userName}; API at ${new URL(signedIn.baseUrl).host}.`);
	return signedIn;
}
