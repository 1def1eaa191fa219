// Accept Transfer: a chat a colleague transferred to the agent (given, or picked from the incoming transfers) becomes
// the agent's; then it opens like a picked-up chat. `acceptTransfer({ connectionId?, sessionId? })` → the session.
import * as vscode from 'vscode';
import { type ChatSessionEntity } from '../api';
import { CommandId } from '../core/commandIds';
import { registerCommand, showError } from '../errors/showError';
import { type Services } from '../services/services';
import { resolveIncomingTransfer } from '../targets/incomingTransfer';
import { continueWithSession, guarded, sessionName, withActionProgress } from '../targets/sessionActions';
import { parseTargetArgs } from '../targets/targetArgs';

export function registerAcceptTransferCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.acceptTransfer, async (arg?: unknown): Promise<ChatSessionEntity | undefined> => {
		const args = parseTargetArgs(arg, CommandId.acceptTransfer);
		const target = await resolveIncomingTransfer(s, args, (connectionName) => vscode.l10n.t('Accept Transfer ({0})', connectionName));
		const { connection, client, sessionId } = target;
		const name = sessionName(target.customer, sessionId);
		try {
			const session = await guarded(s, connection, sessionId, vscode.l10n.t('Accept Transfer'), () =>
				withActionProgress(s, vscode.l10n.t('Accepting the transfer of the chat with {0} on {1}…', name, connection.name), () =>
					client.acceptTransfer(sessionId),
				),
			);
			s.log.info(`Accepted the transfer of session ${sessionId} (${name}) [${connection.name}]`);
			await continueWithSession(s, connection, sessionId);
			return session;
		} catch (err) {
			showError(s, err, {
				connection,
				what: `Accept Transfer of session ${sessionId}`,
				retry: () => vscode.commands.executeCommand(CommandId.acceptTransfer, { connectionId: connection.id, sessionId }),
			});
			return undefined;
		}
	});
}
