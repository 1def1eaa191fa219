// The tenant state API SuperOffice Online serves on its authentication hosts: GET /api/state/{ContextIdentifier}.
import type { ServerResponse } from 'node:http';
import { JSON_TYPE } from '../responses';

/** The JSON of GET {origin}/api/state/{ctx}, as SuperOffice answers it. */
export interface TenantState {
	ContextIdentifier: string;
	Endpoint: string;
	/** The state's name, e.g. 'Running', 'OfflineMaintenance'. */
	State: string;
	IsRunning: boolean;
	/** ISO date-time after which a client should ask again. */
	ValidUntil: string;
	Api: string;
	Version: string;
}

const HOUR_MS = 60 * 60 * 1000;

export const validUntilFromNow = (): string => new Date(Date.now() + HOUR_MS).toISOString();

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

export function runningTenant(ctx: string, endpoint: string): TenantState {
	const site = trimSlash(endpoint);
	return {
		ContextIdentifier: ctx,
		Endpoint: site,
		State: 'Running',
		IsRunning: true,
		ValidUntil: validUntilFromNow(),
		Api: `${site}/api`,
		Version: '10.5.0',
	};
}

export function movedTenant(state: TenantState, endpoint: string): TenantState {
	const site = trimSlash(endpoint);
	return { ...state, Endpoint: site, Api: `${site}/api`, ValidUntil: validUntilFromNow() };
}

const STATE_PATH = /^\/api\/state\/([^/]+)\/?$/i;

/** The context identifier asked for, or undefined when the path is not the state API. */
export function stateRequestOf(pathname: string): string | undefined {
	const m = STATE_PATH.exec(pathname);
	if (!m) return undefined;
	try {
		return decodeURIComponent(m[1]);
	} catch {
		return m[1];
	}
}

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', ...extra });
	res.end(text);
}

export function answerState(method: string, askedCtx: string, state: TenantState, res: ServerResponse): void {
	if (method !== 'GET' && method !== 'HEAD') {
		return send(res, 405, { Error: true, ErrorMessage: 'Only GET is supported.' }, { Allow: 'GET, HEAD' });
	}
	// Context identifiers are matched case-insensitively, as the tenant URLs are.
	if (askedCtx.toLowerCase() !== state.ContextIdentifier.toLowerCase()) {
		return send(res, 404, { Error: true, ErrorMessage: `Unknown tenant ${askedCtx}.` });
	}
	send(res, 200, state);
}
