// The chat view's state as the webview renders it, and the one reducer that changes it. Pure: no DOM, no vscode.
// Host messages and local user actions both go through `reduce`, so rendering is a function of this state only.
import {
	assertNever,
	type ComposerHostMessage,
	type ConnectionInfo,
	type ConversationMessage,
	type ErrorInfo,
	type HostMessage,
	type SessionItem,
} from './protocol';

/** At most this many messages are kept per conversation; older ones drop off the top. */
export const MAX_CONVERSATION = 200;

export type SendState =
	| { status: 'idle' }
	| { status: 'sending'; requestId: string; sessionId: number }
	| { status: 'sent'; requestId: string; sessionId: number; messageId: number; whenPosted?: string }
	| { status: 'failed'; requestId: string; sessionId: number; error: ErrorInfo };

export interface ViewState {
	connection?: ConnectionInfo;
	sessions: SessionItem[];
	sessionsLoading: boolean;
	sessionsError?: ErrorInfo;
	selectedSessionId?: number;
	messages: ConversationMessage[];
	conversationError?: ErrorInfo;
	send: SendState;
}

export type LocalAction =
	| { type: 'local.select'; sessionId: number }
	| { type: 'local.sendStarted'; requestId: string; sessionId: number }
	| { type: 'local.dismissResult' };

/** What changes the view state: the host's messages (but those the composer keeps, and the caret request) and the
 * user's own actions. */
export type ViewAction = Exclude<HostMessage, ComposerHostMessage | { type: 'focusComposer' }> | LocalAction;

export function initialViewState(): ViewState {
	return { sessions: [], sessionsLoading: false, messages: [], send: { status: 'idle' } };
}

export function isSending(s: ViewState): boolean {
	return s.send.status === 'sending';
}

/** A send in flight stays (visible and locked) through a re-init or another session's selection; a finished result
 * does not. */
function keepSending(send: SendState): SendState {
	return send.status === 'sending' ? send : { status: 'idle' };
}

export function selectedSession(s: ViewState): SessionItem | undefined {
	return s.sessions.find((x) => x.id === s.selectedSessionId);
}

/** Merges by id (a poll may return a message already shown), keeps id order and the size cap. */
function mergeMessages(current: readonly ConversationMessage[], incoming: readonly ConversationMessage[]): ConversationMessage[] {
	const byId = new Map<number, ConversationMessage>();
	for (const m of current) byId.set(m.id, m);
	for (const m of incoming) byId.set(m.id, m);
	const all = [...byId.values()].sort((a, b) => a.id - b.id);
	return all.length > MAX_CONVERSATION ? all.slice(all.length - MAX_CONVERSATION) : all;
}

/** Only the answer to the send in flight counts. */
function answersSend(state: ViewState, answer: { requestId: string }): boolean {
	return state.send.status === 'sending' && state.send.requestId === answer.requestId;
}

/** A message's fields without its `type`. */
function fieldsOf<M extends { type: string }>(message: M): Omit<M, 'type'> {
	const { type: _type, ...fields } = message;
	return fields;
}

export function reduce(state: ViewState, action: ViewAction): ViewState {
	switch (action.type) {
		case 'init':
			return {
				...initialViewState(),
				connection: action.connection,
				sessions: action.sessions,
				selectedSessionId: action.selectedSessionId,
				// the view was hidden and shown while posting
				send: keepSending(state.send),
			};
		case 'sessionsLoading':
			return { ...state, sessionsLoading: true, sessionsError: undefined };
		case 'sessionsLoaded':
			return { ...state, sessionsLoading: false, sessionsError: undefined, sessions: action.sessions };
		case 'sessionsFailed':
			return { ...state, sessionsLoading: false, sessionsError: action.error };
		case 'sessionSelected': {
			const sessions =
				action.session && !state.sessions.some((s) => s.id === action.sessionId) ? [...state.sessions, action.session] : state.sessions;
			const same = state.selectedSessionId === action.sessionId;
			return {
				...state,
				sessions,
				selectedSessionId: action.sessionId,
				messages: same ? state.messages : [],
				conversationError: same ? state.conversationError : undefined,
			};
		}
		case 'local.select':
			if (state.selectedSessionId === action.sessionId) return state;
			return {
				...state,
				selectedSessionId: action.sessionId,
				messages: [],
				conversationError: undefined,
				// a finished result belongs to the session it was for
				send: keepSending(state.send),
			};
		case 'messagesLoaded':
			if (action.sessionId !== state.selectedSessionId) return state;
			return {
				...state,
				conversationError: undefined,
				messages: mergeMessages(action.replace ? [] : state.messages, action.messages),
			};
		case 'messagesFailed':
			if (action.sessionId !== state.selectedSessionId) return state;
			return { ...state, conversationError: action.error };
		case 'local.sendStarted':
			return { ...state, send: { status: 'sending', requestId: action.requestId, sessionId: action.sessionId } };
		case 'sendSucceeded':
			return answersSend(state, action) ? { ...state, send: { status: 'sent', ...fieldsOf(action) } } : state;
		case 'sendFailed':
			return answersSend(state, action) ? { ...state, send: { status: 'failed', ...fieldsOf(action) } } : state;
		case 'local.dismissResult':
			return state.send.status === 'sending' ? state : { ...state, send: { status: 'idle' } };
		default:
			assertNever(action);
			return state;
	}
}
