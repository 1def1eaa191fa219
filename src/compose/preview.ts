// What the confirmation shows before a send: the first lines (shortened) and the size.

interface TextSummary {
	lines: number;
	/** Unicode code points, the count a person would make. */
	chars: number;
}

interface Preview {
	lines: string[];
	/** Lines not shown. */
	hiddenLines: number;
}

const DEFAULT_PREVIEW_WIDTH = 120;

export function measureText(text: string): TextSummary {
	if (text === '') return { lines: 0, chars: 0 };
	return { lines: text.split(/\r\n?|\n/).length, chars: [...text].length };
}

/** The first `n` lines, each cut to `width` code points with an ellipsis. */
export function previewLines(text: string, n: number, width = DEFAULT_PREVIEW_WIDTH): Preview {
	if (text === '') return { lines: [], hiddenLines: 0 };
	const all = text.split(/\r\n?|\n/);
	const count = Math.max(0, Math.floor(n));
	const lines = all.slice(0, count).map((line) => {
		const points = [...line];
		return points.length > width ? `${points.slice(0, Math.max(1, width - 1)).join('')}…` : line;
	});
	return { lines, hiddenLines: all.length - lines.length };
}
