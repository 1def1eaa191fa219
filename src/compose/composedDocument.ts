// The "Compose in Editor" document: a few `#` header lines naming the recipient, a separator, then the
// message. Parsing removes the header and never sends it, even when the user has edited it.
import { normalizeEol, oneLine, trimBlankEdges } from './text';

export interface ComposeRecipient {
	customer: string;
	topic?: string;
	sessionId: number;
	connectionName: string;
}

/** Words of the header; the command passes localised ones. */
export interface HeaderLabels {
	to: string;
	session: string;
	instruction: string;
}

const ENGLISH_HEADER_LABELS: HeaderLabels = {
	to: 'To',
	session: 'session',
	instruction: 'Write below the line. Ctrl+Enter sends what is below it; these header lines are never sent.',
};

const HEADER_PREFIX = '#';
/** Language-independent, so parsing works whatever language wrote the header. */
export const HEADER_SEPARATOR = `${HEADER_PREFIX} ${'─'.repeat(40)}`;

const SEPARATOR_PATTERN = /^#\s*─{8,}\s*$/;

function isHeaderSeparator(line: string): boolean {
	return SEPARATOR_PATTERN.test(line.trim());
}

function recipientLine(recipient: ComposeRecipient, labels: HeaderLabels = ENGLISH_HEADER_LABELS): string {
	const parts = [oneLine(recipient.customer) || '?'];
	const topic = recipient.topic ? oneLine(recipient.topic) : '';
	if (topic) parts.push(topic);
	parts.push(`${oneLine(labels.session)} ${recipient.sessionId} (${oneLine(recipient.connectionName)})`);
	return `${HEADER_PREFIX} ${oneLine(labels.to)}: ${parts.join(' — ')}`;
}

/** The header, ending with a newline; the message starts on the line after it. */
export function composeDocumentHeader(recipient: ComposeRecipient, labels: HeaderLabels = ENGLISH_HEADER_LABELS): string {
	return [recipientLine(recipient, labels), `${HEADER_PREFIX} ${oneLine(labels.instruction)}`, HEADER_SEPARATOR, ''].join('\n');
}

interface ParsedComposedDocument {
	/** The message to send: LF line endings, no blank lines around it, no trailing space; '' when nothing was written. */
	message: string;
	/** False when the separator was missing and the header was found by its `#` lines alone. */
	headerIntact: boolean;
	/** Text that is not a `#` line was typed above the separator; it is not part of `message`. */
	textAboveSeparator: boolean;
}

function isHeaderLike(line: string): boolean {
	return line.trimStart().startsWith(HEADER_PREFIX);
}

export function parseComposedDocument(text: string): ParsedComposedDocument {
	const lines = normalizeEol(text).split('\n');
	const separator = lines.findIndex(isHeaderSeparator);
	let body: string[];
	let textAboveSeparator = false;
	if (separator >= 0) {
		// Everything above the separator is header, even if edited: a header line must never be sent.
		body = lines.slice(separator + 1);
		textAboveSeparator = lines.slice(0, separator).some((line) => line.trim() !== '' && !isHeaderLike(line));
	} else {
		// Separator gone: drop the leading block of `#` and blank lines, so no header line is ever sent.
		let start = 0;
		while (start < lines.length && (isHeaderLike(lines[start]) || lines[start].trim() === '')) start++;
		body = lines.slice(start);
	}
	// Inner trailing spaces stay (a Markdown line break); at the very end they mean nothing.
	const message = trimBlankEdges(body).lines.join('\n').trimEnd();
	return { message, headerIntact: separator >= 0, textAboveSeparator };
}
