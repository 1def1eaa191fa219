// Pick Up Next Chat: the longest-waiting chat in the queue (of the topics the agent answers) becomes the agent's.
// `pickUpNext({ connectionId? })` → the session, or undefined when the queue was empty (said so, not an error).
import * as vscode from 'vscode';
import { type ChatSessionEntity } from '../api';
import { CommandId } from '../core/commandIds';
import { registerCommand, showError } from '../errors/showError';
import { type Services } from '../services/services';
import { customerOf } from '../sessions/sessionSummary';
import { pickUpActionName } from '../targets/pickUpSession';
import { continueWithSession, guarded, refreshSessionViews, sessionName, withActionProgress } from '../targets/sessionActions';
import { parseTargetArgs } from '../targets/targetArgs';

export function registerPickUpNextCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.pickUpNext, async (arg?: unknown): Promise<ChatSessionEntity | undefined> => {
		const { connectionId } = parseTargetArgs(arg, CommandId.pickUpNext);
		const connection = s.connections.require(connectionId);
		const client = await s.clients.forConnection(connection);
		let session: ChatSessionEntity | undefined;
		try {
			session = await guarded(s, connection, undefined, pickUpActionName(), () =>
				withActionProgress(s, vscode.l10n.t('Picking up the next chat in the queue on {0}…', connection.name), () => client.pickUpNext()),
			);
		} catch (err) {
			// Never repeated by itself: Retry is offered only when the request provably never left.
			showError(s, err, {
				connection,
				what: 'Pick Up Next Chat',
				retry: () => vscode.commands.executeCommand(CommandId.pickUpNext, { connectionId: connection.id }),
			});
			return undefined;
		}
		if (!session) {
			s.log.info(`Pick up next [${connection.name}]: the queue is empty`);
			void s.prompter.notify('info', vscode.l10n.t('No chat is waiting in the queue on {0}.', connection.name), {});
			refreshSessionViews();
			return undefined;
		}
		const name = sessionName(customerOf(session), session.ChatSessionId);
		s.log.info(`Picked up session ${session.ChatSessionId} (${name}) from the queue [${connection.name}]`);
		await continueWithSession(s, connection, session.ChatSessionId);
		return session;
	});
}
