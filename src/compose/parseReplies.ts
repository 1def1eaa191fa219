// Quick-reply templates from user settings and from the workspace file `.vscode/superoffice-chat.replies.json`.
// A workspace file is not trusted: its templates can only produce text, never choose a target, connection or type.
import { MAX_TEMPLATE_BYTES, templateBytes } from './expandTemplate';

export const REPLIES_FILE = '.vscode/superoffice-chat.replies.json';
export const MAX_REPLIES = 200;
export const MAX_REPLY_NAME = 100;

export type ReplySource = 'user' | 'workspace';

export interface ReplyTemplate {
	name: string;
	text: string;
	description?: string;
	/** Only from user settings: send as an internal note (ToUser) instead of to the customer. */
	type?: 'ToCustomer' | 'ToUser';
	source: ReplySource;
}

export interface ReplyProblem {
	/** Where: `replies[2].text`, or `(file)` for the whole file. */
	path: string;
	message: string;
	line?: number;
	column?: number;
}

export interface ParsedReplies {
	templates: ReplyTemplate[];
	problems: ReplyProblem[];
}

const FIELDS: Record<ReplySource, readonly string[]> = {
	user: ['name', 'text', 'description', 'type'],
	workspace: ['name', 'text', 'description'],
};

/** Validates templates (an array, or `{ "replies": [...] }`); bad entries are reported and left out. */
export function parseReplyTemplates(value: unknown, source: ReplySource): ParsedReplies {
	const problems: ReplyProblem[] = [];
	const list = Array.isArray(value) ? value : value && typeof value === 'object' ? (value as { replies?: unknown }).replies : undefined;
	if (!Array.isArray(list)) {
		return { templates: [], problems: [{ path: '(file)', message: 'Expected { "replies": [ { "name": …, "text": … } ] }.' }] };
	}
	const templates: ReplyTemplate[] = [];
	const names = new Set<string>();
	list.forEach((entry: unknown, i) => {
		const at = `replies[${i}]`;
		const bad = (field: string, message: string): void => void problems.push({ path: field ? `${at}.${field}` : at, message });
		if (i >= MAX_REPLIES) return i === MAX_REPLIES ? bad('', `Only the first ${MAX_REPLIES} templates are used.`) : undefined;
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return bad('', 'A template is an object with "name" and "text".');
		const o = entry as Record<string, unknown>;
		const extra = Object.keys(o).filter((k) => !FIELDS[source].includes(k));
		if (extra.length > 0) {
			const why = source === 'workspace' ? 'a workspace template may only set name, text and description' : 'unknown field';
			return bad(extra[0], `"${extra[0]}" is not allowed: ${why}. The template is not used.`);
		}
		if (typeof o.name !== 'string' || o.name.trim() === '') return bad('name', 'The name is missing.');
		if (o.name.length > MAX_REPLY_NAME) return bad('name', `The name is longer than ${MAX_REPLY_NAME} characters.`);
		const text = Array.isArray(o.text) && o.text.every((l) => typeof l === 'string') ? o.text.join('\n') : o.text;
		if (typeof text !== 'string' || text.trim() === '') return bad('text', 'The text is missing (a string, or an array of lines).');
		if (templateBytes(text) > MAX_TEMPLATE_BYTES) return bad('text', `The text is larger than ${MAX_TEMPLATE_BYTES / 1024} KB.`);
		if (o.description !== undefined && typeof o.description !== 'string') return bad('description', 'The description must be text.');
		if (o.type !== undefined && o.type !== 'ToCustomer' && o.type !== 'ToUser') return bad('type', 'The type is "ToCustomer" or "ToUser".');
		const name = o.name.trim();
		if (names.has(name)) return bad('name', `A template named "${name}" comes earlier; this one is not used.`);
		names.add(name);
		const t: ReplyTemplate = { name, text, source };
		if (typeof o.description === 'string') t.description = o.description;
		if (o.type !== undefined) t.type = o.type;
		templates.push(t);
	});
	return { templates, problems };
}

/** Removes `//` and `/* *\/` comments outside strings (the file is JSON with comments, like other .vscode files). */
function stripComments(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') {
			let j = i + 1;
			while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
			out += text.slice(i, j + 1);
			i = j;
		} else if (c === '/' && text[i + 1] === '/') {
			while (i < text.length && text[i] !== '\n') out += text[i++] === '\t' ? '\t' : ' ';
			i--;
		} else if (c === '/' && text[i + 1] === '*') {
			const end = text.indexOf('*/', i + 2);
			const stop = end < 0 ? text.length : end + 2;
			// Keep line breaks so positions in error messages still match the file.
			out += text.slice(i, stop).replace(/[^\n]/g, ' ');
			i = stop - 1;
		} else out += c;
	}
	return out;
}

function positionAt(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, offset).split('\n');
	return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Parses the workspace replies file. Never throws: a broken file gives no templates and a problem with a position. */
export function parseRepliesFile(text: string): ParsedReplies {
	const clean = stripComments(text.replace(/^\uFEFF/, ''));
	let value: unknown;
	try {
		value = JSON.parse(clean);
	} catch (e) {
		const at = /position (\d+)/.exec(e instanceof Error ? e.message : '');
		const where = at ? positionAt(clean, Number(at[1])) : undefined;
		return { templates: [], problems: [{ path: '(file)', message: `${REPLIES_FILE} is not valid JSON.`, ...where }] };
	}
	return parseReplyTemplates(value, 'workspace');
}
