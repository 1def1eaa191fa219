// Messages between the chat view host and its webview, typed both ways. Everything the webview sends is untrusted:
// the host accepts it only through `parseWebviewMessage`, which checks shape, types and lengths.
import { CHAT_MESSAGE_SPECIAL_TYPES, type ChatSessionStatus } from './wireEnums';
import { isSessionId } from './ids';
import { findInvalidUnicode, type TextPosition } from './unicode';
import { copyDraft, type DraftAppend, type DraftData, isDraftData, MAX_FIELD_LENGTH, MAX_MESSAGE_LENGTH } from './draft';
import { hasOnlyKeys, isObject, isString } from './guards';

export {
	copyDraft,
	type DraftAppend,
	type DraftData,
	DRAFT_TYPES,
	type DraftType,
	emptyDraft,
	isDraftData,
	isDraftEmpty,
	MAX_FIELD_LENGTH,
	MAX_MESSAGE_LENGTH,
} from './draft';
import { isHttpUrl } from './urls';
import { type SendKey } from './composerKeys';
import { type OutboxRow } from './outboxRows';

const MAX_REQUEST_ID_LENGTH = 64;
const MAX_CONNECTION_ID_LENGTH = 200;

/** Every SpecialType the server knows, for the composer's Advanced fold. */
export const SPECIAL_TYPES = CHAT_MESSAGE_SPECIAL_TYPES;

/** What the chat view's Outbox list can do to an item (through the openOutbox command with `{ id, action }`). */
export const OUTBOX_ACTIONS = ['retry', 'edit', 'discard'] as const;
export type OutboxAction = (typeof OUTBOX_ACTIONS)[number];

export interface ConnectionInfo {
	id: string;
	name: string;
	baseUrl: string;
}

export interface SessionItem {
	id: number;
	customer: string;
	topic?: string;
	status?: ChatSessionStatus;
	/** The status in the user's language (the host localises it). */
	statusText?: string;
	open: boolean;
	/** The customer wrote last and the agent has not read it. */
	needsYou?: boolean;
	/** Waiting in the queue for an agent to pick it up. */
	inQueue?: boolean;
	/** Customer messages not read yet. */
	unread?: number;
	/** The last message as plain text, short. */
	snippet?: string;
	/** Server time (ms since the epoch) since when the customer waits, else of the last activity. */
	since?: number;
	/** A pending transfer: `incoming` is addressed to the agent (Accept / Reject), `pending` is the agent's own. */
	transfer?: 'incoming' | 'pending';
}

/** What the session rows and the recipient bar may ask the host to run on a session (each is a command). */
export const SESSION_ACTIONS = ['transfer', 'resetSession', 'openTranscript', 'acceptTransfer', 'rejectTransfer'] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];

export interface ConversationMessage {
	id: number;
	/** `customer`: ToUser (visitor to agent); `agent`: ToCustomer; `system`: anything else. */
	from: 'customer' | 'agent' | 'system';
	author: string;
	text: string;
	/** ISO 8601 as the server sent it; the webview formats it in the user's locale. */
	when?: string;
	specialType?: string;
	specialParam?: string;
}

export interface ErrorInfo {
	message: string;
	/** Offer Retry: the failure provably did not post the message, or repeating is safe. */
	retryable: boolean;
	field?: string;
}

// ---- host -> webview -------------------------------------------------------------------------------------

export type HostMessage =
	| { type: 'init'; connection?: ConnectionInfo; sessions: SessionItem[]; selectedSessionId?: number; draft?: DraftData }
	| { type: 'sessionsLoading' }
	| { type: 'sessionsLoaded'; sessions: SessionItem[] }
	| { type: 'sessionsFailed'; error: ErrorInfo }
	| { type: 'sessionSelected'; sessionId: number; session?: SessionItem; draft: DraftData }
	| { type: 'messagesLoaded'; sessionId: number; messages: ConversationMessage[]; replace: boolean }
	| { type: 'messagesFailed'; sessionId: number; error: ErrorInfo }
	| { type: 'sendSucceeded'; requestId: string; sessionId: number; messageId: number; whenPosted?: string }
	| { type: 'sendFailed'; requestId: string; sessionId: number; error: ErrorInfo }
	/** Put the caret in the composer (Reply on a notification); sent after the session is selected. */
	| { type: 'focusComposer'; sessionId: number }
	/** The host's draft of a session of this connection changed elsewhere (rules: shared/draftRefresh.ts). */
	| { type: 'draftUpdated'; sessionId: number; draft: DraftData; appended?: DraftAppend; missed?: boolean }
	/** The active connection's Outbox, newest first; sent when the view is ready and whenever it changes. */
	| { type: 'outboxChanged'; items: OutboxRow[] }
	/** An Outbox action the view asked for has ended (whatever its outcome: the list says the rest). */
	| { type: 'outboxActionDone'; id: string }
	| { type: 'composerSettings'; sendKey: SendKey }
	/** The expanded quick reply to insert at the caret; no text when the user cancelled or there was none. */
	| { type: 'quickReplyInserted'; requestId: string; sessionId: number; text?: string };

// ---- webview -> host -------------------------------------------------------------------------------------

export type WebviewMessage =
	| { type: 'ready'; interactiveMs: number }
	| { type: 'selectSession'; sessionId: number }
	| { type: 'refresh' }
	| { type: 'draftChanged'; connectionId: string; sessionId: number; draft: DraftData }
	| { type: 'send'; requestId: string; connectionId: string; sessionId: number; draft: DraftData }
	| { type: 'showLog' }
	/** Pick Up on a queued session's row: the host runs the pick-up command for it. */
	| { type: 'pickUp'; sessionId: number }
	/** A session action (Transfer…, Put Back in Queue…, Open Transcript…, Accept / Reject a transfer). */
	| { type: 'sessionAction'; action: SessionAction; sessionId: number }
	/** Focus entered or left the view (its keyboard shortcuts apply only inside). */
	| { type: 'focusChanged'; focused: boolean }
	/** An uncaught error or unhandled rejection in the webview, for the host's log (text only, capped). */
	| { type: 'webviewError'; message: string; stack?: string }
	/** Retry, Edit or Discard on a row of the Outbox list. */
	| { type: 'outboxAction'; id: string; action: OutboxAction }
	/** Open the quick replies for the selected session (the Quick reply button, or `/` in an empty composer). */
	| { type: 'quickReply'; requestId: string; sessionId: number };

/** The webview messages the composer's host part (views/composerBridge.ts) handles. */
export type ComposerMessage = Extract<WebviewMessage, { type: 'outboxAction' | 'quickReply' }>;

/** The host messages only the webview's composer parts (webview/composer.ts) handle; the view state ignores them. */
export type ComposerHostMessage = Extract<
	HostMessage,
	{ type: 'draftUpdated' | 'outboxChanged' | 'outboxActionDone' | 'composerSettings' | 'quickReplyInserted' }
>;

/** Longest error text the host accepts from the webview. */
export const MAX_WEBVIEW_ERROR_LENGTH = 2000;

// ---- guards ----------------------------------------------------------------------------------------------

export { isSessionId };

function isRequestId(v: unknown): v is string {
	return typeof v === 'string' && v.length > 0 && v.length <= MAX_REQUEST_ID_LENGTH && /^[\w-]+$/.test(v);
}

function isConnectionId(v: unknown): v is string {
	return typeof v === 'string' && v.length > 0 && v.length <= MAX_CONNECTION_ID_LENGTH;
}

/** Returns the message when it is exactly one of the WebviewMessage shapes, otherwise undefined. */
export function parseWebviewMessage(v: unknown): WebviewMessage | undefined {
	if (!isObject(v) || typeof v.type !== 'string') return undefined;
	const type = v.type as WebviewMessage['type'];
	switch (type) {
		case 'ready':
			return hasOnlyKeys(v, ['type', 'interactiveMs']) &&
				typeof v.interactiveMs === 'number' &&
				Number.isFinite(v.interactiveMs) &&
				v.interactiveMs >= 0
				? { type, interactiveMs: v.interactiveMs }
				: undefined;
		case 'selectSession':
		case 'pickUp':
			return hasOnlyKeys(v, ['type', 'sessionId']) && isSessionId(v.sessionId) ? { type, sessionId: v.sessionId } : undefined;
		case 'sessionAction':
			return hasOnlyKeys(v, ['type', 'action', 'sessionId']) &&
				(SESSION_ACTIONS as readonly unknown[]).includes(v.action) &&
				isSessionId(v.sessionId)
				? { type, action: v.action as SessionAction, sessionId: v.sessionId }
				: undefined;
		case 'focusChanged':
			return hasOnlyKeys(v, ['type', 'focused']) && typeof v.focused === 'boolean' ? { type, focused: v.focused } : undefined;
		case 'refresh':
		case 'showLog':
			return hasOnlyKeys(v, ['type']) ? { type } : undefined;
		case 'draftChanged':
			return hasOnlyKeys(v, ['type', 'connectionId', 'sessionId', 'draft']) &&
				isConnectionId(v.connectionId) &&
				isSessionId(v.sessionId) &&
				isDraftData(v.draft)
				? { type, connectionId: v.connectionId, sessionId: v.sessionId, draft: copyDraft(v.draft) }
				: undefined;
		case 'send':
			return hasOnlyKeys(v, ['type', 'requestId', 'connectionId', 'sessionId', 'draft']) &&
				isRequestId(v.requestId) &&
				isConnectionId(v.connectionId) &&
				isSessionId(v.sessionId) &&
				isDraftData(v.draft)
				? { type, requestId: v.requestId, connectionId: v.connectionId, sessionId: v.sessionId, draft: copyDraft(v.draft) }
				: undefined;
		case 'webviewError':
			return hasOnlyKeys(v, ['type', 'message', 'stack']) &&
				isString(v.message, MAX_WEBVIEW_ERROR_LENGTH) &&
				(v.stack === undefined || isString(v.stack, MAX_WEBVIEW_ERROR_LENGTH))
				? { type, message: v.message, ...(v.stack !== undefined ? { stack: v.stack } : {}) }
				: undefined;
		case 'outboxAction':
			return hasOnlyKeys(v, ['type', 'id', 'action']) &&
				isString(v.id, MAX_CONNECTION_ID_LENGTH) &&
				v.id !== '' &&
				(OUTBOX_ACTIONS as readonly unknown[]).includes(v.action)
				? { type, id: v.id, action: v.action as OutboxAction }
				: undefined;
		case 'quickReply':
			return hasOnlyKeys(v, ['type', 'requestId', 'sessionId']) && isRequestId(v.requestId) && isSessionId(v.sessionId)
				? { type, requestId: v.requestId, sessionId: v.sessionId }
				: undefined;
		default:
			assertNever(type, true);
			return undefined;
	}
}

/** Exhaustiveness check; with `lenient`, unknown runtime values (untrusted input) are tolerated. */
export function assertNever(x: never, lenient = false): void {
	if (!lenient) throw new Error(`Unexpected value: ${String(x)}`);
}

// ---- draft checks shared by webview (instant feedback) and host ------------------------------------------

export interface DraftProblem {
	field: keyof DraftData;
	/** 'empty' | 'tooLong' | 'url' | 'unicode' (a lone surrogate at `position`). */
	message: string;
	position?: TextPosition;
}

/** The first problem with a draft as the composer would send it, or undefined. Mirrors the client's validateDraft. */
export function draftProblem(d: DraftData): DraftProblem | undefined {
	if (d.text.trim() === '') return { field: 'text', message: 'empty' };
	for (const field of ['text', 'author', 'specialParam'] as const) {
		const position = findInvalidUnicode(d[field]);
		if (position) return { field, message: 'unicode', position };
	}
	if (d.text.length > MAX_MESSAGE_LENGTH) return { field: 'text', message: 'tooLong' };
	if (d.author.length > MAX_FIELD_LENGTH) return { field: 'author', message: 'tooLong' };
	if (d.specialParam.length > MAX_FIELD_LENGTH) return { field: 'specialParam', message: 'tooLong' };
	if (d.specialType === 'Url' && !isHttpUrl(d.specialParam.trim())) return { field: 'specialParam', message: 'url' };
	return undefined;
}
