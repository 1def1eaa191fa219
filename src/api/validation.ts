// Input checks that run before any request: a failure throws ApiError('invalid') naming the field,
// and nothing is sent. Limits come from the database columns (author, special_param: String(255)).
import { ApiError } from './errors';
import { CHAT_MESSAGE_SPECIAL_TYPES, CHAT_MESSAGE_TYPES, type ChatMessageSpecialType, type ChatMessageType } from './types';
import { MAX_INT32 } from '../shared/ids';
import { describePosition, findInvalidUnicode } from '../shared/unicode';
import { isHttpUrl } from '../shared/urls';

const MAX_AUTHOR_LENGTH = 255;
const MAX_SPECIAL_PARAM_LENGTH = 255;

export interface MessageDraft {
	Message: string;
	Type?: ChatMessageType;
	SpecialType?: ChatMessageSpecialType;
	SpecialParam?: string;
	Author?: string;
	ReadByCustomer?: number;
	WhenPosted?: string;
	ChatMessageId?: number;
	ChatSessionId?: number;
}

function fail(field: string, message: string): never {
	throw new ApiError('invalid', message, { field });
}

function isInt32(n: unknown): n is number {
	return typeof n === 'number' && Number.isInteger(n) && n >= -2147483648 && n <= MAX_INT32;
}

/** A chat session id (or any entity id): an integer from 1 to 2^31-1. */
export function validateId(id: unknown, field = 'sessionId'): void {
	if (!isInt32(id) || id < 1) fail(field, `${field} must be a whole number from 1 to ${MAX_INT32}.`);
}

// ASP.NET refuses these in a path segment even when percent-encoded (requestPathInvalidCharacters, %2F).
const UNSAFE_IN_PATH = /[\s<>*%&:\\/?#]/;
export const MAX_ASSOCIATE_NAME_LENGTH = 255;

/** The `toAssociate` of TransferTo: an associate id, or a user name the server resolves. */
export function validateAssociate(associate: unknown): void {
	const field = 'associate';
	if (typeof associate === 'number') return validateId(associate, field);
	const text = `${field} must be an associate id (1 to ${MAX_INT32}) or a user name.`;
	if (typeof associate !== 'string' || associate === '' || associate.length > MAX_ASSOCIATE_NAME_LENGTH) fail(field, text);
	const control = [...associate].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
	if (control || UNSAFE_IN_PATH.test(associate)) {
		fail(field, `${field} contains characters a user name cannot have (spaces, / \\ ? # % & : * < >).`);
	}
}

/** `after` of GET .../Messages: a message id, 0 meaning "from the start". */
export function validateAfter(after: unknown): void {
	if (!isInt32(after) || after < 0) fail('after', `after must be a whole number from 0 to ${MAX_INT32}.`);
}

function optionalString(value: unknown, field: string, max?: number): void {
	if (value === undefined) return;
	if (typeof value !== 'string') fail(field, `${field} must be text.`);
	if (max !== undefined && value.length > max) fail(field, `${field} is longer than ${max} characters.`);
	wellFormed(value, field);
}

// JSON.stringify would send a lone surrogate as an escape the server cannot store faithfully.
function wellFormed(value: string, field: string): void {
	const at = findInvalidUnicode(value);
	if (at) {
		throw new ApiError('invalid', `${field} has a character that is not valid Unicode at ${describePosition(at)} (index ${at.index}).`, {
			field,
			position: at,
		});
	}
}

export function validateDraft(sessionId: number, draft: MessageDraft): void {
	validateId(sessionId);
	if (draft === null || typeof draft !== 'object') fail('Message', 'The message is missing.');
	if (typeof draft.Message !== 'string' || draft.Message.trim() === '') fail('Message', 'The message is empty.');
	wellFormed(draft.Message, 'Message');
	if (draft.Type !== undefined && !(CHAT_MESSAGE_TYPES as readonly unknown[]).includes(draft.Type)) {
		fail('Type', 'Type is not a known message type.');
	}
	if (draft.SpecialType !== undefined && !(CHAT_MESSAGE_SPECIAL_TYPES as readonly unknown[]).includes(draft.SpecialType)) {
		fail('SpecialType', 'SpecialType is not a known special type.');
	}
	optionalString(draft.Author, 'Author', MAX_AUTHOR_LENGTH);
	optionalString(draft.SpecialParam, 'SpecialParam', MAX_SPECIAL_PARAM_LENGTH);
	if (draft.SpecialType === 'Url' && (typeof draft.SpecialParam !== 'string' || !isHttpUrl(draft.SpecialParam.trim()))) {
		fail('SpecialParam', 'A Url message needs an http(s) address in SpecialParam.');
	}
	if (draft.ReadByCustomer !== undefined && !isInt32(draft.ReadByCustomer)) {
		fail('ReadByCustomer', 'ReadByCustomer must be a whole number.');
	}
	if (draft.ChatMessageId !== undefined && !isInt32(draft.ChatMessageId)) fail('ChatMessageId', 'ChatMessageId must be a whole number.');
	if (draft.ChatSessionId !== undefined && draft.ChatSessionId !== sessionId) {
		fail('ChatSessionId', 'ChatSessionId in the message differs from the session it is posted to.');
	}
	optionalString(draft.WhenPosted, 'WhenPosted');
	if (draft.WhenPosted !== undefined && (!/^\d{4}-\d{2}-\d{2}T/.test(draft.WhenPosted) || Number.isNaN(Date.parse(draft.WhenPosted)))) {
		fail('WhenPosted', 'WhenPosted must be an ISO 8601 date and time.');
	}
}

/** The request body: the nine ChatMessage fields that are set, with the defaults Type ToCustomer and SpecialType None. */
export function messageBody(draft: MessageDraft): string {
	const body: Record<string, unknown> = {
		Type: draft.Type ?? 'ToCustomer',
		SpecialType: draft.SpecialType ?? 'None',
		Message: draft.Message,
	};
	if (draft.SpecialParam !== undefined) body.SpecialParam = draft.SpecialParam;
	if (draft.Author !== undefined) body.Author = draft.Author;
	if (draft.ReadByCustomer !== undefined) body.ReadByCustomer = draft.ReadByCustomer;
	if (draft.WhenPosted !== undefined) body.WhenPosted = draft.WhenPosted;
	if (draft.ChatMessageId !== undefined) body.ChatMessageId = draft.ChatMessageId;
	if (draft.ChatSessionId !== undefined) body.ChatSessionId = draft.ChatSessionId;
	return JSON.stringify(body);
}
