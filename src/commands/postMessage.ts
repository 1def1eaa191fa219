// Post Message: session (picker, or typed id) → text (input box, or "Compose in Editor…") → send.
// `postMessage({ connectionId?, sessionId?, text? })` skips the prompts its arguments answer. A failed send keeps
// the text: Retry (only where safe) and the next Post Message to that session start from it.
import * as vscode from 'vscode';
import { type ChatMessage } from '../api';
import { sendKey } from '../sessions/sendGuard';
import { PromptId } from '../core/prompter';
import { CancelledError, InvalidArgumentError } from '../util/errors';
import { resolveTarget } from '../targets/resolveTarget';
import { parseTargetArgs } from '../targets/targetArgs';
import { CommandId } from '../core/commandIds';
import { registerCommand, showError } from '../errors/showError';
import { sendToSession } from '../sending/sendToSession';
import { type Services } from '../services/services';

interface PostMessageArgs {
	connectionId?: string;
	sessionId?: number;
	text?: string;
}

interface Flow {
	connectionId?: string;
	sessionId?: number;
	customer?: string;
	text?: string;
	/** Pre-fills the input box (the text of a failed send). */
	initialText?: string;
}

const COMPOSE = 'compose';

function parseArgs(arg: unknown): PostMessageArgs {
	if (arg !== undefined && arg !== null && typeof arg !== 'object') {
		throw new InvalidArgumentError(vscode.l10n.t('postMessage takes { sessionId, text }.'));
	}
	const out: PostMessageArgs = parseTargetArgs(arg, CommandId.postMessage);
	const text = (arg as Record<string, unknown> | undefined | null)?.text;
	if (text !== undefined) {
		if (typeof text !== 'string' || text.trim() === '') throw new InvalidArgumentError(vscode.l10n.t('The message is empty.'), 'text');
		out.text = text;
	}
	return out;
}

export function registerPostMessageCommand(s: Services): vscode.Disposable {
	// Text of failed sends per (connection, session); memory only, so nothing typed is written to disk.
	const unsent = new Map<string, string>();

	const run = async (flow: Flow): Promise<ChatMessage | undefined> => {
		const connectionName = s.connections.require(flow.connectionId).name;
		const title = vscode.l10n.t('Post to SuperOffice chat ({0})', connectionName);
		// A fresh client each run: the user may have signed in again since a failed send.
		const { connection, client, sessionId, customer } = await resolveTarget(s, {
			connectionId: flow.connectionId,
			sessionId: flow.sessionId,
			customer: flow.customer,
			title,
			step: 1,
			totalSteps: 2,
		});
		const key = sendKey(connection.id, sessionId);
		let text = flow.text;
		if (text === undefined) {
			const answer = await s.prompter.inputOrAction(
				{
					id: PromptId.messageText,
					title,
					step: 2,
					totalSteps: 2,
					prompt: vscode.l10n.t(
						'Message to {0} (session {1}). Enter sends.',
						customer ?? vscode.l10n.t('session {0}', sessionId),
						sessionId,
					),
					placeholder: vscode.l10n.t('Type your message, or use the button to compose a longer one in an editor'),
					value: flow.initialText ?? unsent.get(key) ?? '',
					ignoreFocusOut: true,
					validate: (v) => (v.trim() === '' ? vscode.l10n.t('The message is empty.') : undefined),
				},
				[{ id: COMPOSE, label: vscode.l10n.t('Compose in Editor…'), icon: 'edit' }],
			);
			if (answer === undefined) throw new CancelledError();
			if (typeof answer !== 'string') {
				await vscode.commands.executeCommand(CommandId.composeMessage, { connectionId: connection.id, sessionId });
				return undefined;
			}
			text = answer;
		}
		try {
			const posted = await sendToSession(s, { connection, client, sessionId, customer, message: text });
			unsent.delete(key);
			return posted;
		} catch (err) {
			unsent.set(key, text);
			const sent = text;
			const target = sessionId;
			showError(s, err, {
				connection,
				what: `Post Message to session ${target}`,
				retry: () => run({ connectionId: connection.id, sessionId: target, customer, initialText: sent }),
			});
			return undefined;
		}
	};

	return registerCommand(s, CommandId.postMessage, async (arg?: unknown) => {
		const args = parseArgs(arg);
		return run({ connectionId: args.connectionId, sessionId: args.sessionId, text: args.text });
	});
}
