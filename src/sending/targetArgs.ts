// Resolves which connection a command acts on: an automation argument ({ connectionId } or the id as a string),
// else a quick pick when there are several, else the only one.
import * as vscode from 'vscode';
import { type Connection } from '../connections/connection';
import { PromptId } from '../core/prompter';
import { CancelledError, InvalidArgumentError, NoConnectionError } from '../util/errors';
import { type Services } from '../services/services';

export interface ConnectionArg {
	connectionId?: string;
}

export function connectionIdArg(arg: unknown): string | undefined {
	if (typeof arg === 'string' && arg !== '') return arg;
	if (arg !== null && typeof arg === 'object') {
		const id = (arg as ConnectionArg).connectionId;
		if (id !== undefined && typeof id !== 'string') {
			throw new InvalidArgumentError(vscode.l10n.t('connectionId must be text.'), 'connectionId');
		}
		return id || undefined;
	}
	return undefined;
}

/** The `sessionId` of an automation argument, checked; undefined when absent. */
export function sessionIdArg(a: Record<string, unknown>): number | undefined {
	if (a.sessionId === undefined) return undefined;
	if (typeof a.sessionId !== 'number' || !Number.isSafeInteger(a.sessionId) || a.sessionId < 1) {
		throw new InvalidArgumentError(vscode.l10n.t('sessionId must be a whole number from 1.'), 'sessionId');
	}
	return a.sessionId;
}

/** The connection named by the argument; throws NoConnectionError when it does not exist. */
export function connectionFromArg(s: Services, arg: unknown): Connection | undefined {
	const id = connectionIdArg(arg);
	if (id === undefined) return undefined;
	const c = s.connections.get(id);
	if (!c) throw new NoConnectionError(id);
	return c;
}

export async function pickConnection(s: Services, placeholder: string, preferActive = false): Promise<Connection> {
	const list = s.connections.list();
	if (list.length === 0) throw new NoConnectionError();
	const active = s.connections.active();
	if (list.length === 1 || (preferActive && active)) return active ?? list[0];
	const signedIn = await Promise.all(list.map((c) => s.secrets.has(c.id)));
	const chosen = await s.prompter.pick(
		list.map((c, i) => ({
			label: c.name,
			description: [
				c.id === active?.id ? vscode.l10n.t('active') : '',
				signedIn[i] ? vscode.l10n.t('signed in') : vscode.l10n.t('signed out'),
			]
				.filter(Boolean)
				.join(' · '),
			detail: c.baseUrl,
			icon: signedIn[i] ? 'pass' : 'circle-slash',
			value: c,
		})),
		{ id: PromptId.pickConnection, placeholder },
	);
	if (!chosen) throw new CancelledError();
	return chosen;
}
