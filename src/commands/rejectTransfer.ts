// Reject Transfer: declines a chat a colleague transferred to the agent (given, or picked from the incoming
// transfers); it stays with the colleague. `rejectTransfer({ connectionId?, sessionId? })` → the session.
import * as vscode from 'vscode';
import { type ChatSessionEntity } from '../api';
import { CommandId } from '../core/commandIds';
import { registerCommand, showError } from '../errors/showError';
import { type Services } from '../services/services';
import { resolveIncomingTransfer } from '../targets/incomingTransfer';
import { announce, guarded, refreshSessionViews, sessionName, withActionProgress } from '../targets/sessionActions';
import { parseTargetArgs } from '../targets/targetArgs';

export function registerRejectTransferCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.rejectTransfer, async (arg?: unknown): Promise<ChatSessionEntity | undefined> => {
		const args = parseTargetArgs(arg, CommandId.rejectTransfer);
		const target = await resolveIncomingTransfer(s, args, (connectionName) => vscode.l10n.t('Reject Transfer ({0})', connectionName));
		const { connection, client, sessionId } = target;
		const name = sessionName(target.customer, sessionId);
		try {
			const session = await guarded(s, connection, sessionId, vscode.l10n.t('Reject Transfer'), () =>
				withActionProgress(s, vscode.l10n.t('Rejecting the transfer of the chat with {0} on {1}…', name, connection.name), () =>
					client.rejectTransfer(sessionId),
				),
			);
			const owner = session.User?.FullName || session.User?.Name;
			s.log.info(`Rejected the transfer of session ${sessionId} (${name}) [${connection.name}]`);
			announce(
				s,
				owner
					? vscode.l10n.t('You rejected the transfer of {0}. It stays with {1}.', name, owner)
					: vscode.l10n.t('You rejected the transfer of {0}. It stays with the colleague who offered it.', name),
			);
			refreshSessionViews();
			return session;
		} catch (err) {
			showError(s, err, {
				connection,
				what: `Reject Transfer of session ${sessionId}`,
				retry: () => vscode.commands.executeCommand(CommandId.rejectTransfer, { connectionId: connection.id, sessionId }),
			});
			return undefined;
		}
	});
}
