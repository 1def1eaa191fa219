// Open compose documents and where each one goes. The target is kept in memory, keyed by the document's URI, so
// Send Composed posts to exactly the session the header shows, whatever the user does to the header text. One
// instance, built by registerCommands() and shared by Compose Message and Send Composed.
import * as vscode from 'vscode';
import { ContextKey, setContextKey } from '../core/contextKeys';
import { Disposable } from '../util/disposable';

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
