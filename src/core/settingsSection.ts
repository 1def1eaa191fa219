// The `superofficeChat.*` section and its keys, written once here; typed getters are in config.ts (and, for the
// connections and the Online sign-in, in connectionSettings.ts and onlineSettings.ts, loaded only where used).
import * as vscode from 'vscode';

export const SECTION = 'superofficeChat';

export const Setting = {
	connections: 'connections',
	activeConnection: 'activeConnection',
	selectionFormat: 'selectionFormat',
	confirmSelectionSend: 'confirmSelectionSend',
	confirmations: 'confirmations',
	language: 'language',
	culture: 'culture',
	timeZone: 'timeZone',
	requestTimeoutSeconds: 'requestTimeoutSeconds',
	pollIntervalSeconds: 'conversation.pollIntervalSeconds',
	onlineEnvironment: 'online.environment',
	onlineCustomAuthority: 'online.customAuthority',
	onlineClientIds: 'online.clientIds',
	onlineSignInTimeoutSeconds: 'online.signInTimeoutSeconds',
	outboundGuard: 'outboundGuard',
	internalHosts: 'internalHosts',
	replies: 'replies',
	notifications: 'notifications',
	sendKey: 'sendKey',
} as const;
export type SettingKey = (typeof Setting)[keyof typeof Setting];

export function section(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
	return vscode.workspace.getConfiguration(SECTION, scope);
}

/** User settings only, like connections: a workspace must not pick the sign-in provider or application. */
export function globalValue(key: SettingKey): unknown {
	return section().inspect<unknown>(key)?.globalValue;
}
