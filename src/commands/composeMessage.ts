// Compose Message in Editor: an untitled Markdown document whose header names the recipient. The target is kept in
// memory, keyed by the document's URI, so Send Composed posts to exactly the session the header shows — whatever
// the user does to the header text. `composeMessage({ connectionId?, sessionId? })` skips the session picker.
import * as vscode from 'vscode';
import { composeDocumentHeader, type ComposeRecipient, type HeaderLabels } from '../compose';
import { type Connection } from '../connections/connection';
import { ContextKey, setContextKey } from '../core/contextKeys';
import { Disposable } from '../util/disposable';
import { CommandId } from '../core/commandIds';
import { registerCommand } from '../errors/showError';
import { resolveTarget } from '../targets/resolveTarget';
import { parseTargetArgs } from '../targets/targetArgs';
import { type Services } from '../services/services';

export interface ComposeTarget {
	connectionId: string;
	connectionName: string;
	sessionId: number;
	customer?: string;
}

/** Open compose documents and where each one goes; keeps `superofficeChat.isComposeEditor` in step. */
export class ComposeTargets extends Disposable {
	private readonly targets = new Map<string, ComposeTarget>();

	constructor() {
		super();
		this._register(vscode.window.onDidChangeActiveTextEditor(() => this.updateContextKey()));
		this._register(
			vscode.workspace.onDidCloseTextDocument((doc) => {
				if (this.targets.delete(doc.uri.toString())) this.updateContextKey();
			}),
		);
	}

	get(uri: vscode.Uri): ComposeTarget | undefined {
		return this.targets.get(uri.toString());
	}

	set(uri: vscode.Uri, target: ComposeTarget): void {
		this.targets.set(uri.toString(), target);
		this.updateContextKey();
	}

	delete(uri: vscode.Uri): void {
		this.targets.delete(uri.toString());
		this.updateContextKey();
	}

	updateContextKey(): void {
		const doc = vscode.window.activeTextEditor?.document;
		void setContextKey(ContextKey.isComposeEditor, doc !== undefined && this.targets.has(doc.uri.toString()));
	}

	override dispose(): void {
		this.targets.clear();
		void setContextKey(ContextKey.isComposeEditor, false);
		super.dispose();
	}
}

// One registry per activation, shared by composeMessage and sendComposed without a module-level singleton.
const registries = new WeakMap<Services, ComposeTargets>();

export function composeTargetsFor(s: Services): ComposeTargets {
	let targets = registries.get(s);
	if (!targets) {
		targets = new ComposeTargets();
		registries.set(s, targets);
		s.context.subscriptions.push(targets);
	}
	return targets;
}

export function headerLabels(): HeaderLabels {
	const keys = process.platform === 'darwin' ? 'Cmd+Enter' : 'Ctrl+Enter';
	return {
		to: vscode.l10n.t('To'),
		session: vscode.l10n.t('session'),
		instruction: vscode.l10n.t('Write below the line. {0} sends what is below it; these header lines are never sent.', keys),
	};
}

export async function openComposeDocument(
	s: Services,
	connection: Connection,
	recipient: Omit<ComposeRecipient, 'connectionName'>,
): Promise<vscode.TextEditor> {
	const header = composeDocumentHeader({ ...recipient, connectionName: connection.name }, headerLabels());
	const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: header });
	composeTargetsFor(s).set(doc.uri, {
		connectionId: connection.id,
		connectionName: connection.name,
		sessionId: recipient.sessionId,
		customer: recipient.customer,
	});
	// The cursor starts below the header, so typing can begin at once without landing in the header.
	const end = doc.lineAt(doc.lineCount - 1).range.end;
	const editor = await vscode.window.showTextDocument(doc, { preview: false, selection: new vscode.Range(end, end) });
	composeTargetsFor(s).updateContextKey();
	s.log.info(`Composing a message to session ${recipient.sessionId} [${connection.name}]`);
	return editor;
}

export function registerComposeMessageCommand(s: Services): vscode.Disposable {
	composeTargetsFor(s);
	return registerCommand(s, CommandId.composeMessage, async (arg?: unknown) => {
		const args = parseTargetArgs(arg, CommandId.composeMessage);
		const { connection, sessionId, customer, topic } = await resolveTarget(s, {
			...args,
			title: vscode.l10n.t('Compose a message ({0})', s.connections.require(args.connectionId).name),
			withTopic: true,
		});
		await openComposeDocument(s, connection, { sessionId, customer: customer ?? vscode.l10n.t('Session {0}', sessionId), topic });
		return sessionId;
	});
}
