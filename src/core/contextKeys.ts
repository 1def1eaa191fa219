// Context keys the manifest's when-clauses use. Written once here; set only through setContextKey.
import * as vscode from 'vscode';

export const ContextKey = {
	hasConnection: 'superofficeChat.hasConnection',
	signedIn: 'superofficeChat.signedIn',
	isComposeEditor: 'superofficeChat.isComposeEditor',
	/** Focus is inside the chat view's webview (its keys: next/previous session that needs a reply). */
	chatViewFocused: 'superofficeChat.chatViewFocused',
} as const;
type ContextKeyName = (typeof ContextKey)[keyof typeof ContextKey];

export function setContextKey(key: ContextKeyName, value: unknown): Thenable<unknown> {
	return vscode.commands.executeCommand('setContext', key, value);
}
