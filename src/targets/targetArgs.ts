// Command arguments that name a target (automation, menus, other extensions): `{ connectionId?, sessionId? }` or the
// connection id as a string, checked before use; and the connection quick pick when no argument names one.
import * as vscode from 'vscode';
import { type Connection } from '../connections/connection';
import { PromptId, type PickItem } from '../core/prompter';
import { type Services } from '../services/services';
import { isSessionId } from '../shared/ids';
import { CancelledError, InvalidArgumentError, NoConnectionError } from '../util/errors';

interface TargetArgs {
	connectionId?: string;
	sessionId?: number;
}

function connectionIdArg(arg: unknown): string | undefined {
	if (typeof arg === 'string' && arg !== '') return arg;
	if (arg !== null && typeof arg === 'object') {
		const id = (arg as TargetArgs).connectionId;
		if (id !== undefined && typeof id !== 'string') {
			throw new InvalidArgumentError(vscode.l10n.t('connectionId must be text.'), 'connectionId');
		}
		return id || undefined;
	}
	return undefined;
}

/** The `sessionId` of an automation argument, checked like every session id; undefined when absent. */
function sessionIdArg(a: Record<string, unknown>): number | undefined {
	if (a.sessionId === undefined) return undefined;
	if (!isSessionId(a.sessionId)) {
		throw new InvalidArgumentError(vscode.l10n.t('sessionId must be a whole number from 1 to 2147483647.'), 'sessionId');
	}
	return a.sessionId;
}

/** `{ connectionId?, sessionId? }` of a command that targets a session; a menu's document URI names no target. */
export function parseTargetArgs(arg: unknown, command: string): TargetArgs {
	if (arg === undefined || arg === null || arg instanceof vscode.Uri) return {};
	if (typeof arg !== 'object') {
		throw new InvalidArgumentError(vscode.l10n.t('{0} takes an object with connectionId and sessionId.', command));
	}
	const a = arg as Record<string, unknown>;
	const out: TargetArgs = {};
	const connectionId = connectionIdArg(a);
	if (connectionId) out.connectionId = connectionId;
	const sessionId = sessionIdArg(a);
	if (sessionId !== undefined) out.sessionId = sessionId;
	return out;
}

/** The connection named by the argument; throws NoConnectionError when it does not exist. */
export function connectionFromArg(s: Services, arg: unknown): Connection | undefined {
	const id = connectionIdArg(arg);
	return id === undefined ? undefined : s.connections.require(id);
}

/** Quick-pick rows for the connections: active and signed-in state in the description. */
export async function connectionPickItems(s: Services, list = s.connections.list()): Promise<PickItem<Connection>[]> {
	const active = s.connections.active();
	const signedIn = await Promise.all(list.map((c) => s.secrets.has(c.id)));
	return list.map((c, i) => ({
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
	}));
}

export async function pickConnection(s: Services, placeholder: string, preferActive = false): Promise<Connection> {
	const list = s.connections.list();
	if (list.length === 0) throw new NoConnectionError();
	const active = s.connections.active();
	if (list.length === 1 || (preferActive && active)) return active ?? list[0];
	const chosen = await s.prompter.pick(connectionPickItems(s, list), { id: PromptId.pickConnection, placeholder });
	if (!chosen) throw new CancelledError();
	return chosen;
}
