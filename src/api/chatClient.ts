// The SuperOffice chat client: one instance per connection, shared by every caller. Validates input before
// any request, then goes through the HttpPipeline (auth, timeouts, redirects, errors, trace).
import { type Call, HttpPipeline } from './http';
import { type ChatClientOptions, type RequestOptions } from './options';
import { type ApiInfo, type ChatMessage, type ChatSessionEntity, type ChatTopicEntity, type CurrentPrincipal } from './types';
import { type MessageDraft, messageBody, validateAfter, validateDraft, validateId } from './validation';

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

const isMessages = arrayOf(isChatMessage);
const isSessions = arrayOf(isSession);
const isTopics = arrayOf(isTopic);

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

	private get(rel: string, accept: Call['accept'], what: string, o: RequestOptions | undefined): Promise<unknown> {
		return this.http.request({ method: 'GET', rel, auth: true, options: o, accept, what });
	}
}
