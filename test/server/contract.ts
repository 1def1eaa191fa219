// Checks requests and responses against the official API document with openapi-backend's router and Ajv-based
// validator (plus ajv-formats for `date-time`). No schema rule is written by hand here: every check comes from
// the document. Loaded once per process and shared by all server instances.
import * as fs from 'node:fs';
import { type IncomingHttpHeaders } from 'node:http';
import * as path from 'node:path';
import addFormats from 'ajv-formats';
import { OpenAPIRouter, OpenAPIValidator, type Document, type Operation, type ValidationResult } from 'openapi-backend';
import { dereference } from 'openapi-backend/refparser';

export const DOCUMENT_FILE = 'superoffice-chat-v1.openapi.json';

export interface ContractRequest {
	method: string;
	/** Path as the document writes it, i.e. without the site path: `/api/v1/ChatSession/101/Messages`. */
	path: string;
	headers: IncomingHttpHeaders;
	query: URLSearchParams;
	/** Parsed JSON, or the raw text when it did not parse, or undefined when no body was sent. */
	body: unknown;
	contentType?: string;
}

export interface Contract {
	/** The document's operation for a method + path, or undefined when the document has none. */
	match(method: string, apiPath: string): Operation | undefined;
	/** Problems with a request, as readable strings; empty when it follows the document. */
	checkRequest(operation: Operation, req: ContractRequest): string[];
	/** Problems with a JSON response body for a status the document describes; empty otherwise. */
	checkResponse(operation: Operation, status: number, body: unknown): string[];
}

let loading: Promise<Contract> | undefined;

export function loadContract(): Promise<Contract> {
	loading ??= build();
	return loading;
}

/** The document sits next to the sources; compiled code runs from out/test/server, so look in both places. */
export function documentPath(): string {
	const candidates = [
		path.join(__dirname, 'openapi', DOCUMENT_FILE),
		path.resolve(__dirname, '../../../test/server/openapi', DOCUMENT_FILE),
	];
	const found = candidates.find((p) => fs.existsSync(p));
	if (!found) throw new Error(`API document not found; looked in ${candidates.join(', ')}`);
	return found;
}

async function build(): Promise<Contract> {
	const raw = JSON.parse(await fs.promises.readFile(documentPath(), 'utf8')) as Document;
	const definition = (await dereference(raw)) as unknown as Document;
	const router = new OpenAPIRouter({ definition });
	const validator = new OpenAPIValidator({
		definition,
		router,
		// Report every problem of a request at once, not just the first.
		ajvOpts: { allErrors: true },
		// Compile an operation's schemas on first use: starting a server stays fast, only used operations cost.
		lazyCompileValidators: true,
		customizeAjv: (ajv) => {
			// Two copies of ajv 8 in node_modules: same class, different declarations.
			addFormats(ajv as unknown as Parameters<typeof addFormats>[0], ['date-time']);
			return ajv;
		},
	});
	return {
		match(method, apiPath) {
			return router.matchOperation({ method, path: apiPath, headers: {} });
		},
		checkRequest(operation, req) {
			const headers: Record<string, string | string[]> = {};
			for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = value;
			const query: Record<string, string | string[]> = {};
			for (const key of new Set(req.query.keys())) {
				const all = req.query.getAll(key);
				query[key] = all.length === 1 ? all[0] : all;
			}
			const result = validator.validateRequest({ method: req.method, path: req.path, headers, query, body: req.body }, operation);
			let errors = result.errors ?? [];
			if (req.body !== undefined && !isJsonType(req.contentType)) {
				// Ajv can only read JSON; a body in another media type is judged by its media type alone.
				errors = errors.filter((e) => !e.instancePath.startsWith('/requestBody') && !(e.instancePath === '' && e.keyword === 'required'));
			}
			return [...mediaTypeProblems(operation, req), ...describe(errors)];
		},
		checkResponse(operation, status, body) {
			// The document's own flag (README deviation 6): "Returns NULL" where Swagger 2.0 could not say nullable.
			if (body === null && status === 200 && (operation as { 'x-null-response'?: unknown })['x-null-response'] === true) return [];
			return describe(validator.validateResponse(body, operation, status).errors);
		},
	};
}

export function isJsonType(contentType: string | undefined): boolean {
	const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
	return media === 'application/json' || media === 'text/json' || media.endsWith('+json');
}

/** The request body's media type has to be one the operation lists under requestBody.content. */
function mediaTypeProblems(operation: Operation, req: ContractRequest): string[] {
	const hasBody = req.body !== undefined;
	const requestBody = operation.requestBody as { content?: Record<string, unknown> } | undefined;
	if (!requestBody) return hasBody ? [`the operation takes no request body, but one was sent`] : [];
	if (!hasBody) return [];
	const mediaType = (req.contentType ?? '').split(';')[0].trim().toLowerCase();
	const accepted = Object.keys(requestBody.content ?? {});
	if (mediaType === '') return [`Content-Type is missing; the document accepts ${accepted.join(', ')}`];
	return accepted.includes(mediaType) ? [] : [`Content-Type ${mediaType} is not accepted; the document lists ${accepted.join(', ')}`];
}

function describe(errors: ValidationResult['errors']): string[] {
	return (errors ?? []).map((e) => {
		const where = e.instancePath === '' ? '(root)' : e.instancePath.slice(1);
		const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues;
		return `${where} ${e.message ?? e.keyword}${allowed ? ` (${allowed.join(', ')})` : ''}`;
	});
}
