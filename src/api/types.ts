// Wire types, exactly as the SuperOffice WebAPI sends them (field names and enum strings from the official API
// document, test/server/openapi/superoffice-chat-v1.openapi.json). Only the fields this product reads are typed.

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
export interface ChatMessage {
	ChatMessageId?: number;
	ChatSessionId?: number;
	Type?: ChatMessageType;
	Message?: string;
	Author?: string;
	ReadByCustomer?: number;
	SpecialType?: ChatMessageSpecialType;
	SpecialParam?: string;
	WhenPosted?: string;
}

/** `SuperOffice.CRM.Services.Associate` (subset). */
export interface Associate {
	AssociateId?: number;
	Name?: string;
	FullName?: string;
	EjUserId?: number;
	UserName?: string;
	PersonId?: number;
}

/** `SuperOffice.CRM.Services.ChatSessionEntity` (subset). */
export interface ChatSessionEntity {
	ChatSessionId: number;
	TopicId?: number;
	User?: Associate | null;
	CustomerAlias?: string;
	CustomerHost?: string;
	CustomerName?: string;
	CustomerEmail?: string;
	CustomerPhone?: string;
	CustomerCompanyName?: string;
	Status?: ChatSessionStatus;
	FirstMessage?: string;
	LastMessage?: string;
	WhenRequested?: string;
	WhenStarted?: string;
	WhenEnded?: string;
	WhenIdle?: string;
	SessionKey?: string;
	/** The associate a transfer is waiting for; absent when no transfer is pending. */
	TransferTo?: Associate | null;
}

/** `SuperOffice.CRM.Services.ChatTopicEntity` (subset). */
export interface ChatTopicEntity {
	ChatTopicId: number;
	Name?: string;
	Description?: string;
	WelcomeMessage?: string;
}

/** `SuperOffice.CRM.Services.ChatTopicAgent` — a user's roles in a chat topic (`GET /api/v1/ChatTopic/{id}/UserAgent`). */
export interface ChatTopicAgent {
	TopicId?: number;
	User?: Associate | null;
	CanListen?: boolean;
	CanRespond?: boolean;
	CanManage?: boolean;
	CanNotify?: boolean;
}

/** How `POST .../Transcript` formats the transcript: the `html` query flag false or true. */
export type TranscriptFormat = 'text' | 'html';

/** `GET {base}/api` — the unauthenticated version document (fields as documented; all optional). */
export interface ApiInfo {
	v1?: string;
	NetServerVersion?: string;
	NetServerAssembly?: string;
	NetServerDate?: string;
	NetServerLabel?: string;
	NetServer?: string;
	Version?: string;
	[key: string]: unknown;
}

/** `GET /api/v1/User/currentPrincipal` (subset). */
export interface CurrentPrincipal {
	Associate?: string;
	AssociateId?: number;
	FullName?: string;
	EjUserId?: number;
	UserName?: string;
	PersonId?: number;
	ContactId?: number;
	[key: string]: unknown;
}

/** The official error body: `{Error, ErrorType, ErrorMessage, ErrorSource}`. */
export interface ErrorBody {
	Error?: boolean;
	ErrorType?: string;
	ErrorMessage?: string;
	ErrorSource?: string;
}
