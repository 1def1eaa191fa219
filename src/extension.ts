// Entry point: builds the core's parts and registers commands, the status bar and the chat view. No network here.
import * as vscode from 'vscode';
import { registerAuthProvider } from './authentication/superOfficeAuthProvider';
import { createServices } from './services/createServices';
import { registerCommands } from './commands/registerCommands';
import { createExtensionApi, type ExtensionApi } from './extensionApi';
import { ConnectionStatusBar } from './views/statusBar';
import { registerChatView } from './views/registerChatView';

export function activate(context: vscode.ExtensionContext): ExtensionApi {
	const core = createServices(context);
	const s = core.services;
	const chat = registerChatView(s);
	context.subscriptions.push(core, registerCommands(s), registerAuthProvider(s), new ConnectionStatusBar(core.status), chat);
	void core.status.refresh();
	return createExtensionApi(context, s, core.prompter, context.extensionMode === vscode.ExtensionMode.Test, chat);
}

export function deactivate(): void {}
