// After a send whose outcome is unknown, the messages read back after the last id known before the send tell
// whether it was stored. Only the agent's own kind of message with the same text counts.
import { type ChatMessage, type ChatMessageType } from './types';

export interface ReadBackQuery {
	/** The text that was sent. */
	text: string;
	/** The newest message id seen before the send (0 when there was none); only newer messages count. */
	lastKnownMessageId: number;
	/** The Type that was sent (default ToCustomer: agent to visitor). A customer's message is ToUser and never matches. */
	type?: ChatMessageType;
	/** When the send named an Author, a stored message by another author does not count. */
	author?: string;
}

/** CRLF and CR become LF; trailing whitespace goes from every line and from the end. Nothing else changes. */
export function normalizeForReadBack(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/[ \t\f\v\u00a0]+$/gm, '')
		.replace(/\s+$/, '');
}

/** The earliest message after `lastKnownMessageId` that is the one sent, or undefined when it was not stored. */
export function matchReadBack(messages: readonly ChatMessage[], q: ReadBackQuery): ChatMessage | undefined {
	const want = normalizeForReadBack(q.text);
	const type = q.type ?? 'ToCustomer';
	let best: ChatMessage | undefined;
	for (const m of messages) {
		if (typeof m.ChatMessageId !== 'number' || !(m.ChatMessageId > q.lastKnownMessageId)) continue;
		if (m.Type !== type || typeof m.Message !== 'string') continue;
		if (q.author !== undefined && m.Author !== undefined && m.Author !== q.author) continue;
		if (normalizeForReadBack(m.Message) !== want) continue;
		if (!best || m.ChatMessageId < (best.ChatMessageId as number)) best = m;
	}
	return best;
}
