// Builds the core's parts once per activation. No I/O here: everything reads lazily.
import * as vscode from 'vscode';
import { ClientFactory } from '../connections/clientFactory';
import { ConnectionStatus } from '../connections/connectionStatus';
import { ConnectionStore } from '../connections/connectionStore';
import { OnlineSessions } from '../connections/onlineSessions';
import { SecretStore } from '../connections/secretStore';
import { Log } from '../core/log';
import { SendGuard } from '../sessions/sendGuard';
import { RecentSessions } from '../sessions/recentSessions';
import { SessionDirectory } from '../sessions/sessionDirectory';
import { SessionPicker } from '../sessions/sessionPicker';
import { SwitchablePrompter } from '../core/prompter';
import { VsCodePrompter } from '../core/vscodePrompter';
import { type Services } from './services';

export interface Core extends vscode.Disposable {
	services: Services;
	status: ConnectionStatus;
	prompter: SwitchablePrompter;
}

export function createServices(context: vscode.ExtensionContext): Core {
	const log = new Log();
	const connections = new ConnectionStore();
	const secrets = new SecretStore(context.secrets, log);
	const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0');
	const online = new OnlineSessions(connections, secrets, log);
	const clients = new ClientFactory(connections, secrets, log, `superoffice-chat-vscode/${version} VSCode/${vscode.version}`, online);
	const recentSessions = new RecentSessions(context.globalState);
	const sessions = new SessionDirectory(recentSessions);
	const prompter = new SwitchablePrompter(new VsCodePrompter());
	const sendGuard = new SendGuard();
	const status = new ConnectionStatus(connections, secrets);
	const services: Services = {
		context,
		log,
		connections,
		secrets,
		online,
		clients,
		sessions,
		sessionPicker: new SessionPicker(prompter, sessions),
		recentSessions,
		sendGuard,
		prompter,
	};
	const owned: vscode.Disposable[] = [status, sendGuard, recentSessions, clients, online, secrets, connections, log];
	return { services, status, prompter, dispose: () => owned.forEach((d) => d.dispose()) };
}
