// Typed access to the `superofficeChat.*` settings (keys in settingsSection.ts). The connections and the Online
// sign-in settings have their own files (connectionSettings.ts, onlineSettings.ts): the bundles that load later take
// only what they use.
import * as vscode from 'vscode';
import { type LocaleHeaders } from '../api';
import { isSendKey, type SendKey } from '../shared/composerKeys';
import { SETTING_DEFAULTS } from '../shared/settingDefaults';
import { Disposable } from '../util/disposable';
import { globalValue, SECTION, section, Setting, type SettingKey } from './settingsSection';

export { Setting };

type SelectionFormat = 'plain' | 'fenced' | 'fencedWithPath';
type ConfirmSelectionSend = 'always' | 'oncePerSession';
export type OutboundGuardMode = 'warn' | 'block' | 'off';

function trimmed(key: SettingKey): string {
	const v = section().get<unknown>(key);
	return typeof v === 'string' ? v.trim() : '';
}

/** Accept-Language/SO-Language follow VS Code's display language unless `language` is set. */
export function localeHeaders(): LocaleHeaders {
	const language = trimmed(Setting.language) || vscode.env.language;
	const headers: LocaleHeaders = {};
	if (language) {
		headers.acceptLanguage = language;
		headers.soLanguage = language;
	}
	const culture = trimmed(Setting.culture);
	if (culture) headers.soCulture = culture;
	const timeZone = trimmed(Setting.timeZone);
	if (timeZone) headers.soTimeZone = timeZone;
	return headers;
}

export function requestTimeoutSeconds(): number {
	const v = section().get<unknown>(Setting.requestTimeoutSeconds);
	return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.min(v, 300) : SETTING_DEFAULTS.requestTimeoutSeconds;
}

export function selectionFormat(scope?: vscode.ConfigurationScope): SelectionFormat {
	const v = section(scope).get<unknown>(Setting.selectionFormat);
	return v === 'plain' || v === 'fenced' || v === 'fencedWithPath' ? v : SETTING_DEFAULTS.selectionFormat;
}

export function confirmSelectionSend(): ConfirmSelectionSend {
	const v = section().get<unknown>(Setting.confirmSelectionSend);
	return v === 'always' || v === 'oncePerSession' ? v : SETTING_DEFAULTS.confirmSelectionSend;
}

export function pollIntervalSeconds(): number {
	const v = section().get<unknown>(Setting.pollIntervalSeconds);
	return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : SETTING_DEFAULTS['conversation.pollIntervalSeconds'];
}

/** Where a send from the palette, a selection or the compose editor is confirmed: the status bar or a toast. */
export function confirmationPlace(): 'statusBar' | 'notification' {
	const v = section().get<unknown>(Setting.confirmations);
	return v === 'statusBar' || v === 'notification' ? v : SETTING_DEFAULTS.confirmations;
}

/** Which live events raise a toast: `off`, `queue` (new sessions in the queue only) or `all`. */
export function notificationMode(): 'off' | 'queue' | 'all' {
	const v = section().get<unknown>(Setting.notifications);
	return v === 'off' || v === 'queue' || v === 'all' ? v : SETTING_DEFAULTS.notifications;
}

/** Which key sends from the chat view's composer. */
export function sendKeySetting(): SendKey {
	const v = section().get<unknown>(Setting.sendKey);
	return isSendKey(v) ? v : SETTING_DEFAULTS.sendKey;
}

/** True when the change touches `superofficeChat.<key>`. */
function affects(e: vscode.ConfigurationChangeEvent, key: SettingKey): boolean {
	return e.affectsConfiguration(`${SECTION}.${key}`);
}

/**
 * The one listener on VS Code's configuration changes: parts subscribe to the settings they read with `on()`.
 * Built once in createServices().
 */
export class SettingsWatcher extends Disposable {
	private readonly _onDidChange = this._register(new vscode.EventEmitter<ReadonlySet<SettingKey>>());
	/** Fires with the `superofficeChat.*` settings that changed. */
	readonly onDidChange = this._onDidChange.event;

	constructor() {
		super();
		this._register(
			vscode.workspace.onDidChangeConfiguration((e) => {
				if (!e.affectsConfiguration(SECTION)) return;
				const changed = new Set(Object.values(Setting).filter((k) => affects(e, k)));
				if (changed.size > 0) this._onDidChange.fire(changed);
			}),
		);
	}

	/** Calls `listener` when any of `keys` changed. */
	on(keys: readonly SettingKey[], listener: () => void): vscode.Disposable {
		return this.onDidChange((changed) => {
			if (keys.some((k) => changed.has(k))) listener();
		});
	}
}

const GUARD_STRICTNESS: Record<OutboundGuardMode, number> = { off: 0, warn: 1, block: 2 };
const isGuardMode = (v: unknown): v is OutboundGuardMode => v === 'warn' || v === 'block' || v === 'off';

/**
 * The outbound guard's mode. A workspace can make it stricter (a team's `block`) but never weaker: the strictest of
 * the user's value (or the default) and any workspace or folder value wins.
 */
export function outboundGuardMode(scope?: vscode.ConfigurationScope): OutboundGuardMode {
	const i = section(scope).inspect<unknown>(Setting.outboundGuard);
	const user = isGuardMode(i?.globalValue) ? i.globalValue : SETTING_DEFAULTS.outboundGuard;
	return [i?.workspaceValue, i?.workspaceFolderValue]
		.filter(isGuardMode)
		.reduce<OutboundGuardMode>((a, b) => (GUARD_STRICTNESS[b] > GUARD_STRICTNESS[a] ? b : a), user);
}

/** Internal host patterns from user and workspace settings together: a workspace can only add findings. */
export function internalHostPatterns(scope?: vscode.ConfigurationScope): string[] {
	const i = section(scope).inspect<unknown>(Setting.internalHosts);
	const all = [i?.globalValue, i?.workspaceValue, i?.workspaceFolderValue].flatMap((v) => (Array.isArray(v) ? v : []));
	return [...new Set(all.filter((p): p is string => typeof p === 'string' && p.trim() !== '').map((p) => p.trim()))];
}

/** Quick-reply templates from user settings only (workspace templates come from their own file, text-only). */
export function replyTemplatesSetting(): unknown {
	return globalValue(Setting.replies) ?? [];
}
