// What activate() returns. `testing` exists only in ExtensionMode.Test: integration tests script the prompts and
// read the log through it. It never hands out a secret (tests see credentials only through their effects).
import type * as vscode from 'vscode';
import { type ConnectionParts, createConnectionParts } from './services/createServices';
import { type Services } from './services/services';
import { type SwitchablePrompter, type Prompter } from './core/prompter';
import { VsCodePrompter } from './core/vscodePrompter';
import { sendKey } from './sessions/sendGuard';
import { type ChatViewParts } from './views/registerChatView';

export type ReopenedStores = ConnectionParts;

export interface TestingApi {
	/** Replaces the prompter (quick picks, input boxes, notifications); undefined restores VS Code's. */
	setPrompter(p: Prompter | undefined): void;
	/** Every line written to the "SuperOffice Chat" log, already redacted. */
	logLines(): readonly string[];
	hasSecret(connectionId: string): Promise<boolean>;
	recentSessions(connectionId: string): number[];
	isSendBusy(connectionId: string, sessionId: number): boolean;
	/** New stores over the same settings and SecretStorage, as after a window reload. */
	reopenStores(): ReopenedStores;
	readonly services: Services;
	/** The live model, the chat view and the status-bar count, as the window shows them. */
	readonly chat: ChatViewParts;
}

export interface ExtensionApi {
	readonly testing?: TestingApi;
}

export function createExtensionApi(
	context: vscode.ExtensionContext,
	s: Services,
	prompter: SwitchablePrompter,
	testMode: boolean,
	chat: ChatViewParts,
): ExtensionApi {
	if (!testMode) return {};
	const testing: TestingApi = {
		setPrompter: (p) => prompter.use(p ?? new VsCodePrompter()),
		logLines: () => s.log.lines(),
		hasSecret: (id) => s.secrets.has(id),
		recentSessions: (id) => s.recentSessions.list(id),
		isSendBusy: (connectionId, sessionId) => s.sendGuard.isBusy(sendKey(connectionId, sessionId)),
		reopenStores: () => createConnectionParts(context.secrets, s.settings, s.log, 'superoffice-chat-test'),
		services: s,
		chat,
	};
	return { testing };
}
