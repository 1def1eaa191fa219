// In-memory chat data with the server-side rules the client relies on: ids and times are assigned here,
// the session's LastMessage/WhenIdle/Status follow each new message.
import type { ChatMessage, ChatSessionEntity, ChatSessionStatus, ChatTopicEntity } from '../../src/api/types';
import { demoUserAssociate, seedData } from './seed';

/** Statuses in which a new message moves the session between "customer wrote last" and "agent wrote last". */
const CONVERSATION_STATUSES: ChatSessionStatus[] = ['InQueue', 'CustomerLast', 'UserLast'];
/** `chat_session.last_message` / `first_message` are String(1024) copies in the database. */
const SESSION_TEXT_LIMIT = 1024;

export class ChatStore {
	private topicList: ChatTopicEntity[] = [];
	private sessionList: ChatSessionEntity[] = [];
	private messageList: ChatMessage[] = [];
	private nextMessageId = 1;

	constructor() {
		this.reset();
	}

	reset(): void {
		const seed = seedData();
		this.topicList = seed.topics;
		this.sessionList = seed.sessions;
		this.messageList = seed.messages;
		this.nextMessageId = Math.max(0, ...seed.messages.map((m) => m.ChatMessageId ?? 0)) + 1;
	}

	topics(): ChatTopicEntity[] {
		return structuredClone(this.topicList);
	}

	sessions(): ChatSessionEntity[] {
		return structuredClone(this.sessionList);
	}

	session(id: number): ChatSessionEntity | undefined {
		const s = this.sessionList.find((x) => x.ChatSessionId === id);
		return s && structuredClone(s);
	}

	/** Messages of a session in id order; `after` = only those with a larger ChatMessageId. */
	messages(sessionId: number, after?: number): ChatMessage[] {
		return structuredClone(
			this.messageList.filter((m) => m.ChatSessionId === sessionId && (after === undefined || (m.ChatMessageId ?? 0) > after)),
		);
	}

	/**
	 * Stores a message the way POST .../Messages does: the server assigns ChatMessageId and WhenPosted, takes the
	 * session id from the path, and fills Type/SpecialType when absent. Returns the stored message.
	 */
	addMessage(sessionId: number, draft: ChatMessage): ChatMessage {
		const session = this.sessionList.find((x) => x.ChatSessionId === sessionId);
		if (!session) throw new Error(`no chat session ${sessionId}`);
		const stored: ChatMessage = {
			ChatMessageId: this.nextMessageId++,
			ChatSessionId: sessionId,
			Type: draft.Type ?? 'ToCustomer',
			Message: draft.Message ?? '',
			Author: draft.Author ?? '',
			ReadByCustomer: draft.ReadByCustomer ?? 0,
			SpecialType: draft.SpecialType ?? 'None',
			SpecialParam: draft.SpecialParam ?? '',
			WhenPosted: new Date().toISOString(),
		};
		this.messageList.push(stored);
		const text = (stored.Message ?? '').slice(0, SESSION_TEXT_LIMIT);
		session.LastMessage = text;
		if (!session.FirstMessage) session.FirstMessage = text;
		session.WhenIdle = stored.WhenPosted;
		if (session.Status !== undefined && CONVERSATION_STATUSES.includes(session.Status)) {
			if (stored.Type === 'ToCustomer') {
				// An agent answering a queued session takes it, as Pickup would.
				session.Status = 'UserLast';
				session.User ??= demoUserAssociate();
				session.WhenStarted ??= stored.WhenPosted;
			} else if (stored.Type === 'ToUser' && session.Status !== 'InQueue') {
				session.Status = 'CustomerLast';
			}
		}
		return structuredClone(stored);
	}

	/**
	 * A visitor opens a new chat: the session waits in the queue with their first message. `id` must be free
	 * (undefined when taken); without it the next free id is used.
	 */
	addQueuedSession(o: { customer: string; text: string; topicId?: number; id?: number }): ChatSessionEntity | undefined {
		const id = o.id ?? Math.max(100, ...this.sessionList.map((x) => x.ChatSessionId)) + 1;
		if (this.sessionList.some((x) => x.ChatSessionId === id)) return undefined;
		const now = new Date().toISOString();
		const topicId = o.topicId ?? this.topicList[0]?.ChatTopicId ?? 1;
		this.sessionList.push({
			ChatSessionId: id,
			TopicId: topicId,
			CustomerAlias: o.customer.split(' ')[0],
			CustomerHost: '203.0.113.20',
			CustomerName: o.customer,
			CustomerEmail: '',
			CustomerPhone: '',
			CustomerCompanyName: '',
			Status: 'InQueue',
			FirstMessage: '',
			LastMessage: '',
			WhenRequested: now,
			WhenIdle: now,
			SessionKey: `session-key-${id}`,
		});
		this.addMessage(id, { Type: 'ToUser', Message: o.text, Author: o.customer });
		return this.session(id);
	}

	/** The visitor writes in the chat widget. */
	addCustomerMessage(sessionId: number, text: string): ChatMessage {
		const session = this.sessionList.find((x) => x.ChatSessionId === sessionId);
		if (!session) throw new Error(`no chat session ${sessionId}`);
		return this.addMessage(sessionId, { Type: 'ToUser', Message: text, Author: session.CustomerName ?? '' });
	}
}
