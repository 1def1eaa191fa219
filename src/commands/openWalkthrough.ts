// Get Started: opens the extension's walkthrough (contributes.walkthroughs) on the Welcome page; the welcome view
// links to it.
import * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { registerCommand } from '../errors/showError';
import { type Services } from '../services/services';

/** `<publisher>.<name>#<walkthrough id>`, as workbench.action.openWalkthrough expects it. */
export function walkthroughId(extensionId: string): string {
	return `${extensionId}#superofficeChat.gettingStarted`;
}

export function registerOpenWalkthroughCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.openWalkthrough, async () => {
		// This extension's id as installed (publisher.name), found by its folder rather than written twice.
		const self = vscode.extensions.all.find((e) => e.extensionUri.toString() === s.extensionUri.toString());
		if (!self) throw new Error('SuperOffice Chat is not among the installed extensions.');
		await vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughId(self.id), false);
	});
}
