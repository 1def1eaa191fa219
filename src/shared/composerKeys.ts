// The composer's keys, pure so they can be unit-tested: which keystroke sends (setting `superofficeChat.sendKey`),
// the placeholder that names it the way the user's keyboard does (⌘ on macOS), and the `/` that opens quick replies.
import type { StringKey } from './strings';

export const SEND_KEYS = ['ctrlEnter', 'enter'] as const;
export type SendKey = (typeof SEND_KEYS)[number];

export function isSendKey(v: unknown): v is SendKey {
	return (SEND_KEYS as readonly unknown[]).includes(v);
}

/** The parts of a KeyboardEvent the composer looks at. */
export interface Keystroke {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	shiftKey: boolean;
	altKey: boolean;
	/** An IME is composing: its Enter confirms a character and never sends. */
	isComposing?: boolean;
}

/**
 * Whether the keystroke sends. Ctrl/Cmd+Enter sends in both modes (muscle memory keeps working); with `enter`, a plain
 * Enter sends and Shift+Enter is a newline; with `ctrlEnter`, Enter is a newline. Alt+Enter never sends.
 */
export function isSendKeystroke(k: Keystroke, sendKey: SendKey): boolean {
	if (k.key !== 'Enter' || k.isComposing || k.altKey) return false;
	if (k.ctrlKey || k.metaKey) return true;
	return sendKey === 'enter' && !k.shiftKey;
}

/** `/` typed into an empty composer (no modifier) opens the quick replies instead of being typed. */
export function opensQuickReply(k: Keystroke, composerText: string): boolean {
	return k.key === '/' && composerText === '' && !k.ctrlKey && !k.metaKey && !k.altKey && !k.isComposing;
}

/** macOS (and iPadOS with a keyboard) name the Command key; `platform` is navigator.platform or the user agent. */
export function isMacPlatform(platform: string): boolean {
	return /Mac|iPhone|iPad|iPod/i.test(platform);
}

/** The composer's placeholder for the send key, as a string key and its arguments. */
export function sendHint(sendKey: SendKey, mac: boolean): { key: StringKey; args: string[] } {
	return sendKey === 'enter' ? { key: 'placeholderEnter', args: [] } : { key: 'placeholderCtrlEnter', args: [mac ? '⌘' : 'Ctrl'] };
}
