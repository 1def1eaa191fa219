// Add Connection, guided: name → URL (probed with GET {base}/api) → sign-in method → credentials (checked before
// saving) → saved and made active. Arguments answer steps for automation; secrets are always typed.
import * as vscode from 'vscode';
import { type ApiInfo, normalizeBaseUrl } from '../api';
import { type AuthScheme, type Connection, newConnectionId, type TypedCredentialsConnection } from '../connections/connection';
import { collectCredentials } from '../signIn/credentialPrompts';
import { PromptId } from '../core/prompter';
import { CancelledError, InvalidArgumentError } from '../util/errors';
import { CommandId } from '../core/commandIds';
import { describeError } from '../errors/describeError';
import { registerCommand } from '../errors/showError';
import { type Services } from '../services/services';

interface AddConnectionArgs {
	name?: string;
	baseUrl?: string;
	auth?: Exclude<AuthScheme, 'online'>;
	allowInsecureHttp?: boolean;
}

const TOTAL_STEPS = 5;

function normalizedOrUndefined(text: string): string | undefined {
	try {
		return normalizeBaseUrl(text);
	} catch {
		return undefined;
	}
}

function serverVersion(info: ApiInfo): string | undefined {
	for (const v of [info.NetServerVersion, info.Version, info.v1, info.NetServer]) if (typeof v === 'string' && v.trim()) return v.trim();
	return undefined;
}

export function registerAddConnectionCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.addConnection, async (arg?: unknown) => {
		const args = (arg !== null && typeof arg === 'object' ? arg : {}) as AddConnectionArgs;
		const title = vscode.l10n.t('Add a SuperOffice connection');
		const ask = async (o: Parameters<Services['prompter']['input']>[0]): Promise<string> => {
			const v = await s.prompter.input({ title, totalSteps: TOTAL_STEPS, ignoreFocusOut: true, ...o });
			if (v === undefined) throw new CancelledError();
			return v;
		};

		const name =
			typeof args.name === 'string' && args.name.trim()
				? args.name.trim()
				: (
						await ask({
							id: PromptId.connectionName,
							step: 1,
							prompt: vscode.l10n.t('A name for this connection, shown in pickers and the status bar'),
							placeholder: vscode.l10n.t('e.g. Support (Online) or Intranet CRM'),
							validate: (v) => (v.trim() === '' ? vscode.l10n.t('Enter a name.') : undefined),
						})
					).trim();

		let baseUrl = typeof args.baseUrl === 'string' ? normalizedOrUndefined(args.baseUrl) : undefined;
		if (args.baseUrl !== undefined && baseUrl === undefined) {
			throw new InvalidArgumentError(vscode.l10n.t('The base URL is not an http(s) address.'), 'baseUrl');
		}
		let version: string | undefined;
		let typed = '';
		for (;;) {
			if (baseUrl === undefined) {
				typed = await ask({
					id: PromptId.baseUrl,
					step: 2,
					prompt: vscode.l10n.t('The WebAPI base URL of your tenant or server'),
					placeholder: 'https://online2.superoffice.com/Cust12345',
					value: typed,
					validate: (v) =>
						normalizedOrUndefined(v) === undefined
							? vscode.l10n.t(
									'Enter an http(s) address such as https://online2.superoffice.com/Cust12345 or https://crm.example.com/SuperOffice.',
								)
							: undefined,
				});
				baseUrl = normalizeBaseUrl(typed);
			}
			const probed = await probe(s, baseUrl, name);
			if (probed.ok) {
				version = probed.version;
				break;
			}
			const useAnyway = vscode.l10n.t('Use Anyway');
			const editUrl = vscode.l10n.t('Edit URL');
			const chosen = await s.prompter.notify(
				'warning',
				vscode.l10n.t('Could not confirm a SuperOffice WebAPI at {0}.', baseUrl),
				{ id: PromptId.probeFailed, modal: true, detail: probed.message },
				useAnyway,
				editUrl,
			);
			if (chosen === useAnyway) break;
			if (chosen !== editUrl) throw new CancelledError();
			typed = baseUrl;
			baseUrl = undefined;
		}

		const found = version ? vscode.l10n.t('SuperOffice {0} at {1}', version, baseUrl) : baseUrl;
		const auth =
			args.auth === 'basic' || args.auth === 'soticket' || args.auth === 'bearer'
				? args.auth
				: await s.prompter.pick<Exclude<AuthScheme, 'online'>>(
						[
							{
								label: vscode.l10n.t('User name and password'),
								description: 'Basic',
								detail: vscode.l10n.t('Onsite servers that allow it.'),
								value: 'basic',
							},
							{
								label: vscode.l10n.t('SuperOffice ticket'),
								description: 'SOTicket',
								detail: vscode.l10n.t('A 7T:… ticket, with an application token (SO-AppToken) for Online.'),
								value: 'soticket',
							},
							{
								label: vscode.l10n.t('Access token'),
								description: 'Bearer',
								detail: vscode.l10n.t('An OAuth access token pasted by hand.'),
								value: 'bearer',
							},
						],
						{
							id: PromptId.authScheme,
							title,
							step: 3,
							totalSteps: TOTAL_STEPS,
							ignoreFocusOut: true,
							placeholder: vscode.l10n.t('How do you sign in? ({0})', found),
						},
					);
		if (!auth) throw new CancelledError();

		const draft: TypedCredentialsConnection = { id: newConnectionId(name), name, baseUrl, auth };
		if (args.allowInsecureHttp === true) draft.allowInsecureHttp = true;
		const { entered, who } = await collectCredentials(s, draft, { title, step: 4, totalSteps: TOTAL_STEPS });
		const connection: Connection = entered.userName ? { ...draft, userName: entered.userName } : draft;
		// Secrets first: when the settings change fires, the new connection already reads as signed in.
		await s.secrets.set(connection.id, entered.secret);
		await s.connections.add(connection);
		await s.connections.setActive(connection.id);
		s.log.info(`Added connection ${connection.name} (${connection.baseUrl}, ${connection.auth})${who ? ` signed in as ${who}` : ''}`);
		void s.prompter.notify(
			'info',
			who ? vscode.l10n.t('Connected to {0} as {1}.', connection.name, who) : vscode.l10n.t('Connection {0} added.', connection.name),
			{},
		);
		return connection.id;
	});
}

async function probe(s: Services, baseUrl: string, name: string): Promise<{ ok: true; version?: string } | { ok: false; message: string }> {
	const client = await s.clients.anonymous(baseUrl, name);
	try {
		const info = await s.prompter.withProgress(vscode.l10n.t('Checking {0}…', baseUrl), (signal) => client.probe({ signal }));
		const version = serverVersion(info);
		s.log.info(`Probed ${baseUrl}: ${version ?? 'no version reported'}`);
		return { ok: true, version };
	} catch (err) {
		const d = describeError(err);
		if (!d) throw new CancelledError();
		s.log.failure(`Probing ${baseUrl}`, err);
		return { ok: false, message: d.message };
	}
}
