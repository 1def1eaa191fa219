// Accept Transfer: a chat a colleague transferred to the agent (given, or picked from the incoming transfers) becomes
// the agent's; then it opens like a picked-up chat. `acceptTransfer({ connectionId?, sessionId? })` → the session.
import * as vscode from 'vscode';
import { type ChatSessionEntity } from '../api';
import { CommandId } from '../core/commandIds';
import { registerCommand, showError } from '../errors/showError';
import { type Services } from '../services/services';
import { resolveTarget } from '../targets/resolveTarget';
import { continueWithSession, guarded, myAssociateId, sessionName, withActionProgress } from '../targets/sessionActions';
import { parseTargetArgs } from '../targets/targetArgs';

export function registerAcceptTransferCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.acceptTransfer, async (arg?: unknown): Promise<ChatSessionEntity | undefined> => {
		const args = parseTargetArgs(arg, CommandId.acceptTransfer);
		const connection = s.connections.require(args.connectionId);
		// Only the picker needs to know who "me" is (to list the transfers addressed to me).
		const me = args.sessionId === undefined ? await myAssociateId(s, connection) : undefined;
		const target = await resolveTarget(s, {
			connectionId: connection.id,
			sessionId: args.sessionId,
			title: vscode.l10n.t('Accept Transfer ({0})', connection.name),
			filter: (r) => r.transferToId !== undefined && (me === undefined || r.transferToId === me),
			emptyText: vscode.l10n.t('No chat is being transferred to you on {0}', connection.name),
		});
		const { client, sessionId } = target;
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
