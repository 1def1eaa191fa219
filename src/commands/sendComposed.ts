// Send Composed Message (Ctrl/Cmd+Enter in a compose document): posts what is below the header to the session the
// document was opened for. On success the document closes without a save prompt; on failure it stays open.
import * as vscode from 'vscode';
import { type ChatMessage } from '../api';
import { parseComposedDocument } from '../compose';
import { CommandId } from '../core/commandIds';
import { type ComposeTarget, type ComposeTargets } from '../targets/composeTargets';
import { registerCommand, showError } from '../errors/showError';
import { sendToSession } from '../sending/sendToSession';
import { type Services } from '../services/services';

/** Prompt ids of the warnings this command shows (scripted prompters answer by them). */
const ComposePromptId = {
	notCompose: 'composeNotActive',
	empty: 'composeEmpty',
	textAbove: 'composeTextAboveSeparator',
	invalidCharacter: 'composeInvalidCharacter',
} as const;

function composeDocument(targets: ComposeTargets, arg: unknown): vscode.TextDocument | undefined {
	// The editor title button passes the document's URI; the keybinding passes nothing.
	const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
	if (!uri || !targets.get(uri)) return undefined;
	return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Closes the compose document without asking to save: revert (an untitled document then has no changes) and close. */
async function discard(doc: vscode.TextDocument): Promise<void> {
	await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
	if (vscode.window.activeTextEditor?.document.uri.toString() === doc.uri.toString()) {
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	}
}

export function registerSendComposedCommand(s: Services, targets: ComposeTargets): vscode.Disposable {
	const send = async (doc: vscode.TextDocument, target: ComposeTarget): Promise<ChatMessage | undefined> => {
		const parsed = parseComposedDocument(doc.getText());
		if (parsed.textAboveSeparator) {
			void s.prompter.notify(
				'warning',
				vscode.l10n.t('Text above the separator line is not sent. Move it below the line, then send again.'),
				{
					id: ComposePromptId.textAbove,
				},
			);
			return undefined;
		}
		if (parsed.invalidCharacter) {
			// Point at it: a lone surrogate often renders as nothing, so the user could not find it otherwise.
			const { line, column } = parsed.invalidCharacter;
			const at = new vscode.Position(line - 1, column - 1);
			const editor = await vscode.window.showTextDocument(doc, { preview: false, selection: new vscode.Range(at, at.translate(0, 1)) });
			editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
			void s.prompter.notify(
				'warning',
				vscode.l10n.t(
					'Not sent: the message has a broken character (not valid Unicode) at line {0}, column {1}. Delete it and type it again.',
					line,
					column,
				),
				{ id: ComposePromptId.invalidCharacter },
			);
			return undefined;
		}
		if (parsed.message.trim() === '') {
			void s.prompter.notify('warning', vscode.l10n.t('The message is empty — nothing was sent. Write it below the separator line.'), {
				id: ComposePromptId.empty,
			});
			return undefined;
		}
		const connection = s.connections.get(target.connectionId);
		if (!connection) {
			void s.prompter.notify('error', vscode.l10n.t('The connection {0} no longer exists — nothing was sent.', target.connectionName), {});
			return undefined;
		}
		try {
			const posted = await sendToSession(s, {
				connection,
				sessionId: target.sessionId,
				customer: target.customer,
				message: parsed.message,
			});
			targets.delete(doc.uri);
			await discard(doc);
			return posted;
		} catch (err) {
			// The document stays open with the text; Retry (when safe) sends what it holds then.
			showError(s, err, {
				connection,
				what: `Send Composed Message to session ${target.sessionId}`,
				retry: async () => (doc.isClosed ? undefined : send(doc, target)),
			});
			return undefined;
		}
	};

	return registerCommand(s, CommandId.sendComposed, async (arg?: unknown) => {
		const doc = composeDocument(targets, arg);
		const target = doc && targets.get(doc.uri);
		if (!doc || !target) {
			void s.prompter.notify(
				'warning',
				vscode.l10n.t('This editor is not a message being composed. Use "Compose Message in Editor" first.'),
				{ id: ComposePromptId.notCompose },
			);
			return undefined;
		}
		return send(doc, target);
	});
}
