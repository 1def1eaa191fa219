// Add Selection to Draft: the editor's selections (shaped by `superofficeChat.selectionFormat`) are appended to a
// session's draft in the chat view's composer instead of being sent. `addSelectionToDraft({ connectionId?, sessionId? })`
// skips the session picker.
import * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { registerCommand } from '../errors/showError';
import { appendToDraft } from '../sending/appendToDraft';
import { selectionMessage } from '../sending/selectionText';
import { type Services } from '../services/services';
import { resolveTarget } from '../targets/resolveTarget';
import { parseTargetArgs } from '../targets/targetArgs';

const NOTHING_ID = 'selectionEmpty';
const CHAT_VIEW_FOCUS = 'superofficeChat.chatView.focus';

export function registerAddSelectionToDraftCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.addSelectionToDraft, async (arg?: unknown): Promise<string | undefined> => {
		const args = parseTargetArgs(arg, CommandId.addSelectionToDraft);
		const editor = vscode.window.activeTextEditor;
		const text = editor ? selectionMessage(editor) : undefined;
		if (text === undefined) {
			void s.prompter.notify(
				'warning',
				editor ? vscode.l10n.t('Nothing to add: the selection is empty.') : vscode.l10n.t('Open a file and select the text to add first.'),
				{ id: NOTHING_ID },
			);
			return undefined;
		}
		const { connection, sessionId, customer } = await resolveTarget(s, {
			...args,
			title: vscode.l10n.t('Add the selection to a draft ({0})', s.connections.require(args.connectionId).name),
		});
		const draft = await appendToDraft(s.drafts, connection.id, sessionId, text);
		s.log.info(`Selection added to the draft of session ${sessionId} [${connection.name}]`);
		const open = vscode.l10n.t('Open Chat View');
		void s.prompter
			.notify(
				'info',
				vscode.l10n.t('Added to the draft for {0} (session {1}).', customer ?? vscode.l10n.t('session {0}', sessionId), sessionId),
				{},
				open,
			)
			.then(
				(chosen) => (chosen === open ? vscode.commands.executeCommand(CHAT_VIEW_FOCUS) : undefined),
				() => undefined,
			);
		return draft.text;
	});
}
