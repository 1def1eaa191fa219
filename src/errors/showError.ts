// The one error path of every command: cancellation is silent; anything else becomes a short localised toast with
// the actions describeError() chose, and the full detail goes to the log.
import * as vscode from 'vscode';
import { type Connection } from '../connections/connection';
import { CommandId } from '../core/commandIds';
import { type Services } from '../services/services';
import { isCancellation, isErrorNamed, SignInRequiredError } from '../util/errors';
import { type ErrorActionId } from './errorActions';
import { describeError } from './describeError';

interface ShowErrorOptions {
	connection?: Connection;
	/** Repeats what failed; offered as Retry only when the error says repeating is safe. */
	retry?: () => unknown;
	/** What failed, for the log ("Post Message"). */
	what?: string;
}

/** Logs the full detail and shows the toast; its actions run when chosen (the caller does not wait for them). */
export function showError(s: Services, err: unknown, o: ShowErrorOptions = {}): void {
	if (isCancellation(err)) {
		s.log.debug(`${o.what ?? 'Command'} cancelled`);
		return;
	}
	s.log.failure(o.what ?? 'Command failed', err);
	const connection =
		o.connection ?? (isErrorNamed(err, SignInRequiredError, 'SignInRequiredError') ? s.connections.get(err.connectionId) : undefined);
	const d = describeError(err, {
		connectionName: connection?.name,
		canRetry: o.retry !== undefined,
		canSwitch: s.connections.list().length > 1,
	});
	if (!d) return;
	void s.prompter.notify('error', d.message, {}, ...d.actions.map((a) => a.label)).then(
		(label) => {
			const action = d.actions.find((a) => a.label === label);
			if (action) void runAction(s, action.id, connection, o);
		},
		() => undefined,
	);
}

async function runAction(s: Services, id: ErrorActionId, connection: Connection | undefined, o: ShowErrorOptions): Promise<void> {
	try {
		switch (id) {
			case 'signIn':
				await vscode.commands.executeCommand(CommandId.signIn, connection ? { connectionId: connection.id } : undefined);
				return;
			case 'signInOnline':
				await vscode.commands.executeCommand(CommandId.signInOnline);
				return;
			case 'switchConnection':
				await vscode.commands.executeCommand(CommandId.switchConnection);
				return;
			case 'addConnection':
				await vscode.commands.executeCommand(CommandId.addConnection);
				return;
			case 'checkConnection':
				await vscode.commands.executeCommand(CommandId.checkConnection, connection ? { connectionId: connection.id } : undefined);
				return;
			case 'openOutbox':
				await vscode.commands.executeCommand(CommandId.openOutbox);
				return;
			case 'showLog':
				s.log.show();
				return;
			case 'retry':
				await o.retry?.();
				return;
		}
	} catch (e) {
		showError(s, e, o);
	}
}

/** Wraps a command handler: errors are shown (or silently dropped when cancelled) and the command resolves undefined. */
function runCommand<A extends unknown[], R>(
	s: Services,
	id: string,
	fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R | undefined> {
	return async (...args: A) => {
		try {
			return await fn(...args);
		} catch (e) {
			showError(s, e, { what: id });
			return undefined;
		}
	};
}

export function registerCommand<A extends unknown[], R>(s: Services, id: string, fn: (...args: A) => Promise<R>): vscode.Disposable {
	return vscode.commands.registerCommand(id, runCommand(s, id, fn) as (...args: unknown[]) => unknown);
}
