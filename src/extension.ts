// Entry point: builds the core's parts and registers commands, the status bar and the chat view. No network here;
// command bodies and the chat view load on first use (docs/ARCHITECTURE.md "What loads when, and why").
import * as vscode from 'vscode';
import { registerAuthProvider } from './authentication/superOfficeAuthProvider';
import { createServices } from './services/createServices';
import { registerCommands } from './commands/registerCommands';
import { createExtensionApi, type ExtensionApi } from './extensionApi';
import { ConnectionStatusBar } from './views/statusBar';
import { registerChatView } from './views/registerChatView';

export function activate(context: vscode.ExtensionContext): ExtensionApi | Promise<ExtensionApi> {
	const core = createServices(context);
	const s = core.services;
	const chat = registerChatView(s);
	context.subscriptions.push(core, registerCommands(s), registerAuthProvider(s), new ConnectionStatusBar(core.status), chat);
	void core.status.refresh();
	if (context.extensionMode !== vscode.ExtensionMode.Test) return {};
	// Tests read the chat view's parts through the testing API, so they are built before it is handed out.
	return chat.load().then((parts) => createExtensionApi(context, s, core.prompter, true, parts));
}

export function deactivate(): void {}
