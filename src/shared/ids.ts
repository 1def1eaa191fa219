// The one check of a chat session id (any entity id of the API): an integer from 1 to 2^31-1, the database's int32.
// Used by the client's validation, the command arguments, the session picker and the webview protocol.
export const MAX_INT32 = 2147483647;

export function isSessionId(v: unknown): v is number {
	return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_INT32;
}

/** A session id typed by a person ("102" or "#102"); undefined when it is not one. */
export function parseSessionId(text: string): number | undefined {
	const t = text.trim().replace(/^#/, '');
	if (!/^\d+$/.test(t)) return undefined;
	const n = Number(t);
	return isSessionId(n) ? n : undefined;
}
