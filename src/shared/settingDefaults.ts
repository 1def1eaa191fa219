// The default of every `superofficeChat.*` setting, written once. package.json's `default`s must equal these (a unit
// test checks it); the typed getters in core/config.ts and the client's own fallback read them from here.
export const SETTING_DEFAULTS = {
	connections: [] as unknown[],
	activeConnection: '',
	selectionFormat: 'fenced',
	confirmSelectionSend: 'always',
	confirmations: 'statusBar',
	language: '',
	culture: '',
	timeZone: '',
	requestTimeoutSeconds: 30,
	'conversation.pollIntervalSeconds': 15,
	'online.environment': 'online',
	'online.customAuthority': '',
	'online.clientIds': {} as Record<string, string>,
	'online.signInTimeoutSeconds': 300,
	outboundGuard: 'warn',
	internalHosts: [] as string[],
	replies: [] as unknown[],
	notifications: 'all',
	sendKey: 'ctrlEnter',
} as const;
