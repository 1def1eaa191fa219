// Accept and Reject Transfer act on the same thing: a chat a colleague is transferring to the agent, given by id or
// picked from the transfers addressed to the agent.
import * as vscode from 'vscode';
import { type Services } from '../services/services';
import { resolveTarget } from './resolveTarget';
import { myAssociateId } from './sessionActions';

export async function resolveIncomingTransfer(
	s: Services,
	args: { connectionId?: string; sessionId?: number },
	title: (connectionName: string) => string,
): ReturnType<typeof resolveTarget> {
	const connection = s.connections.require(args.connectionId);
	// Only the picker needs to know who "me" is (to list the transfers addressed to me).
	const me = args.sessionId === undefined ? await myAssociateId(s, connection) : undefined;
	return resolveTarget(s, {
		connectionId: connection.id,
		sessionId: args.sessionId,
		title: title(connection.name),
		filter: (r) => r.transferToId !== undefined && (me === undefined || r.transferToId === me),
		emptyText: vscode.l10n.t('No chat is being transferred to you on {0}', connection.name),
	});
}
