// Post Message: session (picker, or typed id) → text (input box, or "Compose in Editor…") → send.
// `postMessage({ connectionId?, sessionId?, text? })` skips the prompts its arguments answer. A failed send keeps
// the text: Retry (only where safe) and the next Post Message to that session start from it.
import * as vscode from 'vscode';
import { type ChatClient, type ChatMessage } from '../api';
import { type Connection } from '../connections/connection';
import { sendKey } from '../sessions/sendGuard';
import { customerOf } from '../sessions/sessionSummary';
import { PromptId } from '../core/prompter';
import { CancelledError, InvalidArgumentError, NoConnectionError } from '../util/errors';
import { connectionIdArg, sessionIdArg } from '../sending/targetArgs';
import { CommandId } from '../core/commandIds';
import { registerCommand, showError } from '../errors/showError';
import { sendMessage } from '../sending/sendToSession';
import { type Services } from '../services/services';

export interface PostMessageArgs {
	connectionId?: string;
	sessionId?: number;
	text?: string;
}

interface Flow {
	connection: Connection;
	client: ChatClient;
	sessionId?: number;
	customer?: string;
	text?: string;
	/** Pre-fills the input box (the text of a failed send). */
	initialText?: string;
}

const COMPOSE = 'compose';

function parseArgs(arg: unknown): PostMessageArgs {
	if (arg === undefined || arg === null) return {};
	if (typeof arg !== 'object') throw new InvalidArgumentError(vscode.l10n.t('postMessage takes { sessionId, text }.'));
	const a = arg as Record<string, unknown>;
	const out: PostMessageArgs = {};
	const connectionId = connectionIdArg(a);
	if (connectionId) out.connectionId = connectionId;
	const sessionId = sessionIdArg(a);
	if (sessionId !== undefined) out.sessionId = sessionId;
	if (a.text !== undefined) {
		if (typeof a.text !== 'string' || a.text.trim() === '') throw new InvalidArgumentError(vscode.l10n.t('The message is empty.'), 'text');
		out.text = a.text;
	}
	return out;
}

export function registerPostMessageCommand(s: Services): vscode.Disposable {
	// Text of failed sends per (connection, session); memory only, so nothing typed is written to disk.
	const unsent = new Map<string, string>();

	const run = async (flow: Flow): Promise<ChatMessage | undefined> => {
		const { connection, client } = flow;
		const title = vscode.l10n.t('Post to SuperOffice chat ({0})', connection.name);
		let sessionId = flow.sessionId;
		let customer = flow.customer;
		if (sessionId === undefined) {
			const picked = await s.sessionPicker.pick(connection, client, { title, step: 1, totalSteps: 2 });
			if (!picked) throw new CancelledError();
			sessionId = picked.sessionId;
			customer = picked.customer;
		}
		if (customer === undefined) {
			// A typed or scripted id: check that the session exists (nothing is posted to a wrong id) and name it.
			customer = customerOf(await client.getSession(sessionId));
		}
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
			const posted = await sendMessage(s, { connection, client, sessionId, customer, message: text });
			unsent.delete(key);
			return posted;
		} catch (err) {
			unsent.set(key, text);
			const sent = text;
			const target = sessionId;
			showError(s, err, {
				connection,
				what: `Post Message to session ${target}`,
				// A fresh client: the user may have signed in again in between.
				retry: async () =>
					run({ connection, client: await s.clients.forConnection(connection), sessionId: target, customer, initialText: sent }),
			});
			return undefined;
		}
	};

	return registerCommand(s, CommandId.postMessage, async (arg?: unknown) => {
		const args = parseArgs(arg);
		let connection: Connection | undefined;
		if (args.connectionId) {
			connection = s.connections.get(args.connectionId);
			if (!connection) throw new NoConnectionError(args.connectionId);
		}
		const resolved = connection ? { connection, client: await s.clients.forConnection(connection) } : await s.clients.forActive();
		return run({ ...resolved, sessionId: args.sessionId, text: args.text });
	});
}
