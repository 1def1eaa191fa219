import * as assert from 'node:assert/strict';
import { previewLines, measureText } from '../../../src/compose';

describe('measureText', () => {
	const cases: [string, string, { lines: number; chars: number }][] = [
		['empty', '', { lines: 0, chars: 0 }],
		['one line', 'hello', { lines: 1, chars: 5 }],
		['three lines', 'a\nb\nc', { lines: 3, chars: 5 }],
		['CRLF counts as one break', 'a\r\nb', { lines: 2, chars: 4 }],
		['emoji count as one character each', 'hi 👋', { lines: 1, chars: 4 }],
		['tabs count', '\tx', { lines: 1, chars: 2 }],
	];
	for (const [name, text, expected] of cases) {
		it(name, () => assert.deepEqual(measureText(text), expected));
	}
});

describe('previewLines', () => {
	it('shows the first n lines and how many are hidden', () => {
		assert.deepEqual(previewLines('1\n2\n3\n4\n5', 3), { lines: ['1', '2', '3'], hiddenLines: 2 });
	});
	it('shows everything when the text is short', () => {
		assert.deepEqual(previewLines('1\n2', 5), { lines: ['1', '2'], hiddenLines: 0 });
	});
	it('cuts very long lines with an ellipsis', () => {
		const result = previewLines(`${'x'.repeat(500)}\nshort`, 2, 10);
		assert.deepEqual(result.lines, [`${'x'.repeat(9)}…`, 'short']);
	});
	it('does not split a surrogate pair when cutting', () => {
		const result = previewLines('👋'.repeat(20), 1, 5);
		assert.equal(result.lines[0], `${'👋'.repeat(4)}…`);
	});
	it('handles empty text and n = 0', () => {
		assert.deepEqual(previewLines('', 3), { lines: [], hiddenLines: 0 });
		assert.deepEqual(previewLines('a\nb', 0), { lines: [], hiddenLines: 2 });
	});
});
