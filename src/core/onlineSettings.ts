// The SuperOffice Online sign-in settings, from user settings only (see globalValue). Read by the Online sign-in alone.
import * as vscode from 'vscode';
import { SETTING_DEFAULTS } from '../shared/settingDefaults';
import { globalValue, section, Setting } from './settingsSection';

export type OnlineEnvironmentSetting = 'sod' | 'qaonline' | 'online' | 'custom';

export function onlineEnvironmentSetting(): OnlineEnvironmentSetting {
	const v = globalValue(Setting.onlineEnvironment);
	return v === 'sod' || v === 'qaonline' || v === 'online' || v === 'custom' ? v : SETTING_DEFAULTS['online.environment'];
}

export function onlineCustomAuthority(): string {
	const v = globalValue(Setting.onlineCustomAuthority);
	return typeof v === 'string' ? v.trim() : '';
}

export function onlineClientId(environment: OnlineEnvironmentSetting): string {
	const v = globalValue(Setting.onlineClientIds);
	const id = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[environment] : undefined;
	return typeof id === 'string' ? id.trim() : '';
}

export async function rememberOnlineChoice(
	environment: OnlineEnvironmentSetting,
	clientId: string,
	customAuthority?: string,
): Promise<void> {
	const ids = globalValue(Setting.onlineClientIds);
	const next = { ...(ids !== null && typeof ids === 'object' ? (ids as Record<string, unknown>) : {}), [environment]: clientId };
	await section().update(Setting.onlineClientIds, next, vscode.ConfigurationTarget.Global);
	await section().update(Setting.onlineEnvironment, environment, vscode.ConfigurationTarget.Global);
	if (customAuthority !== undefined) {
		await section().update(Setting.onlineCustomAuthority, customAuthority, vscode.ConfigurationTarget.Global);
	}
}

export function onlineSignInTimeoutSeconds(): number {
	const v = section().get<unknown>(Setting.onlineSignInTimeoutSeconds);
	return typeof v === 'number' && Number.isFinite(v) && v >= 1 ? Math.min(v, 1800) : SETTING_DEFAULTS['online.signInTimeoutSeconds'];
}
