// Wire types, exactly as the SuperOffice WebAPI sends them (field names and enum strings from the official API
// document, test/server/openapi/superoffice-chat-v1.openapi.json). Only the fields this product reads are typed.

import { type ChatMessageSpecialType, type ChatMessageType, type ChatSessionStatus } from '../shared/wireEnums';

// The enums live in shared/ (the webview needs them too); the client's users get them from here.
export {
	CHAT_MESSAGE_SPECIAL_TYPES,
	CHAT_MESSAGE_TYPES,
	type ChatMessageSpecialType,
	type ChatMessageType,
	type ChatSessionStatus,
	OPEN_SESSION_STATUSES,
} from '../shared/wireEnums';

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
