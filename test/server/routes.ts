// The chat endpoints the product uses, answered from the in-memory store. Dispatch is by the document's
// operationId; `GET {site}/api` and `GET /api/v1/User/currentPrincipal` are real WebAPI routes that the chat
// document does not describe, so they are served as documented extras (never reported as violations).
import type { ChatMessage, ChatSessionEntity } from '../../src/api/types';
import { type ChatStore, StoreError } from './chatStore';
import { errorBody } from './responses';
import { buildTranscript } from './transcript';
import { DEMO_USER } from './seed';

export interface ApiCall {
	method: string;
	/** Path without the site path, e.g. `/api/v1/ChatSession/101/Messages`. */
	apiPath: string;
	query: URLSearchParams;
	body: unknown;
	/** The base URL clients use, e.g. `http://127.0.0.1:1234/Cust00000`. */
	baseUrl: string;
	contextIdentifier: string;
}

export interface ApiAnswer {
	status: number;
	body: unknown;
}

export const PRINCIPAL_PATH = '/api/v1/User/currentPrincipal';

/** `GET {site}/api`: the unauthenticated version document (field names from the WebAPI docs). */
export function versionDocument(baseUrl: string): Record<string, string> {
	return {
		v1: `${baseUrl}/api/v1`,
		Version: 'v1',
		NetServerVersion: '10.5.4.0',
		NetServerAssembly: '10.5.4.0',
		NetServerDate: '2026-06-30',
		NetServer: 'SuperOffice NetServer 10.5 Release (local test server)',
		NetServerLabel: 'local',
		Services: 'Services88',
		ServicesCurrent: 'Services88',
	};
}

function notFound(what: string, id: number): ApiAnswer {
	return { status: 404, body: errorBody('SoNotFoundException', `${what} id ${id} not found`, 'SuperOffice.Services.Implementation') };
}

function sessionIdOf(apiPath: string): number {
	return Number(/^\/api\/v1\/ChatSession\/([^/]+)/.exec(apiPath)?.[1]);
}

/** `$select=A,B`: only the listed fields. The real server nulls the others; the document has no null, so drop them. */
function select(entity: Record<string, unknown>, fields: string | null): Record<string, unknown> {
	if (!fields) return entity;
	const wanted = new Set(fields.split(',').map((f) => f.trim().toLowerCase()));
	return Object.fromEntries(Object.entries(entity).filter(([k]) => wanted.has(k.toLowerCase())));
}

function currentPrincipal(contextIdentifier: string): Record<string, unknown> {
	return {
		Associate: DEMO_USER.Name,
		AssociateId: DEMO_USER.AssociateId,
		FullName: DEMO_USER.FullName,
		EjUserId: DEMO_USER.EjUserId,
		UserName: DEMO_USER.UserName,
		PersonId: DEMO_USER.PersonId,
		ContactId: DEMO_USER.ContactId,
		EMailAddress: DEMO_USER.Email,
		DatabaseContextIdentifier: contextIdentifier,
		UserType: 'InternalAssociate',
		Licenses: ['chat-cal'],
	};
}

/**
 * Answers an authenticated, valid API call. `operationId` is the document's operation, or undefined for an extra
 * route. Returns undefined for an operation the document has but this server does not implement.
 */
export function answerApi(call: ApiCall, operationId: string | undefined, store: ChatStore): ApiAnswer | undefined {
	if (operationId === undefined) {
		return call.method === 'GET' && call.apiPath === PRINCIPAL_PATH
			? { status: 200, body: currentPrincipal(call.contextIdentifier) }
			: undefined;
	}
	switch (operationId) {
		case 'v1ChatSessionEntity_ChatSessionsForUser':
			return { status: 200, body: store.sessions() };
		case 'v1ChatTopicEntity_ChatTopicsForUser':
			return { status: 200, body: store.topics() };
		case 'v1ChatSessionEntity_GetChatSessionEntity': {
			const id = sessionIdOf(call.apiPath);
			const session = store.session(id);
			if (!session) return notFound('ChatSession', id);
			const withLinks = { ...session, _Links: { Self: `${call.baseUrl}/api/v1/ChatSession/${id}` } };
			return { status: 200, body: select(withLinks, call.query.get('$select')) };
		}
		case 'v1ChatSessionEntity_GetChatMessages': {
			const id = sessionIdOf(call.apiPath);
			if (!store.session(id)) return notFound('ChatSession', id);
			const after = call.query.get('after');
			return { status: 200, body: store.messages(id, after === null || after === '' ? undefined : Number(after)) };
		}
		case 'v1ChatSessionEntity_AddChatMessage':
			return addMessage(call, store);
		default:
			return sessionAction(call, operationId, store);
	}
}

/** Pickup, transfer, reset, transcript and topic users; the signed-in user is the demo user. */
function sessionAction(call: ApiCall, operationId: string, store: ChatStore): ApiAnswer | undefined {
	const me = store.associates()[0];
	const id = sessionIdOf(call.apiPath);
	try {
		switch (operationId) {
			case 'v1ChatSessionEntity_PickUpChatSession':
				// "Returns NULL if session was not in queue."
				return { status: 200, body: store.pickUp(id, me) ?? null };
			case 'v1ChatSessionEntity_PickUpFirstChatSession':
				return { status: 200, body: store.pickUpNext(me) ?? null };
			case 'v1ChatSessionEntity_TransferChatSession': {
				const raw = /\/TransferTo\/([^/]+)$/.exec(call.apiPath)?.[1] ?? '';
				let to = raw;
				try {
					to = decodeURIComponent(raw);
				} catch {
					// a malformed escape stays as sent and matches no user
				}
				return { status: 200, body: store.transfer(id, me, to) };
			}
			case 'v1ChatSessionEntity_AcceptChatSessionTransfer':
				return { status: 200, body: store.acceptTransfer(id, me) };
			case 'v1ChatSessionEntity_RejectChatSessionTransfer':
				return { status: 200, body: store.rejectTransfer(id, me) };
			case 'v1ChatSessionEntity_ResetChatSession':
				return { status: 200, body: store.resetSession(id, me) };
			case 'v1ChatSessionEntity_GetChatTranscript': {
				const session = store.session(id);
				if (!session || session.Status === 'Deleted') return notFound('ChatSession', id);
				const html = (call.query.get('html') ?? '').toLowerCase() === 'true';
				return { status: 200, body: buildTranscript(session, store.messages(id), html) };
			}
			case 'v1ChatTopicEntity_GetChatTopicUserAgentList': {
				const topicId = Number(/^\/api\/v1\/ChatTopic\/([^/]+)/.exec(call.apiPath)?.[1]);
				const agents = store.topicAgents(topicId);
				return agents ? { status: 200, body: agents } : notFound('ChatTopic', topicId);
			}
			default:
				return undefined;
		}
	} catch (e) {
		if (e instanceof StoreError) {
			return { status: e.status, body: errorBody(e.errorType, e.message, 'SuperOffice.Services.Implementation') };
		}
		throw e;
	}
}

function addMessage(call: ApiCall, store: ChatStore): ApiAnswer {
	const id = sessionIdOf(call.apiPath);
	const session: ChatSessionEntity | undefined = store.session(id);
	// A Deleted session is only waiting for the cleanup job; to a client it is gone. Closed and Finished
	// sessions accept the message (the real server's answer is undocumented; the customer may reopen a
	// Finished chat), and their status stays as it is, so a client must warn before posting there itself.
	if (!session || session.Status === 'Deleted') return notFound('ChatSession', id);
	const draft = (typeof call.body === 'object' && call.body !== null ? call.body : {}) as ChatMessage;
	return { status: 200, body: store.addMessage(id, draft) };
}
