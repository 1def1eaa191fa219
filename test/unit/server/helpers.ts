// Plain-fetch helpers for testing the local server itself (no client code involved).
import { DEMO, type LocalServer, startServer } from '../../server/server';

export const basicAuth = (user = DEMO.userName, password = DEMO.password): string =>
	`Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

export const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json; charset=utf-8' };

/** Starts one quiet server for a describe block and resets it before each test. */
export function useServer(): () => LocalServer {
	let server: LocalServer | undefined;
	before(async () => {
		server = await startServer({ port: 0, quiet: true });
	});
	after(async () => {
		await server?.close();
	});
	beforeEach(() => server?.reset());
	return () => {
		if (!server) throw new Error('server not started');
		return server;
	};
}

/** `authorization: null` sends no Authorization header. */
export async function getJson(
	url: string,
	authorization: string | null = basicAuth(),
	extra: Record<string, string> = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
	const res = await fetch(url, {
		headers: { Accept: 'application/json', ...(authorization !== null ? { Authorization: authorization } : {}), ...extra },
	});
	const text = await res.text();
	return { status: res.status, body: text === '' ? undefined : JSON.parse(text), headers: res.headers };
}

export async function postJson(url: string, body: unknown, authorization = basicAuth()): Promise<{ status: number; body: unknown }> {
	const res = await fetch(url, { method: 'POST', headers: { ...JSON_HEADERS, Authorization: authorization }, body: JSON.stringify(body) });
	const text = await res.text();
	return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** Asserts the official error body shape and returns it. */
export function errorOf(body: unknown): { Error: true; ErrorType: string; ErrorMessage: string; ErrorSource: string } {
	const b = body as Record<string, unknown>;
	if (b?.Error !== true || typeof b.ErrorType !== 'string' || typeof b.ErrorMessage !== 'string' || typeof b.ErrorSource !== 'string') {
		throw new Error(`not the official error body: ${JSON.stringify(body)}`);
	}
	return b as { Error: true; ErrorType: string; ErrorMessage: string; ErrorSource: string };
}
