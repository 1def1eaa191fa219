// What the chat view runs for the agent. Its rows and recipient bar ask for session actions, each one command given
// the view's connection and session, so it acts on exactly what the user saw. `superofficeChat.openSessionInView`
// is what the agent commands call once a chat became the agent's (pick up, accepted transfer).
import * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { registerCommand } from '../errors/showError';
import { type Services } from '../services/services';
import { type SessionAction } from '../shared/protocol';
import { parseTargetArgs } from '../targets/targetArgs';
import { InvalidArgumentError } from '../util/errors';

const ACTION_COMMANDS: Record<SessionAction | 'pickUp', string> = {
	pickUp: CommandId.pickUp,
	transfer: CommandId.transfer,
	resetSession: CommandId.resetSession,
	openTranscript: CommandId.openTranscript,
	acceptTransfer: CommandId.acceptTransfer,
	rejectTransfer: CommandId.rejectTransfer,
};

/** Runs the command of a view action on `sessionId` of `connectionId` (the commands check both again). */
export async function runSessionAction(
	action: SessionAction | 'pickUp',
	connectionId: string | undefined,
	sessionId: number,
): Promise<void> {
	await vscode.commands.executeCommand(ACTION_COMMANDS[action], { connectionId, sessionId });
}

/**
 * `openSessionInView({ connectionId?, sessionId })`: makes the connection active when it is not, then opens the chat
 * view at the session with the caret in the composer.
 */
export function registerOpenSessionInView(s: Services, reveal: (sessionId: number) => Promise<void>): vscode.Disposable {
	return registerCommand(s, CommandId.openSessionInView, async (arg?: unknown): Promise<void> => {
		const { connectionId, sessionId } = parseTargetArgs(arg, CommandId.openSessionInView);
		if (sessionId === undefined) {
			throw new InvalidArgumentError(vscode.l10n.t('{0} needs a sessionId.', CommandId.openSessionInView), 'sessionId');
		}
		const connection = s.connections.require(connectionId);
		if (connection.id !== s.connections.active()?.id) {
			s.log.info(`Opening session ${sessionId} switches the chat view to ${connection.name}`);
			await s.connections.setActive(connection.id);
		}
		await reveal(sessionId);
	});
}
