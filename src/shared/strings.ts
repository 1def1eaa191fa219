// The UI strings the webview shows. The host localises them with vscode.l10n and hands them over in the HTML;
// `{0}` marks an argument.
export const STRING_KEYS = [
	'recipient',
	'connection',
	'session',
	'chooseSession',
	'refreshSessions',
	'loadingSessions',
	'noSessions',
	'sessionId',
	'open',
	'invalidSessionId',
	'statusUnknown',
	'conversation',
	'noMessages',
	'loadingMessages',
	'customer',
	'agent',
	'system',
	'message',
	'messagePlaceholder',
	'charCount',
	'advanced',
	'type',
	'typeToCustomer',
	'typeToUser',
	'author',
	'specialType',
	'specialParam',
	'send',
	'sending',
	'sendTo',
	'sent',
	'sentElsewhere',
	'retry',
	'showLog',
	'errEmpty',
	'errTooLong',
	'errUrl',
	'noConnection',
	'sessionList',
	'needsYou',
	'inQueue',
	'unread',
	'pickUp',
	'pickUpSession',
	'transferPending',
	'transferIncoming',
	'accept',
	'reject',
	'acceptSession',
	'rejectSession',
	'sessionActions',
	'transferAction',
	'transferActionFor',
	'resetAction',
	'resetActionFor',
	'transcriptAction',
	'transcriptActionFor',
	'placeholderCtrlEnter',
	'placeholderEnter',
	'quickReply',
	'quickReplyHint',
	'outbox',
	'outboxNotSent',
	'outboxMaybePosted',
	'outboxRetry',
	'outboxEdit',
	'outboxDiscard',
	'outboxRetryLabel',
	'outboxEditLabel',
	'outboxDiscardLabel',
] as const;

/** Strings the host may not supply yet; the webview falls back to the English in FALLBACK_STRINGS. */
export const OPTIONAL_STRING_KEYS = ['errUnicode'] as const;

export type OptionalStringKey = (typeof OPTIONAL_STRING_KEYS)[number];
export type StringKey = (typeof STRING_KEYS)[number] | OptionalStringKey;
export type Strings = Record<(typeof STRING_KEYS)[number], string> & Partial<Record<OptionalStringKey, string>>;

export const FALLBACK_STRINGS: Record<OptionalStringKey, string> = {
	errUnicode: 'This field has a broken character at line {0}, column {1}. Delete it and type it again.',
};

/** Fills `{0}`, `{1}`, ... in a string. */
export function format(template: string, ...args: (string | number)[]): string {
	return template.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
