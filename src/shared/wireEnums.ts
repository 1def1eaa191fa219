// The enum values of the chat API's wire types, as the server spells them. Here (not in api/) because the webview
// needs them too and may import only shared/; api/types.ts re-exports them.
export const CHAT_MESSAGE_TYPES = ['Invalid', 'ToCustomer', 'ToUser', 'Special'] as const;
export type ChatMessageType = (typeof CHAT_MESSAGE_TYPES)[number];

export const CHAT_MESSAGE_SPECIAL_TYPES = [
	'None',
	'Welcome',
	'Url',
	'Block',
	'NewSession',
	'TransferedSession',
	'Error',
	'SessionDeleted',
	'FaqSuccessQuestion',
	'ClosedByUser',
	'ClosedByCustomer',
	'ClosedByIdle',
	'TransferRejected',
	'ReopenedByCustomer',
	'ClickedOption',
	'BotMessage',
	'Options',
	'IllegalFileType',
] as const;
export type ChatMessageSpecialType = (typeof CHAT_MESSAGE_SPECIAL_TYPES)[number];

export const CHAT_SESSION_STATUSES = [
	'Invalid',
	'PreChatForm',
	'Faq',
	'OfflineForm',
	'InQueue',
	'CustomerLast',
	'UserLast',
	'Finished',
	'Deleted',
	'Closed',
	'RequestPosted',
	'ClosedFromQueue',
] as const;
export type ChatSessionStatus = (typeof CHAT_SESSION_STATUSES)[number];

/** Sessions a user can still answer; the pickers list these first. */
export const OPEN_SESSION_STATUSES: readonly ChatSessionStatus[] = ['CustomerLast', 'UserLast', 'InQueue'];

/** `SuperOffice.CRM.Services.ChatMessage` — the body and the response of POST .../Messages. */
