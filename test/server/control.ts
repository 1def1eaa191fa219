// HTTP control routes for tests that run in another process than the server (e.g. inside the extension host).
// They live at the origin root under /__control/, are never validated and never recorded. Besides faults and the
// visitor's messages, other users act here: pick up first (a lost race), transfer, accept or reject a transfer.
import type { ServerResponse } from 'node:http';
import type { ChatMessage, ChatSessionEntity } from '../../src/api/types';
import type { AgentActions } from './agents';
import { type QueueSessionRequest, StoreError } from './chatStore';
import { type Fault, faultFromJson } from './faults';
import { errorBody, sendJson } from './responses';

export const CONTROL_PREFIX = '/__control/';

export interface ControlTarget {
	readonly url: string;
	readonly origin: string;
	readonly received: readonly unknown[];
	readonly violations: readonly unknown[];
	fault(f: Fault): void;
	reset(): void;
	addCustomerMessage(sessionId: number, text: string): ChatMessage;
	sessions(): { ChatSessionId: number }[];
	agent(who?: number | string): AgentActions;
	queueSession(o?: QueueSessionRequest): ChatSessionEntity;
}

const AGENT_ROUTE = /^POST \/sessions\/(\d+)\/(pickup|transfer|accept-transfer|reject-transfer|reset)$/;

/** `{ "as": associate id or name }` (default the colleague), `{ "to": ... }` for a transfer (default the demo user). */
function agentAct(target: ControlTarget, id: number, action: string, body: Record<string, unknown>): ChatSessionEntity | undefined {
	const who = body.as;
	if (who !== undefined && typeof who !== 'number' && typeof who !== 'string') {
		throw new StoreError(400, 'ArgumentException', '"as" must be an associate id or name.');
	}
	const agent = target.agent(who);
	switch (action) {
		case 'pickup': {
			const session = agent.pickUp(id);
			if (!session) throw new StoreError(409, 'InvalidOperationException', `ChatSession id ${id} is not in the queue.`);
			return session;
		}
		case 'transfer': {
			const to = body.to ?? 'demo';
			if (typeof to !== 'number' && typeof to !== 'string') {
				throw new StoreError(400, 'ArgumentException', '"to" must be an associate id or name.');
			}
			return agent.transferTo(id, to);
		}
		case 'accept-transfer':
			return agent.acceptTransfer(id);
		case 'reject-transfer':
			return agent.rejectTransfer(id);
		default:
			return agent.reset(id);
	}
}

export function handleControl(method: string, pathname: string, rawBody: string, res: ServerResponse, target: ControlTarget): void {
	const route = `${method} ${pathname.slice(CONTROL_PREFIX.length - 1)}`;
	const bad = (message: string): void => sendJson(res, 400, errorBody('ArgumentException', message, 'LocalServer.Control'));
	const parse = (): unknown => (rawBody.trim() === '' ? {} : JSON.parse(rawBody));
	try {
		if (route === 'GET /health') return sendJson(res, 200, { ok: true, url: target.url, origin: target.origin });
		if (route === 'GET /received') return sendJson(res, 200, target.received);
		if (route === 'GET /violations') return sendJson(res, 200, target.violations);
		if (route === 'POST /reset') {
			target.reset();
			return sendJson(res, 200, { ok: true });
		}
		if (route === 'POST /fault') {
			target.fault(faultFromJson(parse()));
			return sendJson(res, 200, { ok: true });
		}
		const customer = /^POST \/sessions\/(\d+)\/customer-message$/.exec(route);
		if (customer) {
			const id = Number(customer[1]);
			const { text } = parse() as { text?: unknown };
			if (typeof text !== 'string' || text === '') return bad('Send {"text": "..."}.');
			if (!target.sessions().some((s) => s.ChatSessionId === id)) {
				return sendJson(res, 404, errorBody('SoNotFoundException', `ChatSession id ${id} not found`, 'LocalServer.Control'));
			}
			return sendJson(res, 200, target.addCustomerMessage(id, text));
		}
		const act = AGENT_ROUTE.exec(route);
		if (act) return sendJson(res, 200, agentAct(target, Number(act[1]), act[2], parse() as Record<string, unknown>));
		if (route === 'POST /sessions') {
			// A visitor starts a chat. `customer` and `customerName` both name the visitor.
			const { topicId, customer, customerName, text, id } = parse() as Record<string, unknown>;
			const name = customer ?? customerName;
			const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
			if (topicId !== undefined && !isId(topicId)) return bad('"topicId" must be a positive integer.');
			if (id !== undefined && !isId(id)) return bad('"id" must be a positive integer.');
			if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) return bad('"customer" must be non-empty text.');
			if (text !== undefined && (typeof text !== 'string' || text === '')) return bad('"text" must be non-empty text.');
			return sendJson(res, 201, target.queueSession({ topicId, customerName: name?.trim(), text, id }));
		}
		sendJson(res, 404, errorBody('SoNotFoundException', `No control route ${route}`, 'LocalServer.Control'));
	} catch (e) {
		if (e instanceof StoreError) return sendJson(res, e.status, errorBody(e.errorType, e.message, 'LocalServer.Control'));
		bad(e instanceof Error ? e.message : String(e));
	}
}
