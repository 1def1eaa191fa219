// A composer draft: its shape, limits and checks. Apart from protocol.ts so the stores that keep drafts (loaded at
// activation) do not pull in the whole webview protocol.
import { CHAT_MESSAGE_SPECIAL_TYPES, type ChatMessageSpecialType } from './wireEnums';
import { hasOnlyKeys, isObject, isString } from './guards';

/** Limits for text the webview may send; the server's own limits are checked again by validateDraft. */
export const MAX_MESSAGE_LENGTH = 100_000;
export const MAX_FIELD_LENGTH = 255;

/** The message types a user may choose in the composer. */
export const DRAFT_TYPES = ['ToCustomer', 'ToUser'] as const;
export type DraftType = (typeof DRAFT_TYPES)[number];

/** What the composer holds for one (connection, session). */
export interface DraftData {
	text: string;
	type: DraftType;
	author: string;
	specialType: ChatMessageSpecialType;
	specialParam: string;
}

const DRAFT_FIELDS: readonly (keyof DraftData)[] = ['text', 'type', 'author', 'specialType', 'specialParam'];

/** Text appended to a draft elsewhere (Add Selection to Draft, Outbox Edit), and the fields that append set. */
export interface DraftAppend {
	text: string;
	fields: Partial<Omit<DraftData, 'text'>>;
}

export function emptyDraft(): DraftData {
	return { text: '', type: 'ToCustomer', author: '', specialType: 'None', specialParam: '' };
}

export function sameDraft(a: DraftData, b: DraftData): boolean {
	return DRAFT_FIELDS.every((k) => a[k] === b[k]);
}

export function isDraftEmpty(d: DraftData): boolean {
	return sameDraft(d, emptyDraft());
}

export function isDraftData(v: unknown): v is DraftData {
	if (!isObject(v) || !hasOnlyKeys(v, DRAFT_FIELDS)) return false;
	return (
		isString(v.text, MAX_MESSAGE_LENGTH) &&
		(DRAFT_TYPES as readonly unknown[]).includes(v.type) &&
		isString(v.author, MAX_FIELD_LENGTH) &&
		(CHAT_MESSAGE_SPECIAL_TYPES as readonly unknown[]).includes(v.specialType) &&
		isString(v.specialParam, MAX_FIELD_LENGTH)
	);
}

/** A fresh object so nothing (e.g. a prototype or getter) from the untrusted input travels further. */
export function copyDraft(d: DraftData): DraftData {
	return { text: d.text, type: d.type, author: d.author, specialType: d.specialType, specialParam: d.specialParam };
}
