// Transfer…: one of the agent's chats (given, or picked) is offered to a colleague of its topic (picked by name, with
// whether they can respond; the agent is left out), after a confirmation naming both. The chat stays the agent's
// until the colleague accepts: "transfer pending". `transfer({ connectionId?, sessionId? })` → the session.
import * as vscode from 'vscode';
import { type ChatSessionEntity, type ChatTopicAgent } from '../api';
import { CommandId } from '../core/commandIds';
import { type PickEntry, PromptId } from '../core/prompter';
import { registerCommand, showError } from '../errors/showError';
import { type Services } from '../services/services';
import { resolveTarget } from '../targets/resolveTarget';
import { announce, guarded, myAssociateId, refreshSessionViews, sessionName, withActionProgress } from '../targets/sessionActions';
import { parseTargetArgs } from '../targets/targetArgs';
import { CancelledError, InvalidArgumentError } from '../util/errors';

const agentName = (a: ChatTopicAgent): string => a.User?.FullName || a.User?.Name || a.User?.UserName || String(a.User?.AssociateId ?? '?');

function colleagueEntries(agents: ChatTopicAgent[]): PickEntry<ChatTopicAgent>[] {
	const item = (a: ChatTopicAgent) => ({
		label: agentName(a),
		description: a.CanRespond ? vscode.l10n.t('can respond') : vscode.l10n.t('cannot respond in this topic'),
		detail: a.User?.UserName,
		icon: a.CanRespond ? 'person' : 'circle-slash',
		value: a,
	});
	const can = agents.filter((a) => a.CanRespond);
	const cannot = agents.filter((a) => !a.CanRespond);
	const out: PickEntry<ChatTopicAgent>[] = can.map(item);
	if (cannot.length > 0) out.push({ separator: true, label: vscode.l10n.t('Cannot take a transfer') }, ...cannot.map(item));
	if (agents.length === 0) out.push({ separator: true, label: vscode.l10n.t('No colleague is a member of this chat topic') });
	return out;
}

export function registerTransferCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.transfer, async (arg?: unknown): Promise<ChatSessionEntity | undefined> => {
		const args = parseTargetArgs(arg, CommandId.transfer);
		const connection = s.connections.require(args.connectionId);
		const me = await myAssociateId(s, connection);
		const title = vscode.l10n.t('Transfer Chat ({0})', connection.name);
		const target = await resolveTarget(s, {
			connectionId: connection.id,
			sessionId: args.sessionId,
			title,
			step: 1,
			totalSteps: 2,
			filter: (r) => r.open && r.status !== 'InQueue' && r.transferToId === undefined && (me === undefined || r.ownerId === me),
			emptyText: vscode.l10n.t('None of your chats on {0} can be transferred now', connection.name),
		});
		const { client, sessionId } = target;
		const name = sessionName(target.customer, sessionId);
		// Read again: the topic decides who can take it, and a pending transfer or the queue rule it out.
		const session = await client.getSession(sessionId);
		if (session.Status === 'InQueue') {
			throw new InvalidArgumentError(vscode.l10n.t('{0} is waiting in the queue: pick it up before transferring it.', name));
		}
		if (session.TransferTo) {
			const to = session.TransferTo.FullName || session.TransferTo.Name || '?';
			throw new InvalidArgumentError(vscode.l10n.t('{0} is already being transferred to {1}.', name, to));
		}
		if (session.TopicId === undefined) throw new InvalidArgumentError(vscode.l10n.t('{0} has no chat topic to find colleagues in.', name));
		const agents = (await client.topicAgents(session.TopicId)).filter((a) => a.User && a.User.AssociateId !== me);
		const colleague = await s.prompter.pick(colleagueEntries(agents), {
			id: PromptId.pickColleague,
			title,
			step: 2,
			totalSteps: 2,
			placeholder: vscode.l10n.t('Transfer {0} to…', name),
			matchOnDetail: true,
		});
		if (!colleague?.User) throw new CancelledError();
		const who = agentName(colleague);
		if (!colleague.CanRespond) {
			throw new InvalidArgumentError(
				vscode.l10n.t('{0} cannot respond in this chat topic, so cannot take the chat. Choose a colleague who can.', who),
			);
		}
		const to = colleague.User.AssociateId ?? colleague.User.UserName ?? '';
		try {
			const sent = await guarded(s, connection, sessionId, vscode.l10n.t('Transfer'), async () => {
				const ok = await s.prompter.confirm(vscode.l10n.t('Transfer the chat with {0} to {1}?', name, who), {
					id: PromptId.confirmTransfer,
					detail: vscode.l10n.t('On {0}. The chat stays yours until {1} accepts it.', connection.name, who),
					confirm: vscode.l10n.t('Transfer'),
				});
				if (!ok) throw new CancelledError();
				return withActionProgress(s, vscode.l10n.t('Transferring the chat with {0} to {1} on {2}…', name, who, connection.name), () =>
					client.transferTo(sessionId, to),
				);
			});
			s.log.info(`Transfer of session ${sessionId} (${name}) to ${who} pending [${connection.name}]`);
			announce(s, vscode.l10n.t('Transfer pending: {0} goes to {1} once they accept. Until then it is yours.', name, who));
			refreshSessionViews();
			return sent;
		} catch (err) {
			showError(s, err, {
				connection,
				what: `Transfer session ${sessionId}`,
				retry: () => vscode.commands.executeCommand(CommandId.transfer, { connectionId: connection.id, sessionId }),
			});
			return undefined;
		}
	});
}
