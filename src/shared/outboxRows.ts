// The Outbox as the chat view lists it: one connection's items, newest first, as a short snippet with the session
// and the reason. The full text stays in the host (Edit puts it into the composer through the DraftStore).
import { type OutboxItem, type OutboxReason } from './outbox';

export interface OutboxRow {
	id: string;
	sessionId: number;
	customer: string;
	/** The first non-empty line, at most SNIPPET_LENGTH characters. */
	snippet: string;
	reason: OutboxReason;
	/** Milliseconds since the epoch. */
	created: number;
}

export const SNIPPET_LENGTH = 80;

export function snippetOf(text: string): string {
	const line = (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').trim();
	return line.length > SNIPPET_LENGTH ? `${line.slice(0, SNIPPET_LENGTH - 1)}…` : line;
}

export function outboxRows(items: readonly OutboxItem[], connectionId: string | undefined): OutboxRow[] {
	if (connectionId === undefined) return [];
	return items
		.filter((i) => i.connectionId === connectionId)
		.reverse() // the same `created`: the later added first
		.sort((a, b) => b.created - a.created)
		.map((i) => ({
			id: i.id,
			sessionId: i.sessionId,
			customer: i.customerLabel,
			snippet: snippetOf(i.text),
			reason: i.reason,
			created: i.created,
		}));
}
