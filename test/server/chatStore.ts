// In-memory chat data with the server-side rules the client relies on: ids and times are assigned here,
// the session's LastMessage/WhenIdle/Status follow each new message.
import type { ChatMessage, ChatSessionEntity, ChatSessionStatus, ChatTopicAgent, ChatTopicEntity } from '../../src/api/types';
import { type DemoAssociate, demoAssociates, demoUserAssociate, seedData, seedTopicAgents } from './seed';

/** A refusal in the official error shape: routes answer it as `{Error, ErrorType, ErrorMessage, ErrorSource}`. */
/** A visitor starts a chat: topic 1, "New Visitor" and a greeting unless said otherwise; `id` to choose it. */
export interface QueueSessionRequest {
	topicId?: number;
	customerName?: string;
	text?: string;
	id?: number;
}

export class StoreError extends Error {
	constructor(
		readonly status: number,
		readonly errorType: string,
		message: string,
	) {
		super(message);
	}
}

const ENDED_STATUSES: ChatSessionStatus[] = ['Finished', 'Closed', 'ClosedFromQueue', 'Deleted'];

/** Statuses in which a new message moves the session between "customer wrote last" and "agent wrote last". */
const CONVERSATION_STATUSES: ChatSessionStatus[] = ['InQueue', 'CustomerLast', 'UserLast'];
/** `chat_session.last_message` / `first_message` are String(1024) copies in the database. */
const SESSION_TEXT_LIMIT = 1024;

export class ChatStore {
	private topicList: ChatTopicEntity[] = [];
	private sessionList: ChatSessionEntity[] = [];
	private messageList: ChatMessage[] = [];
	private agentList: DemoAssociate[] = [];
	private topicAgentList: ChatTopicAgent[] = [];
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
		this.agentList = demoAssociates();
		this.topicAgentList = seedTopicAgents();
	}

	/** Every known user; the first is the signed-in demo user. */
	associates(): DemoAssociate[] {
		return structuredClone(this.agentList);
	}

	/** By associate id, or by Name / UserName (case-insensitive), as `toAssociate` of TransferTo is read. */
	associate(ref: number | string): DemoAssociate | undefined {
		const text = String(ref).trim();
		const id = /^\d+$/.test(text) ? Number(text) : undefined;
		const found = this.agentList.find((a) =>
			id !== undefined
				? a.AssociateId === id
				: a.Name?.toLowerCase() === text.toLowerCase() || a.UserName?.toLowerCase() === text.toLowerCase(),
		);
		return found && structuredClone(found);
	}

	/** The topic's users and roles, or undefined for an unknown topic. */
	topicAgents(topicId: number): ChatTopicAgent[] | undefined {
		if (!this.topicList.some((t) => t.ChatTopicId === topicId)) return undefined;
		return structuredClone(this.topicAgentList.filter((a) => a.TopicId === topicId));
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
	/** The visitor writes in the chat widget. */
	addCustomerMessage(sessionId: number, text: string): ChatMessage {
		const session = this.sessionList.find((x) => x.ChatSessionId === sessionId);
		if (!session) throw new Error(`no chat session ${sessionId}`);
		return this.addMessage(sessionId, { Type: 'ToUser', Message: text, Author: session.CustomerName ?? '' });
	}

	/**
	 * `by` answers a queued session: it becomes theirs and the topic's welcome message goes to the customer.
	 * Undefined when the session is not in the queue (taken already, or ended), as the document says.
	 */
	pickUp(sessionId: number, by: DemoAssociate): ChatSessionEntity | undefined {
		const session = this.live(sessionId);
		if (session.Status !== 'InQueue') return undefined;
		this.mayRespond(session, by);
		const now = new Date().toISOString();
		session.User = structuredClone(by);
		session.WhenStarted = now;
		const topic = this.topicList.find((t) => t.ChatTopicId === session.TopicId);
		if (topic?.WelcomeMessage) {
			this.addMessage(sessionId, { Type: 'Special', SpecialType: 'Welcome', Message: topic.WelcomeMessage, Author: by.FullName ?? '' });
		}
		// The welcome is automatic: the customer's question is still unanswered.
		session.Status = 'CustomerLast';
		return structuredClone(session);
	}

	/** The longest-waiting queued session in a topic where `by` may respond; undefined when there is none. */
	pickUpNext(by: DemoAssociate): ChatSessionEntity | undefined {
		const topics = new Set(this.topicAgentList.filter((a) => a.CanRespond && a.User?.AssociateId === by.AssociateId).map((a) => a.TopicId));
		const next = this.sessionList
			.filter((x) => x.Status === 'InQueue' && topics.has(x.TopicId))
			.sort((a, b) => Date.parse(a.WhenRequested ?? '') - Date.parse(b.WhenRequested ?? ''))[0];
		return next && this.pickUp(next.ChatSessionId, by);
	}

	/** `by` offers their session to `to`; it stays theirs until `to` accepts. */
	transfer(sessionId: number, by: DemoAssociate, to: number | string): ChatSessionEntity {
		const session = this.live(sessionId);
		if (session.Status === 'InQueue') throw conflict(`ChatSession id ${sessionId} is in the queue; pick it up before transferring it.`);
		this.ownedBy(session, by);
		const target = this.associate(to);
		if (!target) throw new StoreError(404, 'SoNotFoundException', `Associate '${to}' not found`);
		if (target.AssociateId === by.AssociateId) throw conflict(`ChatSession id ${sessionId} is already assigned to ${by.Name}.`);
		if (session.TransferTo) throw conflict(`ChatSession id ${sessionId} is already being transferred to ${session.TransferTo.Name}.`);
		this.mayRespond(session, target, 400);
		session.TransferTo = target;
		return structuredClone(session);
	}

	acceptTransfer(sessionId: number, by: DemoAssociate): ChatSessionEntity {
		const session = this.pendingFor(sessionId, by);
		session.User = structuredClone(by);
		delete session.TransferTo;
		return structuredClone(session);
	}

	/** The session stays with the user who offered it. */
	rejectTransfer(sessionId: number, by: DemoAssociate): ChatSessionEntity {
		const session = this.pendingFor(sessionId, by);
		delete session.TransferTo;
		return structuredClone(session);
	}

	/** Hands `by`'s session back to the queue: no agent, no pending transfer. */
	resetSession(sessionId: number, by: DemoAssociate): ChatSessionEntity {
		const session = this.live(sessionId);
		if (session.Status === 'InQueue') throw conflict(`ChatSession id ${sessionId} is already in the queue.`);
		this.ownedBy(session, by);
		session.Status = 'InQueue';
		delete session.User;
		delete session.TransferTo;
		delete session.WhenStarted;
		return structuredClone(session);
	}

	/** A visitor starts a new chat: a session in the queue with their first message. */
	queueSession(o: QueueSessionRequest = {}): ChatSessionEntity {
		const topicId = o.topicId ?? 1;
		if (!this.topicList.some((t) => t.ChatTopicId === topicId)) {
			throw new StoreError(404, 'SoNotFoundException', `ChatTopic id ${topicId} not found`);
		}
		const id = o.id ?? Math.max(100, ...this.sessionList.map((x) => x.ChatSessionId)) + 1;
		if (this.sessionList.some((x) => x.ChatSessionId === id)) {
			throw new StoreError(409, 'ConflictException', `ChatSession id ${id} already exists`);
		}
		const name = o.customerName ?? 'New Visitor';
		const now = new Date().toISOString();
		const session: ChatSessionEntity = {
			ChatSessionId: id,
			TopicId: topicId,
			CustomerAlias: name.split(' ')[0],
			CustomerHost: '203.0.113.20',
			CustomerName: name,
			CustomerEmail: '',
			CustomerPhone: '',
			CustomerCompanyName: '',
			Status: 'InQueue',
			FirstMessage: '',
			LastMessage: '',
			WhenRequested: now,
			WhenIdle: now,
			SessionKey: `demo-session-key-${Date.now()}`,
		};
		this.sessionList.push(session);
		this.addCustomerMessage(session.ChatSessionId, o.text ?? 'Hello, is anyone there?');
		return structuredClone(session);
	}

	/** The stored session (not a copy), or a 404 for an unknown or deleted one. */
	private live(sessionId: number): ChatSessionEntity {
		const session = this.sessionList.find((x) => x.ChatSessionId === sessionId);
		if (!session || session.Status === 'Deleted') throw new StoreError(404, 'SoNotFoundException', `ChatSession id ${sessionId} not found`);
		return session;
	}

	private ownedBy(session: ChatSessionEntity, by: DemoAssociate): void {
		if (session.User?.AssociateId !== by.AssociateId) {
			const owner = session.User?.Name ? ` but to ${session.User.Name}` : '';
			throw new StoreError(
				403,
				'SoAccessDeniedException',
				`ChatSession id ${session.ChatSessionId} is not assigned to ${by.Name}${owner}.`,
			);
		}
		if (session.Status !== undefined && ENDED_STATUSES.includes(session.Status)) {
			throw conflict(`ChatSession id ${session.ChatSessionId} has ended (${session.Status}).`);
		}
	}

	private pendingFor(sessionId: number, by: DemoAssociate): ChatSessionEntity {
		const session = this.live(sessionId);
		if (!session.TransferTo) throw conflict(`ChatSession id ${sessionId} is not being transferred.`);
		if (session.TransferTo.AssociateId !== by.AssociateId) {
			throw new StoreError(
				403,
				'SoAccessDeniedException',
				`The transfer of ChatSession id ${sessionId} is addressed to ${session.TransferTo.Name}, not ${by.Name}.`,
			);
		}
		return session;
	}

	private mayRespond(session: ChatSessionEntity, who: DemoAssociate, status = 403): void {
		const ok = this.topicAgentList.some((a) => a.TopicId === session.TopicId && a.CanRespond && a.User?.AssociateId === who.AssociateId);
		if (!ok) {
			const type = status === 400 ? 'ArgumentException' : 'SoAccessDeniedException';
			throw new StoreError(status, type, `${who.Name} cannot respond to chats in ChatTopic id ${session.TopicId}.`);
		}
	}
}

function conflict(message: string): StoreError {
	return new StoreError(409, 'InvalidOperationException', message);
}
