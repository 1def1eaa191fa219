import * as assert from 'node:assert/strict';
import {
	fenceFor,
	type FormatSelectionsInput,
	formatSelections,
	isSelectionFormat,
	lineRangeLabel,
	type SelectionInput,
} from '../../../src/compose';

function input(
	selections: SelectionInput[],
	format: FormatSelectionsInput['format'],
	extra: Partial<FormatSelectionsInput> = {},
): FormatSelectionsInput {
	return { selections, languageId: 'typescript', relativePath: 'src/app.ts', format, ...extra };
}

const one: SelectionInput = { text: 'const a = 1;\nconst b = 2;', startLine: 11, endLine: 12, startCharacter: 0, endCharacter: 12 };

describe('formatSelections', () => {
	const cases: { name: string; input: FormatSelectionsInput; expected: string }[] = [
		{ name: 'plain keeps the text', input: input([one], 'plain'), expected: 'const a = 1;\nconst b = 2;' },
		{ name: 'fenced adds the language id', input: input([one], 'fenced'), expected: '```typescript\nconst a = 1;\nconst b = 2;\n```' },
		{
			name: 'fencedWithPath adds a 1-based line range',
			input: input([one], 'fencedWithPath'),
			expected: 'src/app.ts:12-13\n```typescript\nconst a = 1;\nconst b = 2;\n```',
		},
		{
			name: 'a single line gets a single line number',
			input: input([{ text: 'return x;', startLine: 4, endLine: 4, startCharacter: 2, endCharacter: 11 }], 'fencedWithPath'),
			expected: 'src/app.ts:5\n```typescript\nreturn x;\n```',
		},
		{
			name: 'a selection ending at column 0 of the next line does not count that line',
			input: input([{ text: 'a();\nb();\n', startLine: 9, endLine: 11, startCharacter: 0, endCharacter: 0 }], 'fencedWithPath'),
			expected: 'src/app.ts:10-11\n```typescript\na();\nb();\n```',
		},
		{
			name: 'several selections: document order, blank line between, each with its own header',
			input: input(
				[
					{ text: 'second();', startLine: 20, endLine: 20, startCharacter: 0, endCharacter: 9 },
					{ text: 'first();', startLine: 2, endLine: 2, startCharacter: 0, endCharacter: 8 },
				],
				'fencedWithPath',
			),
			expected: 'src/app.ts:3\n```typescript\nfirst();\n```\n\nsrc/app.ts:21\n```typescript\nsecond();\n```',
		},
		{
			name: 'several selections on one line are ordered by column',
			input: input(
				[
					{ text: 'right', startLine: 0, endLine: 0, startCharacter: 10, endCharacter: 15 },
					{ text: 'left', startLine: 0, endLine: 0, startCharacter: 0, endCharacter: 4 },
				],
				'plain',
			),
			expected: 'left\n\nright',
		},
		{
			name: 'empty selections are skipped',
			input: input([{ text: '', startLine: 1, endLine: 1 }, one, { text: '  \n\t\n', startLine: 30, endLine: 32 }], 'fenced'),
			expected: '```typescript\nconst a = 1;\nconst b = 2;\n```',
		},
		{ name: 'CRLF becomes LF', input: input([{ text: 'a\r\nb\r\nc', startLine: 0, endLine: 2 }], 'plain'), expected: 'a\nb\nc' },
		{ name: 'a lone CR becomes LF', input: input([{ text: 'a\rb', startLine: 0, endLine: 1 }], 'plain'), expected: 'a\nb' },
		{
			name: 'tabs are kept, including indentation',
			input: input([{ text: 'if (x) {\n\treturn\t1;\n}', startLine: 0, endLine: 2 }], 'fenced'),
			expected: '```typescript\nif (x) {\n\treturn\t1;\n}\n```',
		},
		{
			name: 'trailing whitespace is trimmed on every line',
			input: input([{ text: 'a();   \n\tb(); \t\r\nc();\t', startLine: 0, endLine: 2 }], 'plain'),
			expected: 'a();\n\tb();\nc();',
		},
		{
			name: 'blank lines around a selection are dropped and the range follows the text',
			input: input([{ text: '\n\n  x = 1;\n\n', startLine: 4, endLine: 8, endCharacter: 0 }], 'fencedWithPath'),
			expected: 'src/app.ts:7\n```typescript\n  x = 1;\n```',
		},
		{
			name: 'backticks inside the code get a longer fence',
			input: input([{ text: 'const s = `a ${b}`;\nconst md = "```js";', startLine: 0, endLine: 1 }], 'fenced', {
				languageId: 'javascript',
			}),
			expected: '````javascript\nconst s = `a ${b}`;\nconst md = "```js";\n````',
		},
		{
			name: 'five backticks inside get a six-backtick fence',
			input: input([{ text: '`````', startLine: 0, endLine: 0 }], 'fenced', { languageId: 'markdown' }),
			expected: '``````markdown\n`````\n``````',
		},
		{
			name: 'untitled documents show their name',
			input: input([{ text: 'hello', startLine: 2, endLine: 3, endCharacter: 0 }], 'fencedWithPath', {
				relativePath: undefined,
				untitledName: 'Untitled-1',
				languageId: 'plaintext',
			}),
			expected: 'Untitled-1:3\n```\nhello\n```',
		},
		{
			name: 'Windows separators in a path become slashes',
			input: input([{ text: 'x', startLine: 0, endLine: 0 }], 'fencedWithPath', {
				relativePath: 'src\\deep\\file.py',
				languageId: 'python',
			}),
			expected: 'src/deep/file.py:1\n```python\nx\n```',
		},
		{
			name: 'a language id that would break the fence is left out',
			input: input([{ text: 'x', startLine: 0, endLine: 0 }], 'fenced', { languageId: 'weird lang`' }),
			expected: '```\nx\n```',
		},
	];
	for (const c of cases) {
		it(c.name, () => {
			assert.equal(formatSelections(c.input).text, c.expected);
		});
	}

	it('keeps very long lines whole', () => {
		const long = 'x'.repeat(20000);
		const result = formatSelections(input([{ text: `${long}\n${long}  `, startLine: 0, endLine: 1 }], 'fenced'));
		assert.equal(result.text, `\`\`\`typescript\n${long}\n${long}\n\`\`\``);
	});

	it('returns an empty text when every selection is empty, and counts what it skipped', () => {
		const result = formatSelections(
			input(
				[
					{ text: '', startLine: 0, endLine: 0 },
					{ text: ' \r\n ', startLine: 3, endLine: 4 },
				],
				'fencedWithPath',
			),
		);
		assert.equal(result.text, '');
		assert.equal(result.parts.length, 0);
		assert.equal(result.skipped, 2);
	});

	it('returns an empty text for no selections at all', () => {
		assert.equal(formatSelections(input([], 'plain')).text, '');
	});

	it('reports the 1-based line range of each part', () => {
		const result = formatSelections(
			input(
				[
					{ text: 'b', startLine: 7, endLine: 7 },
					{ text: 'a\nb\nc\n', startLine: 0, endLine: 3, endCharacter: 0 },
				],
				'plain',
			),
		);
		assert.deepEqual(
			result.parts.map((p) => [p.firstLine, p.lastLine]),
			[
				[1, 3],
				[8, 8],
			],
		);
	});

	it("does not change the caller's array order", () => {
		const selections: SelectionInput[] = [
			{ text: 'b', startLine: 5, endLine: 5 },
			{ text: 'a', startLine: 1, endLine: 1 },
		];
		formatSelections(input(selections, 'plain'));
		assert.deepEqual(
			selections.map((s) => s.text),
			['b', 'a'],
		);
	});
});

describe('fenceFor / lineRangeLabel / isSelectionFormat', () => {
	const fences: [string, string][] = [
		['no backticks', '```'],
		['one ` tick', '```'],
		['two `` ticks', '```'],
		['three ``` ticks', '````'],
		['``` and ````', '`````'],
	];
	for (const [text, fence] of fences) {
		it(`fence for ${JSON.stringify(text)} is ${fence.length} long`, () => assert.equal(fenceFor(text), fence));
	}
	it('labels ranges', () => {
		assert.equal(lineRangeLabel('a.ts', 3, 3), 'a.ts:3');
		assert.equal(lineRangeLabel('a.ts', 3, 9), 'a.ts:3-9');
	});
	it('knows the three formats', () => {
		assert.ok(isSelectionFormat('plain') && isSelectionFormat('fenced') && isSelectionFormat('fencedWithPath'));
		assert.ok(!isSelectionFormat('markdown') && !isSelectionFormat(undefined));
	});
});
