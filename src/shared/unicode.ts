// Text that is not valid Unicode (a lone UTF-16 surrogate, e.g. half an emoji cut by a slice) cannot be encoded
// as UTF-8: the server would store U+FFFD or refuse it. Found before any request, with a position people can find.

export interface TextPosition {
	/** UTF-16 offset into the text (what JavaScript indexes by). */
	index: number;
	/** 1-based line; lines end at LF, CRLF or CR. */
	line: number;
	/** 1-based column in UTF-16 code units, as editors count (`new Position(line - 1, column - 1)`). */
	column: number;
}

/** The position of the first lone surrogate, or undefined when the text is well-formed Unicode. */
export function findInvalidUnicode(text: string): TextPosition | undefined {
	let line = 1;
	let column = 1;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdbff) {
			const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
			if (next < 0xdc00 || next > 0xdfff) return { index: i, line, column };
			i++;
			column++;
		} else if (c >= 0xdc00 && c <= 0xdfff) {
			return { index: i, line, column };
		} else if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
			line++;
			column = 1;
			continue;
		}
		column++;
	}
	return undefined;
}

/** "line 3, column 7" — the same words in the client's errors and the composer's checks. */
export function describePosition(p: TextPosition): string {
	return `line ${p.line}, column ${p.column}`;
}
