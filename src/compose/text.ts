// Small text helpers shared by the compose modules. Messages always travel with LF line endings.

/** CRLF and lone CR become LF. */
export function normalizeEol(text: string): string {
	return text.replace(/\r\n?/g, '\n');
}

/** Trailing spaces and tabs removed from every line; indentation (tabs included) is kept. */
export function trimLineEnds(text: string): string {
	return text.replace(/[ \t\f\v\u00a0]+$/gm, '');
}

/** Drops blank lines at the start and end; returns how many leading lines were dropped. */
export function trimBlankEdges(lines: readonly string[]): { lines: string[]; dropped: number } {
	let start = 0;
	let end = lines.length;
	while (start < end && lines[start].trim() === '') start++;
	while (end > start && lines[end - 1].trim() === '') end--;
	return { lines: lines.slice(start, end), dropped: start };
}

/** One line of text for a header: newlines and runs of whitespace collapse to one space. */
export function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}
