// Shared steps of the session actions (pick up, transfer, accept, reject, put back): one action per session at a time
// (the SendGuard, so a double click runs once), a progress notification that names the target before the request
// and has no Cancel (a request that changes who owns a chat is never cut off or repeated), and the step after a chat
// became the agent's: the chat view opens it with the caret in the composer.
import * as vscode from 'vscode';
import { type Connection } from '../connections/connection';
import { CommandId } from '../core/commandIds';
import { actionLabel } from '../errors/errorActions';
import { type Services } from '../services/services';
import { sendKey } from '../sessions/sendGuard';

/** "Linus T. (session 103)", or "session 103" when the customer is unknown. */
export function sessionName(customer: string | undefined, sessionId: number): string {
	return customer ? vscode.l10n.t('{0} (session {1})', customer, sessionId) : vscode.l10n.t('session {0}', sessionId);
}

/**
 * Runs `fn` unless another action or send on the same session (or, without a session, on the connection's queue)
 * is in flight; then SendBusyError names `action`. Prompts inside `fn` are covered too, so a second click while the
 * first is still asking does not ask twice.
 */
export function guarded<T>(
	s: Services,
	connection: Connection,
	sessionId: number | undefined,
	action: string,
	fn: () => Promise<T>,
): Promise<T> {
	const key = sessionId === undefined ? `${connection.id}#queue` : sendKey(connection.id, sessionId);
	return s.sendGuard.run(key, fn, action);
}

/** The request under a progress notification without Cancel; `title` names connection, session and customer. */
export function withActionProgress<T>(s: Services, title: string, fn: () => Promise<T>): Promise<T> {
	return s.prompter.withProgress(title, () => fn(), { cancellable: false });
}

/** Asks the chat view (if loaded) to read the sessions again; ownership changed. */
export function refreshSessionViews(): void {
	void vscode.commands.executeCommand(CommandId.refreshView).then(undefined, () => undefined);
}

/** The signed-in user's associate id, to tell "mine" from "a colleague's". */
export async function myAssociateId(s: Services, connection: Connection): Promise<number | undefined> {
	return s.principals.associateId(connection.id, await s.clients.forConnection(connection));
}

/** A chat became the agent's (picked up, or a transfer accepted): remember it and open it in the chat view, the caret in the composer. */
export async function continueWithSession(s: Services, connection: Connection, sessionId: number): Promise<void> {
	await s.recentSessions.add(connection.id, sessionId);
	refreshSessionViews();
	await vscode.commands.executeCommand(CommandId.openSessionInView, { connectionId: connection.id, sessionId });
}

/** A success toast with Show Log. */
export function announce(s: Services, message: string): void {
	const showLog = actionLabel('showLog');
	void s.prompter.notify('info', message, {}, showLog).then(
		(chosen) => {
			if (chosen === showLog) s.log.show();
		},
		() => undefined,
	);
}
