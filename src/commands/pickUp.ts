// Pick Up Chat: a queued session (given, or chosen from the queued ones) becomes the agent's; the chat view opens it
// when it can, else a toast offers Post Message. `pickUp({ connectionId?, sessionId? })` → the session, or undefined
// when another agent was faster (said plainly; nothing else happens) or the user cancelled.
import * as vscode from 'vscode';
import { type ChatSessionEntity } from '../api';
import { CommandId } from '../core/commandIds';
import { registerCommand, showError } from '../errors/showError';
import { type Services } from '../services/services';
import { pickUpSession } from '../targets/pickUpSession';
import { resolveTarget } from '../targets/resolveTarget';
import { parseTargetArgs } from '../targets/targetArgs';

export function registerPickUpCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.pickUp, async (arg?: unknown): Promise<ChatSessionEntity | undefined> => {
		const args = parseTargetArgs(arg, CommandId.pickUp);
		const connectionName = s.connections.require(args.connectionId).name;
		const target = await resolveTarget(s, {
			connectionId: args.connectionId,
			sessionId: args.sessionId,
			title: vscode.l10n.t('Pick Up Chat ({0})', connectionName),
			filter: (r) => r.status === 'InQueue',
			emptyText: vscode.l10n.t('No chat is waiting in the queue on {0}', connectionName),
		});
		try {
			return await pickUpSession(s, target);
		} catch (err) {
			// Never repeated by itself: Retry is offered only when the request provably never left.
			const again = { connectionId: target.connection.id, sessionId: target.sessionId };
			showError(s, err, {
				connection: target.connection,
				what: `Pick Up session ${target.sessionId}`,
				retry: () => vscode.commands.executeCommand(CommandId.pickUp, again),
			});
			return undefined;
		}
	});
}
