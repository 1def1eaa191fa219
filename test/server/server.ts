// The local SuperOffice chat server used by every test tier and by `npm run server`. Binds 127.0.0.1 only.
// Pipeline per request: record → check against the API document → scripted fault → auth → route → check answer.
import * as http from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Operation } from 'openapi-backend';
import type { ChatMessage, ChatSessionEntity } from '../../src/api/types';
import { type AgentActions, agentActions } from './agents';
import { type AuthResult, authenticate, bearerTokenOf } from './auth';
import { ChatStore, type QueueSessionRequest } from './chatStore';
import { type Contract, isJsonType, loadContract } from './contract';
import { CONTROL_PREFIX, handleControl } from './control';
import { type Fault, FaultQueue, faultAction } from './faults';
import { PRINCIPAL_PATH, answerApi, versionDocument } from './routes';
import { errorBody, htmlErrorPage, sendJson, sendText } from './responses';

export { type AgentActions } from './agents';
export { DEMO, type DemoCredentials } from './auth';
export { StoreError } from './chatStore';
export { COLLEAGUE, DEMO_USER, LISTENER } from './seed';
export type { Fault } from './faults';

export interface StartOptions {
	/** 0 (default) = a random free port. */
	port?: number;
	/** Default '/Cust00000'. */
	sitePath?: string;
	/** No request log on stdout. */
	quiet?: boolean;
	/**
	 * Accepts a Bearer token that is neither DEMO.bearer nor registered when this says so (e.g. an access token
	 * the local OpenID Provider still knows). A verifier that throws counts as a refusal.
	 */
	verifyBearer?: (token: string) => Promise<boolean>;
}

export interface RecordedRequest {
	method: string;
	/** Pathname as sent, including the site path. */
	path: string;
	query: Record<string, string>;
	/** Lower-cased names, values exactly as sent (repeated headers joined with ', '). */
	headers: Record<string, string>;
	/** Parsed JSON body, when a JSON body was sent and parsed. */
	body?: unknown;
	rawBody: string;
	/** Status answered; 0 while pending or when the connection was dropped. */
	status: number;
	at: number;
}

export interface ContractViolation {
	method: string;
	path: string;
	where: 'request' | 'response';
	errors: string[];
}

export interface LocalServer {
	/** Base URL to give the client, e.g. `http://127.0.0.1:<port>/Cust00000`. */
	readonly url: string;
	readonly origin: string;
	/** Every API request in order (control routes excluded). */
	readonly received: RecordedRequest[];
	/** Requests and responses that break the official API document. */
	readonly violations: ContractViolation[];
	fault(f: Fault): void;
	/** Reseeds the data and clears received, violations and faults (registered bearer tokens stay). */
	reset(): void;
	/** Simulates the visitor writing in the chat widget. */
	addCustomerMessage(sessionId: number, text: string): ChatMessage;
	/** Simulates a visitor opening a new chat: a session InQueue with their first message; undefined when `id` is taken. */
	sessions(): ChatSessionEntity[];
	messages(sessionId: number): ChatMessage[];
	/** Another user acts on the sessions (default the colleague); a refusal throws StoreError. */
	agent(who?: number | string): AgentActions;
	/** A visitor starts a chat: a new session in the queue (topic 1 unless said otherwise). */
	queueSession(o?: QueueSessionRequest): ChatSessionEntity;
	/** Accepts another bearer token besides DEMO.bearer (e.g. one handed out by a fake sign-in). */
	addBearerToken(token: string): void;
	removeBearerToken(token: string): void;
	close(): Promise<void>;
}

function normalizeSitePath(p: string): string {
	const trimmed = p.trim().replace(/\/+$/, '');
	return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function headerRecord(raw: string[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (let i = 0; i + 1 < raw.length; i += 2) {
		const name = raw[i].toLowerCase();
		out[name] = name in out ? `${out[name]}, ${raw[i + 1]}` : raw[i + 1];
	}
	return out;
}

export async function startServer(o: StartOptions = {}): Promise<LocalServer> {
	const contract: Contract = await loadContract();
	const sitePath = normalizeSitePath(o.sitePath ?? '/Cust00000');
	const contextIdentifier = sitePath.split('/').pop() || 'Cust00000';
	const store = new ChatStore();
	const faults = new FaultQueue();
	const received: RecordedRequest[] = [];
	const violations: ContractViolation[] = [];
	const bearerTokens = new Set<string>();
	const timers = new Set<NodeJS.Timeout>();
	let origin = '';
	let url = '';

	const delay = (ms: number): Promise<void> =>
		new Promise((resolve) => {
			const t = setTimeout(() => (timers.delete(t), resolve()), ms);
			timers.add(t);
		});

	/** The path below the site (case-insensitive, as IIS matches it), or undefined when outside the site. */
	const apiPathOf = (pathname: string): string | undefined => {
		if (sitePath === '') return pathname;
		const head = pathname.slice(0, sitePath.length).toLowerCase();
		const rest = pathname.slice(sitePath.length);
		return head === sitePath.toLowerCase() && (rest === '' || rest.startsWith('/')) ? rest || '/' : undefined;
	};

	async function handle(req: http.IncomingMessage, res: http.ServerResponse, rawBody: string): Promise<void> {
		const method = req.method ?? 'GET';
		// Prefixing the origin keeps a path like `//x` a path (new URL would read it as a host).
		const raw = req.url ?? '/';
		const target = raw.startsWith('/') ? new URL(origin + raw) : new URL(raw, origin);
		const pathname = target.pathname;
		if (pathname.startsWith(CONTROL_PREFIX)) return handleControl(method, pathname, rawBody, res, api);

		const headers = headerRecord(req.rawHeaders);
		const contentType = headers['content-type'];
		let body: unknown;
		let parsed = false;
		if (rawBody !== '' && isJsonType(contentType)) {
			try {
				body = JSON.parse(rawBody);
				parsed = true;
			} catch {
				// left undefined in the record; the contract check reports the malformed JSON
			}
		}
		const record: RecordedRequest = {
			method,
			path: pathname,
			query: Object.fromEntries(target.searchParams),
			headers,
			...(parsed ? { body } : {}),
			rawBody,
			status: 0,
			at: Date.now(),
		};
		received.push(record);
		const answer = (status: number, send: () => void): void => {
			record.status = status;
			send();
			if (!o.quiet) console.log(`${method} ${pathname} → ${status}`);
		};

		// Every API request is checked against the document, also those a fault will answer.
		const apiPath = apiPathOf(pathname);
		const isApi = apiPath !== undefined && apiPath.startsWith('/api/v1/');
		const isExtra = method === 'GET' && apiPath === PRINCIPAL_PATH;
		let operation: Operation | undefined;
		let problems: string[] = [];
		if (isApi) {
			operation = contract.match(method, apiPath);
			const checkedBody = rawBody === '' ? undefined : parsed ? body : rawBody;
			if (operation) {
				problems = contract.checkRequest(operation, {
					method,
					path: apiPath,
					headers: req.headers,
					query: target.searchParams,
					body: checkedBody,
					contentType,
				});
			} else if (!isExtra) {
				problems = [`no operation in the API document matches ${method} ${apiPath}`];
			}
			if (problems.length > 0) violations.push({ method, path: pathname, where: 'request', errors: problems });
		}

		const fault = faults.take(method, pathname, sitePath);
		// `afterStore`: the request is processed (a message is stored) and only its answer is lost or replaced.
		const late = fault?.afterStore ? fault : undefined;
		if (fault && !late) {
			if (fault.delayMs) await delay(fault.delayMs);
			const action = faultAction(fault);
			if (action.kind === 'drop') {
				if (!o.quiet) console.log(`${method} ${pathname} → connection dropped`);
				req.socket.destroy();
				return;
			}
			if (action.kind === 'respond') {
				// Scripted answers are off-contract on purpose, so they are not checked against the document.
				return answer(action.status, () => sendText(res, action.status, action.body, action.contentType, action.headers));
			}
		}

		const json = (status: number, payload: unknown, extra?: http.OutgoingHttpHeaders): void =>
			answer(status, () => sendJson(res, status, payload, extra));
		if (apiPath !== undefined && method === 'GET' && (apiPath === '/api' || apiPath === '/api/')) {
			// The version document needs no credentials. Browsers asking for HTML get a page, as from IIS.
			if ((headers.accept ?? '').startsWith('text/html')) {
				const page = `<!DOCTYPE html><html><body><pre>${JSON.stringify(versionDocument(url), null, 2)}</pre></body></html>`;
				return answer(200, () => sendText(res, 200, page, 'text/html; charset=utf-8'));
			}
			return json(200, versionDocument(url));
		}
		if (!isApi || (!operation && !isExtra)) {
			return json(404, errorBody('SoNotFoundException', `No resource matches ${method} ${pathname}`));
		}
		let auth: AuthResult = authenticate(headers.authorization, headers['so-apptoken'], bearerTokens);
		const unknownBearer = auth.ok ? undefined : bearerTokenOf(headers.authorization);
		const verify = o.verifyBearer;
		if (unknownBearer !== undefined && verify && (await (async () => verify(unknownBearer))().catch(() => false))) {
			auth = { ok: true, scheme: 'bearer' };
		}
		if (!auth.ok) {
			return json(401, errorBody('UnauthorizedAccessException', `Authentication failed. ${auth.reason}`), {
				'WWW-Authenticate': 'Bearer realm="SuperOffice"',
			});
		}
		if (rawBody !== '' && operation?.requestBody && !isJsonType(contentType)) {
			return json(415, errorBody('UnsupportedMediaTypeException', 'This server reads JSON request bodies only.'));
		}
		if (problems.length > 0) {
			return json(400, errorBody('ArgumentException', `The request does not match the API: ${problems.join('; ')}`));
		}
		const result = answerApi(
			{ method, apiPath, query: target.searchParams, body, baseUrl: url, contextIdentifier },
			operation?.operationId,
			store,
		);
		if (!result) {
			return json(
				501,
				errorBody('NotImplementedException', `${method} ${apiPath} is in the API document, but the local server does not implement it.`),
			);
		}
		if (operation && result.status >= 200 && result.status < 300) {
			const errors = contract.checkResponse(operation, result.status, result.body);
			if (errors.length > 0) violations.push({ method, path: pathname, where: 'response', errors });
		}
		if (late) {
			const action = faultAction(late);
			if (action.kind === 'drop') {
				if (!o.quiet) console.log(`${method} ${pathname} → processed, then the connection dropped`);
				req.socket.destroy();
				return;
			}
			if (action.kind === 'respond') {
				return answer(action.status, () => sendText(res, action.status, action.body, action.contentType, action.headers));
			}
		}
		json(result.status, result.body);
	}

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((e: unknown) => {
				console.error('local SuperOffice server failed on a request:', e);
				if (!res.headersSent) sendText(res, 500, htmlErrorPage(500), 'text/html; charset=utf-8');
			});
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(o.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	origin = `http://127.0.0.1:${port}`;
	url = origin + sitePath;

	const api: LocalServer = {
		url,
		origin,
		received,
		violations,
		fault: (f) => faults.add(f),
		reset() {
			store.reset();
			faults.clear();
			received.length = 0;
			violations.length = 0;
		},
		addCustomerMessage: (sessionId, text) => store.addCustomerMessage(sessionId, text),
		sessions: () => store.sessions(),
		messages: (sessionId) => store.messages(sessionId),
		agent: (who) => agentActions(store, who),
		queueSession: (q) => store.queueSession(q),
		addBearerToken: (token) => void bearerTokens.add(token),
		removeBearerToken: (token) => void bearerTokens.delete(token),
		close: () =>
			new Promise<void>((resolve, reject) => {
				for (const t of timers) clearTimeout(t);
				timers.clear();
				server.close((e) => (e ? reject(e) : resolve()));
				server.closeAllConnections();
			}),
	};
	return api;
}
