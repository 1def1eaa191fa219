// Send Selection to Chat: every selection of the active editor, shaped by `superofficeChat.selectionFormat`,
// posted after a modal confirmation that names the recipient. `postSelection({ connectionId?, sessionId? })`
// skips the session picker. With `confirmSelectionSend: oncePerSession` a session is confirmed once per window.
import * as vscode from 'vscode';
import { type ChatClient, type ChatMessage } from '../api';
import { previewLines, measureText } from '../compose';
import { confirmSelectionSend } from '../core/config';
import { type Connection } from '../connections/connection';
import { sendKey } from '../sessions/sendGuard';
import { CancelledError } from '../util/errors';
import { resolveTarget } from '../targets/resolveTarget';
import { parseTargetArgs } from '../targets/targetArgs';
import { CommandId } from '../core/commandIds';
import { registerCommand, showError } from '../errors/showError';
import { selectionMessage } from '../sending/selectionText';
import { sendToSession } from '../sending/sendToSession';
import { type Services } from '../services/services';

/** Prompt ids this command asks with (scripted prompters answer by them). */
const SelectionPromptId = {
	confirm: 'confirmSelectionSend',
	nothingToSend: 'selectionEmpty',
} as const;

const PREVIEW_LINES = 8;

export function registerPostSelectionCommand(s: Services): vscode.Disposable {
	// Sessions confirmed in this window (connection#session); memory only, so every new window asks again.
	const confirmed = new Set<string>();

	const confirm = async (connection: Connection, sessionId: number, customer: string | undefined, text: string): Promise<void> => {
		const key = sendKey(connection.id, sessionId);
		if (confirmSelectionSend() === 'oncePerSession' && confirmed.has(key)) return;
		const size = measureText(text);
		const preview = previewLines(text, PREVIEW_LINES);
		const detail = [
			vscode.l10n.t('{0} lines, {1} characters', size.lines, size.chars),
			'',
			...preview.lines,
			...(preview.hiddenLines > 0 ? [vscode.l10n.t('… and {0} more lines', preview.hiddenLines)] : []),
		].join('\n');
		const send = vscode.l10n.t('Send');
		const message =
			customer === undefined
				? vscode.l10n.t('Send the selection to session {0} on {1}?', sessionId, connection.name)
				: vscode.l10n.t('Send the selection to {0} (session {1}) on {2}?', customer, sessionId, connection.name);
		if (!(await s.prompter.confirm(message, { id: SelectionPromptId.confirm, detail, confirm: send }))) throw new CancelledError();
		confirmed.add(key);
	};

	const send = async (
		connection: Connection,
		client: ChatClient,
		sessionId: number,
		customer: string | undefined,
		text: string,
	): Promise<ChatMessage | undefined> => {
		try {
			return await sendToSession(s, { connection, client, sessionId, customer, message: text });
		} catch (err) {
			showError(s, err, {
				connection,
				what: `Send Selection to session ${sessionId}`,
				// Already confirmed; a fresh client in case the user signed in again in between.
				retry: async () => send(connection, await s.clients.forConnection(connection), sessionId, customer, text),
			});
			return undefined;
		}
	};

	return registerCommand(s, CommandId.postSelection, async (arg?: unknown) => {
		const args = parseTargetArgs(arg, CommandId.postSelection);
		const editor = vscode.window.activeTextEditor;
		const text = editor ? selectionMessage(editor) : undefined;
		if (text === undefined) {
			void s.prompter.notify(
				'warning',
				editor
					? vscode.l10n.t('Nothing to send: the selection is empty.')
					: vscode.l10n.t('Open a file and select the text to send first.'),
				{ id: SelectionPromptId.nothingToSend },
			);
			return undefined;
		}
		const { connection, client, sessionId, customer } = await resolveTarget(s, {
			...args,
			title: vscode.l10n.t('Send selection to SuperOffice chat ({0})', s.connections.require(args.connectionId).name),
		});
		await confirm(connection, sessionId, customer, text);
		return send(connection, client, sessionId, customer, text);
	});
}
