// HTTP control routes for tests that run in another process than the server (e.g. inside the extension host).
// They live at the origin root under /__control/, are never validated and never recorded.
import type { ServerResponse } from 'node:http';
import type { ChatMessage, ChatSessionEntity } from '../../src/api/types';
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
	addQueuedSession(o: { customer: string; text: string; topicId?: number; id?: number }): ChatSessionEntity | undefined;
	sessions(): { ChatSessionId: number }[];
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
		if (route === 'POST /sessions') {
			const { customer, text, topicId, id } = parse() as Record<string, unknown>;
			if (typeof customer !== 'string' || customer.trim() === '' || typeof text !== 'string' || text === '') {
				return bad('Send {"customer": "...", "text": "...", "topicId"?: n, "id"?: n}.');
			}
			const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
			if ((topicId !== undefined && !isId(topicId)) || (id !== undefined && !isId(id))) {
				return bad('topicId and id must be positive integers.');
			}
			const created = target.addQueuedSession({
				customer: customer.trim(),
				text,
				...(topicId !== undefined ? { topicId } : {}),
				...(id !== undefined ? { id } : {}),
			});
			if (!created) {
				return sendJson(res, 409, errorBody('ConflictException', `ChatSession id ${String(id)} already exists`, 'LocalServer.Control'));
			}
			return sendJson(res, 201, created);
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
		sendJson(res, 404, errorBody('SoNotFoundException', `No control route ${route}`, 'LocalServer.Control'));
	} catch (e) {
		bad(e instanceof Error ? e.message : String(e));
	}
}
