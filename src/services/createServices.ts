// Builds the core's parts once per activation. No I/O here: everything reads lazily.
import * as vscode from 'vscode';
import { ClientFactory } from '../connections/clientFactory';
import { ConnectionStatus } from '../connections/connectionStatus';
import { ConnectionStore } from '../connections/connectionStore';
import { OnlineTokens } from '../connections/onlineTokens';
import { Principals } from '../connections/principals';
import { SecretStore } from '../connections/secretStore';
import { SettingsWatcher } from '../core/config';
import { Log } from '../core/log';
import { SwitchablePrompter } from '../core/prompter';
import { VsCodePrompter } from '../core/vscodePrompter';
import { DraftStore } from '../shared/draftStore';
import { Outbox } from '../shared/outbox';
import { KnownMessageIds } from '../sessions/knownMessageIds';
import { RecentSessions } from '../sessions/recentSessions';
import { SendGuard } from '../sessions/sendGuard';
import { SessionDirectory } from '../sessions/sessionDirectory';
import { SessionPicker } from '../sessions/sessionPicker';
import { disposeAll } from '../util/disposable';
import { type Services } from './services';

interface Core extends vscode.Disposable {
	services: Services;
	status: ConnectionStatus;
	prompter: SwitchablePrompter;
}

export interface ConnectionParts extends vscode.Disposable {
	connections: ConnectionStore;
	secrets: SecretStore;
	online: OnlineTokens;
	clients: ClientFactory;
}

/** The stores over settings and SecretStorage and the client factory on top of them (also what a reload rebuilds). */
export function createConnectionParts(
	secretStorage: vscode.SecretStorage,
	settings: SettingsWatcher,
	log: Log,
	userAgent: string,
): ConnectionParts {
	const connections = new ConnectionStore(settings);
	const secrets = new SecretStore(secretStorage, log);
	const online = new OnlineTokens(connections, secrets, log);
	const clients = new ClientFactory(connections, secrets, log, userAgent, online, settings);
	return { connections, secrets, online, clients, dispose: () => disposeAll([clients, online, secrets, connections]) };
}

export function createServices(context: vscode.ExtensionContext): Core {
	const log = new Log();
	const settings = new SettingsWatcher();
	const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0');
	const parts = createConnectionParts(context.secrets, settings, log, `superoffice-chat-vscode/${version} VSCode/${vscode.version}`);
	const recentSessions = new RecentSessions(context.globalState);
	const sessions = new SessionDirectory(recentSessions);
	const prompter = new SwitchablePrompter(new VsCodePrompter());
	const sendGuard = new SendGuard();
	const status = new ConnectionStatus(parts.connections, parts.secrets);
	const principals = new Principals(parts.secrets);
	const services: Services = {
		extensionUri: context.extensionUri,
		globalState: context.globalState,
		workspaceState: context.workspaceState,
		settings,
		log,
		connections: parts.connections,
		secrets: parts.secrets,
		online: parts.online,
		clients: parts.clients,
		sessions,
		sessionPicker: new SessionPicker(prompter, sessions),
		recentSessions,
		principals,
		sendGuard,
		drafts: new DraftStore(context.globalState),
		outbox: new Outbox(context.globalState),
		knownMessageIds: new KnownMessageIds(),
		prompter,
	};
	const owned: vscode.Disposable[] = [status, principals, parts, settings, log];
	return { services, status, prompter, dispose: () => disposeAll(owned) };
}
