// Compose Message in Editor: an untitled Markdown document whose header names the recipient. The target is kept in
// memory, keyed by the document's URI, so Send Composed posts to exactly the session the header shows — whatever
// the user does to the header text. `composeMessage({ connectionId?, sessionId? })` skips the session picker.
import * as vscode from 'vscode';
import { composeDocumentHeader, type ComposeRecipient, type HeaderLabels } from '../compose';
import { type Connection } from '../connections/connection';
import { CommandId } from '../core/commandIds';
import { registerCommand } from '../errors/showError';
import { type ComposeTargets } from '../targets/composeTargets';
import { resolveTarget } from '../targets/resolveTarget';
import { parseTargetArgs } from '../targets/targetArgs';
import { type Services } from '../services/services';

function headerLabels(): HeaderLabels {
	const keys = process.platform === 'darwin' ? 'Cmd+Enter' : 'Ctrl+Enter';
	return {
		to: vscode.l10n.t('To'),
		session: vscode.l10n.t('session'),
		instruction: vscode.l10n.t('Write below the line. {0} sends what is below it; these header lines are never sent.', keys),
	};
}

async function openComposeDocument(
	s: Services,
	targets: ComposeTargets,
	connection: Connection,
	recipient: Omit<ComposeRecipient, 'connectionName'>,
): Promise<vscode.TextEditor> {
	const header = composeDocumentHeader({ ...recipient, connectionName: connection.name }, headerLabels());
	const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: header });
	targets.set(doc.uri, {
		connectionId: connection.id,
		connectionName: connection.name,
		sessionId: recipient.sessionId,
		customer: recipient.customer,
	});
	// The cursor starts below the header, so typing can begin at once without landing in the header.
	const end = doc.lineAt(doc.lineCount - 1).range.end;
	const editor = await vscode.window.showTextDocument(doc, { preview: false, selection: new vscode.Range(end, end) });
	targets.updateContextKey();
	s.log.info(`Composing a message to session ${recipient.sessionId} [${connection.name}]`);
	return editor;
}

export function registerComposeMessageCommand(s: Services, targets: ComposeTargets): vscode.Disposable {
	return registerCommand(s, CommandId.composeMessage, async (arg?: unknown) => {
		const args = parseTargetArgs(arg, CommandId.composeMessage);
		const { connection, sessionId, customer, topic } = await resolveTarget(s, {
			...args,
			title: vscode.l10n.t('Compose a message ({0})', s.connections.require(args.connectionId).name),
			withTopic: true,
		});
		await openComposeDocument(s, targets, connection, { sessionId, customer: customer ?? vscode.l10n.t('Session {0}', sessionId), topic });
		return sessionId;
	});
}
