// Writing answers: JSON with the official error body `{Error, ErrorType, ErrorMessage, ErrorSource}`, and the
// HTML error page a proxy or IIS shows instead of JSON.
import { STATUS_CODES, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { ErrorBody } from '../../src/api/types';

export const JSON_TYPE = 'application/json; charset=utf-8';

export function errorBody(errorType: string, message: string, source = 'SuperOffice.WebApi'): Required<ErrorBody> {
	return { Error: true, ErrorType: errorType, ErrorMessage: message, ErrorSource: source };
}

/** What a status would plausibly carry when a test only scripts the status code. */
export function defaultErrorFor(status: number): Required<ErrorBody> {
	switch (status) {
		case 400:
			return errorBody('ArgumentException', 'The request is not valid.');
		case 401:
			return errorBody('UnauthorizedAccessException', 'Authentication failed.');
		case 403:
			return errorBody('SoAccessDeniedException', 'Access denied.', 'SuperOffice.Services.Implementation');
		case 404:
			return errorBody('SoNotFoundException', 'Not found.', 'SuperOffice.Services.Implementation');
		case 421:
			// The text SuperOffice Online answers on a wrong tenant host since 2023-11-17.
			return errorBody('MisdirectedRequest', 'Wrong subdomain used to access tenant');
		case 429:
			return errorBody('TooManyRequests', 'Too many requests. Try again later.');
		default:
			return errorBody(status >= 500 ? 'SoServerException' : 'HttpException', STATUS_CODES[status] ?? `HTTP ${status}`);
	}
}

export function htmlErrorPage(status: number): string {
	const title = `${status} ${STATUS_CODES[status] ?? ''}`.trim();
	return `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1><p>The server could not handle the request.</p><hr><address>Microsoft-IIS/10.0</address></body></html>\n`;
}

export function sendText(res: ServerResponse, status: number, text: string, contentType: string, headers: OutgoingHttpHeaders = {}): void {
	if (res.destroyed || res.headersSent) return;
	res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
	sendText(res, status, JSON.stringify(body), JSON_TYPE, headers);
}
