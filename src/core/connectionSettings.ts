// The connections and the active connection, read from the user (global) value only: a workspace's
// .vscode/settings.json must never add or redirect a connection, even on a host that ignores `"scope": "application"`.
import * as vscode from 'vscode';
import { section, Setting } from './settingsSection';

/** The raw `connections` array from user settings only (validated by ConnectionStore). */
export function readConnectionsSetting(): unknown[] {
	const v = section().inspect<unknown>(Setting.connections)?.globalValue;
	return Array.isArray(v) ? v : [];
}

export async function writeConnectionsSetting(value: unknown[]): Promise<void> {
	await section().update(Setting.connections, value, vscode.ConfigurationTarget.Global);
}

export function readActiveConnectionSetting(): string {
	const v = section().inspect<unknown>(Setting.activeConnection)?.globalValue;
	return typeof v === 'string' ? v : '';
}

export async function writeActiveConnectionSetting(id: string | undefined): Promise<void> {
	await section().update(Setting.activeConnection, id || undefined, vscode.ConfigurationTarget.Global);
}
