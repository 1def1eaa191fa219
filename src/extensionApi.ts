// What activate() returns. `testing` exists only in ExtensionMode.Test: integration tests script the prompts and
// read the log through it. It never hands out a secret (tests see credentials only through their effects).
import type * as vscode from 'vscode';
import { ClientFactory } from './connections/clientFactory';
import { ConnectionStore } from './connections/connectionStore';
import { OnlineSessions } from './connections/onlineSessions';
import { SecretStore } from './connections/secretStore';
import { type Services } from './services/services';
import { type SwitchablePrompter, type Prompter } from './core/prompter';
import { VsCodePrompter } from './core/vscodePrompter';
import { sendKey } from './sessions/sendGuard';
import { disposeAll } from './util/disposable';

export interface ReopenedStores extends vscode.Disposable {
	connections: ConnectionStore;
	secrets: SecretStore;
	clients: ClientFactory;
}

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
}

export interface ExtensionApi {
	readonly testing?: TestingApi;
}

export function createExtensionApi(
	context: vscode.ExtensionContext,
	s: Services,
	prompter: SwitchablePrompter,
	testMode: boolean,
): ExtensionApi {
	if (!testMode) return {};
	const testing: TestingApi = {
		setPrompter: (p) => prompter.use(p ?? new VsCodePrompter()),
		logLines: () => s.log.lines(),
		hasSecret: (id) => s.secrets.has(id),
		recentSessions: (id) => s.recentSessions.list(id),
		isSendBusy: (connectionId, sessionId) => s.sendGuard.isBusy(sendKey(connectionId, sessionId)),
		reopenStores: () => {
			const connections = new ConnectionStore();
			const secrets = new SecretStore(context.secrets, s.log);
			const online = new OnlineSessions(connections, secrets, s.log);
			const clients = new ClientFactory(connections, secrets, s.log, 'superoffice-chat-test', online);
			return { connections, secrets, clients, dispose: () => disposeAll([clients, online, secrets, connections]) };
		},
		services: s,
	};
	return { testing };
}
