// Shared helpers for the client's unit tests: a second origin on another port, a closed port, and
// assertions on ApiError and on secrets.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { type AddressInfo } from 'node:net';
import { ApiError, type ApiErrorKind, type TraceEvent } from '../../../src/api';
import { type LocalServer, startServer } from '../../server/server';

export interface SeenRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export interface OtherOrigin {
	readonly origin: string;
	readonly received: SeenRequest[];
	/** Replaces how it answers (default: 200 with a chat message). */
	respond(fn: (req: SeenRequest, res: http.ServerResponse) => void): void;
	close(): Promise<void>;
}

/**
 * A tiny HTTP server on another port of 127.0.0.1, i.e. another origin than the local SuperOffice server. It records
 * every request with its body and answers with `fn` (default: 200 with a chat message).
 */
export async function startOtherOrigin(fn?: (req: SeenRequest, res: http.ServerResponse) => void): Promise<OtherOrigin> {
	const received: SeenRequest[] = [];
	let responder =
		fn ??
		((_req: SeenRequest, res: http.ServerResponse): void => {
			res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify({ ChatMessageId: 9001, ChatSessionId: 101, Message: 'elsewhere' }));
		});
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
			received.push(seen);
			responder(seen, res);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		received,
		respond(fn) {
			responder = fn;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** A loopback port that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/** Awaits a promise that must reject with an ApiError of the given kind, and returns the error. */
export async function rejectsWith(promise: Promise<unknown>, kind: ApiErrorKind): Promise<ApiError> {
	try {
		await promise;
	} catch (e) {
		assert.ok(e instanceof ApiError, `expected an ApiError, got ${String(e)}`);
		assert.equal(e.kind, kind, `expected kind ${kind}, got ${e.kind}: ${e.message}`);
		return e;
	}
	assert.fail(`expected an ApiError of kind ${kind}, but the call succeeded`);
}

export function traceSink(): { events: TraceEvent[]; onTrace: (e: TraceEvent) => void } {
	const events: TraceEvent[] = [];
	return { events, onTrace: (e) => events.push(e) };
}

/** Case-insensitive header lookup on a recorded request. */
export function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
	const v = key === undefined ? undefined : headers[key];
	return Array.isArray(v) ? v.join(', ') : v;
}

export function assertNoSecret(text: string, secrets: readonly string[], what: string): void {
	for (const s of secrets) assert.ok(!text.includes(s), `${what} contains a secret: ${text}`);
}

/** Polls until `check` returns true; for waiting on the server instead of sleeping. */
export async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > end) assert.fail('condition not met in time');
		await new Promise((r) => setTimeout(r, 5));
	}
}

/**
 * A local SuperOffice server for the suite: started before all tests, reset before each, closed after all. With
 * `checkContract` (default), a test that passed also fails when the server saw a request breaking the API document.
 */
export function useLocalServer(bind: (server: LocalServer) => void, o: { checkContract?: boolean } = {}): void {
	let server: LocalServer | undefined;
	before(async () => {
		server = await startServer({ port: 0, quiet: true });
		bind(server);
	});
	after(async () => {
		await server?.close();
	});
	beforeEach(() => server?.reset());
	if (o.checkContract === false) return;
	afterEach(function () {
		// Faults change the answers, never what the client may send: every request must still match the document.
		if (this.currentTest?.state === 'passed') {
			assert.deepEqual(server?.violations, [], 'the server saw requests that break the API document');
		}
	});
}
