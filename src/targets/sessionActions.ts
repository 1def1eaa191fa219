// Shared steps of the session actions (pick up, transfer, accept, reject, put back): one action per session at a time
// (the SendGuard, so a double click runs once), a progress notification that names the target before the request
// and has no Cancel (a request that changes who owns a chat is never cut off or repeated), and the step after a chat
// became the agent's: the chat view when it can open it, else a toast with Post Message.
import * as vscode from 'vscode';
import { type ChatClient } from '../api';
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
export async function myAssociateId(client: ChatClient): Promise<number | undefined> {
	const me = await client.currentPrincipal();
	return typeof me.AssociateId === 'number' ? me.AssociateId : undefined;
}

/**
 * A chat became the agent's (picked up, or a transfer accepted): remember it, then open it in the chat view with the
 * focus in the composer when the view offers that, else say so with a Post Message action.
 */
export async function continueWithSession(s: Services, connection: Connection, sessionId: number, message: string): Promise<void> {
	await s.recentSessions.add(connection.id, sessionId);
	refreshSessionViews();
	const target = { connectionId: connection.id, sessionId };
	const commands = await vscode.commands.getCommands(true);
	if (commands.includes(CommandId.openSessionInView)) {
		await vscode.commands.executeCommand(CommandId.openSessionInView, target);
		return;
	}
	const post = vscode.l10n.t('Post Message');
	void s.prompter.notify('info', message, {}, post).then(
		(chosen) => {
			if (chosen === post) void vscode.commands.executeCommand(CommandId.postMessage, target);
		},
		() => undefined,
	);
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
