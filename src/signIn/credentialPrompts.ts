// Asks for the credentials of a connection (password boxes for every secret) and checks them against the server
// before anything is stored, so a typo is caught at sign-in rather than at the first send.
import * as vscode from 'vscode';
import { type CurrentPrincipal } from '../api';
import { describeError } from '../errors/describeError';
import { type Services } from '../services/services';
import { PromptId } from '../core/prompter';
import { CancelledError, InvalidArgumentError } from '../util/errors';
import { type Connection, type TypedAuthScheme, type TypedCredentialsConnection } from '../connections/connection';
import { credentialsFor, type StoredSecret } from '../connections/secretStore';

interface StepInfo {
	title: string;
	step?: number;
	totalSteps?: number;
}

interface EnteredCredentials {
	/** Basic only: the user name (kept in settings, not a secret). */
	userName?: string;
	secret: StoredSecret;
}

function required(what: string): (v: string) => string | undefined {
	return (v) => (v.trim() === '' ? vscode.l10n.t('{0} is required.', what) : undefined);
}

const HEADER_SAFE = /^[\x21-\x7e]+$/;

function tokenCheck(what: string, optional = false): (v: string) => string | undefined {
	return (v) => {
		const t = v.trim();
		if (t === '') return optional ? undefined : vscode.l10n.t('{0} is required.', what);
		return HEADER_SAFE.test(t) ? undefined : vscode.l10n.t('{0} must not contain spaces or special characters.', what);
	};
}

async function ask(s: Services, options: Parameters<Services['prompter']['input']>[0]): Promise<string> {
	const v = await s.prompter.input({ ignoreFocusOut: true, ...options });
	if (v === undefined) throw new CancelledError();
	return v;
}

/** Prompts for what the scheme needs. Every secret is typed into a password box. */
async function askCredentials(
	s: Services,
	auth: TypedAuthScheme,
	userName: string | undefined,
	info: StepInfo,
): Promise<EnteredCredentials> {
	const step = info.step;
	const at = (n: number): number | undefined => (step === undefined ? undefined : step + n);
	switch (auth) {
		case 'basic': {
			const user = (
				await ask(s, {
					id: PromptId.userName,
					title: info.title,
					step: at(0),
					totalSteps: info.totalSteps,
					prompt: vscode.l10n.t('Your SuperOffice user name'),
					value: userName ?? '',
					validate: (v) =>
						required(vscode.l10n.t('The user name'))(v) ??
						(v.includes(':') ? vscode.l10n.t('The user name must not contain a colon.') : undefined),
				})
			).trim();
			const password = await ask(s, {
				id: PromptId.password,
				title: info.title,
				step: at(1),
				totalSteps: info.totalSteps,
				prompt: vscode.l10n.t("The password for {0} (kept in VS Code's Secret Storage)", user),
				password: true,
				validate: (v) => (v === '' ? vscode.l10n.t('{0} is required.', vscode.l10n.t('The password')) : undefined),
			});
			return { userName: user, secret: { password } };
		}
		case 'soticket': {
			const ticket = await ask(s, {
				id: PromptId.ticket,
				title: info.title,
				step: at(0),
				totalSteps: info.totalSteps,
				prompt: vscode.l10n.t("Your SuperOffice ticket, e.g. 7T:… (kept in VS Code's Secret Storage)"),
				password: true,
				validate: tokenCheck(vscode.l10n.t('The ticket')),
			});
			const appToken = await ask(s, {
				id: PromptId.appToken,
				title: info.title,
				step: at(1),
				totalSteps: info.totalSteps,
				prompt: vscode.l10n.t('Application token (SO-AppToken), needed for SuperOffice Online; leave empty for Onsite'),
				password: true,
				validate: tokenCheck(vscode.l10n.t('The application token'), true),
			});
			const secret: StoredSecret = { ticket: ticket.trim() };
			if (appToken.trim() !== '') secret.appToken = appToken.trim();
			return { secret };
		}
		case 'bearer': {
			const token = await ask(s, {
				id: PromptId.token,
				title: info.title,
				step: at(0),
				totalSteps: info.totalSteps,
				prompt: vscode.l10n.t("Your access token (kept in VS Code's Secret Storage)"),
				password: true,
				validate: tokenCheck(vscode.l10n.t('The access token')),
			});
			return { secret: { token: token.trim() } };
		}
	}
}

function principalName(p: CurrentPrincipal | undefined): string | undefined {
	const v = p?.FullName ?? p?.Associate ?? p?.UserName;
	return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

type VerifyOutcome = { ok: true; who?: string } | { ok: false; again: boolean };

/**
 * Checks credentials with GET User/currentPrincipal. On failure asks whether to enter them again or (when the
 * server was not the one refusing them) save them anyway. Cancel ends the flow.
 */
async function verifyCredentials(s: Services, c: Connection, entered: EnteredCredentials): Promise<VerifyOutcome> {
	const connection = entered.userName ? { ...c, userName: entered.userName } : c;
	const credentials = credentialsFor(connection, entered.secret);
	if (!credentials) throw new InvalidArgumentError(vscode.l10n.t("These credentials do not fit the connection's sign-in method."));
	const client = await s.clients.withCredentials(connection, credentials);
	try {
		const principal = await s.prompter.withProgress(vscode.l10n.t('Checking the credentials for {0}…', c.name), (signal) =>
			client.currentPrincipal({ signal }),
		);
		return { ok: true, who: principalName(principal) };
	} catch (err) {
		const d = describeError(err, { connectionName: c.name });
		if (!d) throw new CancelledError();
		s.log.failure(`Checking the credentials for ${c.name}`, err);
		const refused = (err as { kind?: string }).kind === 'unauthorized';
		const enterAgain = vscode.l10n.t('Enter Again');
		const saveAnyway = vscode.l10n.t('Save Anyway');
		const chosen = await s.prompter.notify(
			'warning',
			vscode.l10n.t('The credentials could not be checked.'),
			{ id: PromptId.verifyFailed, modal: true, detail: d.message },
			...(refused ? [enterAgain] : [enterAgain, saveAnyway]),
		);
		if (chosen === enterAgain) return { ok: false, again: true };
		if (chosen === saveAnyway) return { ok: true };
		throw new CancelledError();
	}
}

/** Asks, checks and (when confirmed) returns credentials; loops on "Enter Again". Stores nothing. */
export async function collectCredentials(
	s: Services,
	c: TypedCredentialsConnection,
	info: StepInfo,
): Promise<{ entered: EnteredCredentials; who?: string }> {
	for (;;) {
		const entered = await askCredentials(s, c.auth, c.userName, info);
		const outcome = await verifyCredentials(s, c, entered);
		if (outcome.ok) return { entered, who: outcome.who };
	}
}

/** Stores the secret first, then the user name, so the connection never reads as signed in with a stale pair. */
export async function saveCredentials(s: Services, c: Connection, entered: EnteredCredentials): Promise<Connection> {
	await s.secrets.set(c.id, entered.secret);
	if (entered.userName !== undefined && entered.userName !== c.userName) {
		const updated = { ...c, userName: entered.userName };
		await s.connections.update(updated);
		return updated;
	}
	return c;
}
