// Commands of the agent actions (pick up, pick up next) that the chat view and the status bar offer. They are
// registered elsewhere; until they are, a click is logged and does nothing.
import * as vscode from 'vscode';
import { type Log } from '../core/log';

export const AgentCommand = {
	pickUp: 'superofficeChat.pickUp',
	pickUpNext: 'superofficeChat.pickUpNext',
} as const;
type AgentCommandId = (typeof AgentCommand)[keyof typeof AgentCommand];

export interface AgentCommandArgs {
	connectionId?: string;
	sessionId?: number;
}

/** Runs the command when it is registered; otherwise logs that it is not available. */
export async function runAgentCommand(log: Log, id: AgentCommandId, args: AgentCommandArgs): Promise<void> {
	const known = await vscode.commands.getCommands(true);
	if (!known.includes(id)) {
		log.info(`${id} is not available in this version; nothing done`);
		return;
	}
	await vscode.commands.executeCommand(id, args);
}
