// The SuperOffice chat client: one instance per connection, shared by every caller. Validates input before
// any request, then goes through the HttpPipeline (auth, timeouts, redirects, errors, trace).
import { type Call, HttpPipeline } from './http';
import { type ChatClientOptions, type RequestOptions } from './options';
import { ApiError } from './errors';
import {
	type ApiInfo,
	type ChatMessage,
	type ChatSessionEntity,
	type ChatTopicAgent,
	type ChatTopicEntity,
	type CurrentPrincipal,
	type TranscriptFormat,
} from './types';
import { type MessageDraft, messageBody, validateAfter, validateAssociate, validateDraft, validateId } from './validation';

function isObject(v: unknown): v is Record<string, unknown> {
	return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const isChatMessage = (v: unknown): boolean => isObject(v) && typeof v.ChatMessageId === 'number';
// What a POST must get back to count as stored: a real id (0 or a fraction would be no message at all).
const isStoredMessage = (v: unknown): boolean => isObject(v) && Number.isInteger(v.ChatMessageId) && (v.ChatMessageId as number) > 0;
const isSession = (v: unknown): boolean => isObject(v) && typeof v.ChatSessionId === 'number';
const isTopic = (v: unknown): boolean => isObject(v) && typeof v.ChatTopicId === 'number';
const arrayOf =
	(item: (v: unknown) => boolean) =>
	(v: unknown): boolean =>
		Array.isArray(v) && v.every(item);

const isMessages = /* @__PURE__ */ arrayOf(isChatMessage);
const isSessions = /* @__PURE__ */ arrayOf(isSession);
const isTopics = /* @__PURE__ */ arrayOf(isTopic);
const isTopicAgents = /* @__PURE__ */ arrayOf(isObject);
const isSessionOrNull = (v: unknown): boolean => v === null || isSession(v);

/** What each ownership action is called in errors when the server answers without a session. */
const ACTION_TEXT = {
	TransferTo: 'did not start the transfer',
	AcceptTransfer: 'did not hand the session over',
	RejectTransfer: 'did not reject the transfer',
	Reset: 'did not put the session back in the queue',
} as const;
type OwnershipAction = keyof typeof ACTION_TEXT;

export class ChatClient {
	private readonly http: HttpPipeline;

	constructor(options: ChatClientOptions) {
		this.http = new HttpPipeline(options);
	}

	/** Normalised, e.g. `https://online2.superoffice.com/Cust12345`; moves when onMisdirected supplies a new host. */
	get baseUrl(): string {
		return this.http.baseUrl;
	}

	/** Hides this client's secrets in text (for logs). */
	redact(text: string): string {
		return this.http.redact(text);
	}

	/** POST /api/v1/ChatSession/{id}/Messages → the stored message. Defaults: Type ToCustomer, SpecialType None. */
	async postMessage(sessionId: number, draft: MessageDraft, o?: RequestOptions): Promise<ChatMessage> {
		validateDraft(sessionId, draft);
		return (await this.http.request({
			method: 'POST',
			rel: `/api/v1/ChatSession/${sessionId}/Messages`,
			body: messageBody(draft),
			auth: true,
			options: o,
			accept: isStoredMessage,
			what: 'a chat message with a ChatMessageId',
		})) as ChatMessage;
	}

	/** GET /api/v1/ChatSession/ForCurrentUser */
	async listSessions(o?: RequestOptions): Promise<ChatSessionEntity[]> {
		return (await this.get('/api/v1/ChatSession/ForCurrentUser', isSessions, 'a list of chat sessions', o)) as ChatSessionEntity[];
	}

	/** GET /api/v1/ChatTopic/ForCurrentUser */
	async listTopics(o?: RequestOptions): Promise<ChatTopicEntity[]> {
		return (await this.get('/api/v1/ChatTopic/ForCurrentUser', isTopics, 'a list of chat topics', o)) as ChatTopicEntity[];
	}

	/** GET /api/v1/ChatSession/{id} */
	async getSession(id: number, o?: RequestOptions): Promise<ChatSessionEntity> {
		validateId(id, 'id');
		return (await this.get(`/api/v1/ChatSession/${id}`, isSession, 'a chat session', o)) as ChatSessionEntity;
	}

	/** GET /api/v1/ChatSession/{id}/Messages[?after=] — messages after the given message id, or all. */
	async getMessages(sessionId: number, after?: number, o?: RequestOptions): Promise<ChatMessage[]> {
		validateId(sessionId);
		if (after !== undefined) validateAfter(after);
		const query = after === undefined ? '' : `?after=${after}`;
		return (await this.get(`/api/v1/ChatSession/${sessionId}/Messages${query}`, isMessages, 'a list of chat messages', o)) as ChatMessage[];
	}

	/**
	 * POST /api/v1/ChatSession/{id}/Pickup — assigns a queued session to the signed-in user (the server sends the
	 * topic's welcome message). `undefined` when the server answered without a session: it was no longer in the
	 * queue (another agent was faster, or it ended). Never retried: the first request may have taken it.
	 */
	async pickUp(sessionId: number, o?: RequestOptions): Promise<ChatSessionEntity | undefined> {
		validateId(sessionId);
		return this.pickUpAt(`/api/v1/ChatSession/${sessionId}/Pickup`, o);
	}

	/** POST /api/v1/ChatSession/Pickup — the first session in the queue; `undefined` when the queue was empty. */
	async pickUpNext(o?: RequestOptions): Promise<ChatSessionEntity | undefined> {
		return this.pickUpAt('/api/v1/ChatSession/Pickup', o);
	}

	/**
	 * POST /api/v1/ChatSession/{id}/TransferTo/{toAssociate} — asks another user (associate id or user name) to take
	 * the session; the returned session carries the pending `TransferTo` until they accept or reject.
	 */
	async transferTo(sessionId: number, associate: number | string, o?: RequestOptions): Promise<ChatSessionEntity> {
		validateId(sessionId);
		validateAssociate(associate);
		return this.changeOwner(sessionId, 'TransferTo', `/TransferTo/${encodeURIComponent(String(associate))}`, o);
	}

	/** POST /api/v1/ChatSession/{id}/AcceptTransfer — takes a session transferred to the signed-in user. */
	async acceptTransfer(sessionId: number, o?: RequestOptions): Promise<ChatSessionEntity> {
		validateId(sessionId);
		return this.changeOwner(sessionId, 'AcceptTransfer', '/AcceptTransfer', o);
	}

	/** POST /api/v1/ChatSession/{id}/RejectTransfer — declines it; the session stays with the user who sent it. */
	async rejectTransfer(sessionId: number, o?: RequestOptions): Promise<ChatSessionEntity> {
		validateId(sessionId);
		return this.changeOwner(sessionId, 'RejectTransfer', '/RejectTransfer', o);
	}

	/** POST /api/v1/ChatSession/{id}/Reset — hands the session back: in the queue again, no agent. */
	async reset(sessionId: number, o?: RequestOptions): Promise<ChatSessionEntity> {
		validateId(sessionId);
		return this.changeOwner(sessionId, 'Reset', '/Reset', o);
	}

	/** POST /api/v1/ChatSession/{id}/Transcript?html=false|true — the conversation as plain text or HTML. */
	async transcript(sessionId: number, format: TranscriptFormat = 'text', o?: RequestOptions): Promise<string> {
		validateId(sessionId);
		if (format !== 'text' && format !== 'html') throw new ApiError('invalid', 'format must be text or html.', { field: 'format' });
		return (await this.http.request({
			method: 'POST',
			rel: `/api/v1/ChatSession/${sessionId}/Transcript?html=${format === 'html'}`,
			auth: true,
			options: o,
			accept: (v) => typeof v === 'string',
			what: 'a transcript',
		})) as string;
	}

	/** GET /api/v1/ChatTopic/{id}/UserAgent — the topic's users and their roles (who can take a transfer). */
	async topicAgents(topicId: number, o?: RequestOptions): Promise<ChatTopicAgent[]> {
		validateId(topicId, 'topicId');
		return (await this.get(`/api/v1/ChatTopic/${topicId}/UserAgent`, isTopicAgents, 'a list of topic users', o)) as ChatTopicAgent[];
	}

	/** GET /api/v1/User/currentPrincipal — who the credentials belong to. */
	async currentPrincipal(o?: RequestOptions): Promise<CurrentPrincipal> {
		return (await this.get('/api/v1/User/currentPrincipal', isObject, 'the current principal', o)) as CurrentPrincipal;
	}

	/** GET {base}/api without credentials: is this a SuperOffice WebAPI, and which version. */
	async probe(o?: RequestOptions): Promise<ApiInfo> {
		return (await this.http.request({
			method: 'GET',
			rel: '/api',
			auth: false,
			options: o,
			accept: isObject,
			what: 'the API version document',
		})) as ApiInfo;
	}

	private async pickUpAt(rel: string, o: RequestOptions | undefined): Promise<ChatSessionEntity | undefined> {
		return (await this.postForSession(rel, 'a chat session or null', o)) ?? undefined;
	}

	/** A body-less POST that answers a chat session, or null (or nothing) when nothing happened. */
	private async postForSession(rel: string, what: string, o: RequestOptions | undefined): Promise<ChatSessionEntity | null> {
		const data = await this.http.request({ method: 'POST', rel, auth: true, options: o, accept: isSessionOrNull, what, emptyIsNull: true });
		return data === null ? null : (data as ChatSessionEntity);
	}

	/** The transfer and reset POSTs: a session back, or a `conflict` naming what did not happen. */
	private async changeOwner(
		sessionId: number,
		action: OwnershipAction,
		tail: string,
		o: RequestOptions | undefined,
	): Promise<ChatSessionEntity> {
		const rel = `/api/v1/ChatSession/${sessionId}${tail}`;
		const data = await this.postForSession(rel, 'a chat session', o);
		if (data !== null) return data;
		// The document says "nothing happens" when the session is not the user's or not being transferred.
		const path = `${new URL(this.http.baseUrl).pathname.replace(/\/$/, '')}${rel}`;
		throw new ApiError(
			'conflict',
			`The server ${ACTION_TEXT[action]} for chat session ${sessionId}: it answered without a session (POST ${path}).`,
			{
				status: 200,
				method: 'POST',
				path,
			},
		);
	}

	private get(rel: string, accept: Call['accept'], what: string, o: RequestOptions | undefined): Promise<unknown> {
		return this.http.request({ method: 'GET', rel, auth: true, options: o, accept, what });
	}
}
