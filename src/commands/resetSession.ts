// Put Back in Queue: one of the agent's chats (given, or picked) goes back to the queue for any agent to pick up,
// after a modal confirmation naming the customer. `resetSession({ connectionId?, sessionId? })` → the session.
import * as vscode from 'vscode';
import { type ChatSessionEntity } from '../api';
import { CommandId } from '../core/commandIds';
import { PromptId } from '../core/prompter';
import { registerCommand, showError } from '../errors/showError';
import { type Services } from '../services/services';
import { resolveTarget } from '../targets/resolveTarget';
import { announce, guarded, myAssociateId, refreshSessionViews, sessionName, withActionProgress } from '../targets/sessionActions';
import { parseTargetArgs } from '../targets/targetArgs';
import { CancelledError } from '../util/errors';

export function registerResetSessionCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.resetSession, async (arg?: unknown): Promise<ChatSessionEntity | undefined> => {
		const args = parseTargetArgs(arg, CommandId.resetSession);
		const connection = s.connections.require(args.connectionId);
		const me = args.sessionId === undefined ? await myAssociateId(s, connection) : undefined;
		const target = await resolveTarget(s, {
			connectionId: connection.id,
			sessionId: args.sessionId,
			title: vscode.l10n.t('Put Back in Queue ({0})', connection.name),
			filter: (r) => r.open && r.status !== 'InQueue' && (me === undefined || r.ownerId === me),
			emptyText: vscode.l10n.t('None of your chats on {0} can be put back in the queue now', connection.name),
		});
		const { client, sessionId } = target;
		const name = sessionName(target.customer, sessionId);
		try {
			const session = await guarded(s, connection, sessionId, vscode.l10n.t('Put Back in Queue'), async () => {
				const ok = await s.prompter.confirm(vscode.l10n.t('Put the chat with {0} back in the queue?', name), {
					id: PromptId.confirmReset,
					detail: vscode.l10n.t('On {0}. It will no longer be yours; any agent of its topic can pick it up.', connection.name),
					confirm: vscode.l10n.t('Put Back in Queue'),
				});
				if (!ok) throw new CancelledError();
				return withActionProgress(s, vscode.l10n.t('Putting the chat with {0} back in the queue on {1}…', name, connection.name), () =>
					client.reset(sessionId),
				);
			});
			s.log.info(`Put session ${sessionId} (${name}) back in the queue [${connection.name}]`);
			announce(s, vscode.l10n.t('{0} is back in the queue.', name));
			refreshSessionViews();
			return session;
		} catch (err) {
			showError(s, err, {
				connection,
				what: `Put Back in Queue session ${sessionId}`,
				retry: () => vscode.commands.executeCommand(CommandId.resetSession, { connectionId: connection.id, sessionId }),
			});
			return undefined;
		}
	});
}
