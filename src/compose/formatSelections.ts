// Editor selections -> the text of one chat message. Pure: the command gathers the selections and
// settings; this module decides order, whitespace, fences and `path:line` headers.
import { normalizeEol, trimBlankEdges, trimLineEnds } from './text';

export type SelectionFormat = 'plain' | 'fenced' | 'fencedWithPath';
const SELECTION_FORMATS: readonly SelectionFormat[] = ['plain', 'fenced', 'fencedWithPath'];

export interface SelectionInput {
	text: string;
	/** 0-based, as the editor reports them. */
	startLine: number;
	endLine: number;
	startCharacter?: number;
	/** 0-based; 0 with endLine > startLine means the selection stops before that line. */
	endCharacter?: number;
}

export interface FormatSelectionsInput {
	/** In any order; sorted by document position here. */
	selections: readonly SelectionInput[];
	languageId: string;
	/** Workspace-relative path with forward slashes, for files on disk. */
	relativePath?: string;
	/** The name of an untitled document, e.g. `Untitled-1`. */
	untitledName?: string;
	format: SelectionFormat;
	/** The document's line ending; informational, output is always LF. */
	eol?: '\n' | '\r\n';
}

interface FormattedPart {
	text: string;
	/** 1-based, inclusive, after blank edge lines were dropped. */
	firstLine: number;
	lastLine: number;
}

interface FormatSelectionsResult {
	/** The message; '' when every selection was empty or blank. */
	text: string;
	parts: FormattedPart[];
	/** Selections left out because they held no visible text. */
	skipped: number;
}

/** Language ids that add nothing to a fence. */
const NO_FENCE_LANGUAGE = new Set(['', 'plaintext']);

export function isSelectionFormat(value: unknown): value is SelectionFormat {
	return typeof value === 'string' && (SELECTION_FORMATS as readonly string[]).includes(value);
}

function comparePosition(a: SelectionInput, b: SelectionInput): number {
	return a.startLine - b.startLine || (a.startCharacter ?? 0) - (b.startCharacter ?? 0) || a.endLine - b.endLine;
}

/** Cleans one selection; undefined when nothing visible is left. */
function cleanSelection(selection: SelectionInput): FormattedPart | undefined {
	const lines = trimLineEnds(normalizeEol(selection.text)).split('\n');
	const { lines: kept, dropped } = trimBlankEdges(lines);
	if (kept.length === 0) return undefined;
	const firstLine = selection.startLine + dropped + 1;
	// Counted from the text, so a selection ending at column 0 of the next line does not claim that line.
	let lastLine = firstLine + kept.length - 1;
	const reportedLast = selection.endCharacter === 0 && selection.endLine > selection.startLine ? selection.endLine : selection.endLine + 1;
	lastLine = Math.min(lastLine, Math.max(reportedLast, firstLine));
	return { text: kept.join('\n'), firstLine, lastLine };
}

/** A backtick fence longer than any run of backticks in the text (at least three). */
export function fenceFor(text: string): string {
	let longest = 0;
	for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
	return '`'.repeat(Math.max(3, longest + 1));
}

/** `path:12-18`, or `path:12` for one line. */
export function lineRangeLabel(location: string, firstLine: number, lastLine: number): string {
	return firstLine === lastLine ? `${location}:${firstLine}` : `${location}:${firstLine}-${lastLine}`;
}

function fenceLanguage(languageId: string): string {
	const id = languageId.trim();
	// Anything odd would break the fence's info string; better no language than a broken fence.
	return NO_FENCE_LANGUAGE.has(id) || !/^[\w.+#-]+$/.test(id) ? '' : id;
}

export function formatSelections(input: FormatSelectionsInput): FormatSelectionsResult {
	const sorted = [...input.selections].sort(comparePosition);
	const parts: FormattedPart[] = [];
	for (const selection of sorted) {
		const part = cleanSelection(selection);
		if (part) parts.push(part);
	}
	const skipped = sorted.length - parts.length;
	const language = fenceLanguage(input.languageId);
	const location = (input.relativePath ?? input.untitledName ?? 'untitled').replace(/\\/g, '/');
	const blocks = parts.map((part) => {
		if (input.format === 'plain') return part.text;
		const fence = fenceFor(part.text);
		const block = `${fence}${language}\n${part.text}\n${fence}`;
		return input.format === 'fencedWithPath' ? `${lineRangeLabel(location, part.firstLine, part.lastLine)}\n${block}` : block;
	});
	return { text: blocks.join('\n\n'), parts, skipped };
}
