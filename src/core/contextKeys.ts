// Context keys the manifest's when-clauses use. Written once here; set only through setContextKey.
import * as vscode from 'vscode';

export const ContextKey = {
	hasConnection: 'superofficeChat.hasConnection',
	signedIn: 'superofficeChat.signedIn',
	/** Some connection (not only the active one) has stored credentials: Sign Out has something to do. */
	anySignedIn: 'superofficeChat.anySignedIn',
	/** A message was sent in this window (the walkthrough's "send" step completes on it). */
	hasSent: 'superofficeChat.hasSent',
	isComposeEditor: 'superofficeChat.isComposeEditor',
	/** Focus is inside the chat view's webview (its keys: next/previous session that needs a reply). */
	chatViewFocused: 'superofficeChat.chatViewFocused',
} as const;
type ContextKeyName = (typeof ContextKey)[keyof typeof ContextKey];

export function setContextKey(key: ContextKeyName, value: unknown): Thenable<unknown> {
	return vscode.commands.executeCommand('setContext', key, value);
}
