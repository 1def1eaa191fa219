// Registers the sidebar chat view and its refresh command. extension.ts calls this with the core's services.
import * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { registerCommand } from '../errors/showError';
import { type Services } from '../services/services';
import { CHAT_VIEW_ID, ChatViewProvider } from './chatViewProvider';

export function registerChatView(s: Services): vscode.Disposable {
	const provider = new ChatViewProvider(s);
	return vscode.Disposable.from(
		provider,
		vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider),
		registerCommand(s, CommandId.refreshView, () => provider.refresh()),
	);
}
