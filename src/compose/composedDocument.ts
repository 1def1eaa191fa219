// The "Compose in Editor" document: a few `#` header lines naming the recipient, a separator, then the
// message. Parsing removes the header and never sends it, even when the user has edited it.
import { findInvalidUnicode, type TextPosition } from '../shared/unicode';
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
	/**
	 * The first character of `message` that is not valid Unicode (a lone surrogate), as a position in the whole
	 * document so the editor can point at it (`index` counts LF line ends); the message must not be sent while this is set.
	 */
	invalidCharacter?: TextPosition;
}

function isHeaderLike(line: string): boolean {
	return line.trimStart().startsWith(HEADER_PREFIX);
}

export function parseComposedDocument(text: string): ParsedComposedDocument {
	const lines = normalizeEol(text).split('\n');
	const separator = lines.findIndex(isHeaderSeparator);
	let body: string[];
	let bodyStart: number;
	let textAboveSeparator = false;
	if (separator >= 0) {
		// Everything above the separator is header, even if edited: a header line must never be sent.
		bodyStart = separator + 1;
		body = lines.slice(bodyStart);
		textAboveSeparator = lines.slice(0, separator).some((line) => line.trim() !== '' && !isHeaderLike(line));
	} else {
		// Separator gone: drop the leading block of `#` and blank lines, so no header line is ever sent.
		let start = 0;
		while (start < lines.length && (isHeaderLike(lines[start]) || lines[start].trim() === '')) start++;
		bodyStart = start;
		body = lines.slice(start);
	}
	const trimmed = trimBlankEdges(body);
	// Inner trailing spaces stay (a Markdown line break); at the very end they mean nothing.
	const message = trimmed.lines.join('\n').trimEnd();
	const parsed: ParsedComposedDocument = { message, headerIntact: separator >= 0, textAboveSeparator };
	const bad = findInvalidUnicode(message);
	if (bad) {
		// Lines above the message shift the line number; the column is the same as in the document.
		const lineOffset = bodyStart + trimmed.dropped;
		const before = lines.slice(0, lineOffset).reduce((n, l) => n + l.length + 1, 0);
		parsed.invalidCharacter = { index: before + bad.index, line: bad.line + lineOffset, column: bad.column };
	}
	return parsed;
}
