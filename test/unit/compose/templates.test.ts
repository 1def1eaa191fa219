import * as assert from 'node:assert/strict';
import { expandTemplate, isoDate, MAX_TEMPLATE_BYTES, parseRepliesFile, parseReplyTemplates, TemplateError } from '../../../src/compose';

describe('expandTemplate', () => {
	const values = {
		customer: 'Ann',
		agent: 'Bob',
		session: '101',
		topic: 'Support',
		selection: 'x = 1;',
		file: 'a.ts',
		lines: '3-4',
		date: '2026-01-02',
	};
	const table: [string, string, string][] = [
		[
			'every variable',
			'{customer} {agent} {session} {topic} {selection} {file} {lines} {date}',
			'Ann Bob 101 Support x = 1; a.ts 3-4 2026-01-02',
		],
		['names are case-insensitive', 'Hi {Customer}', 'Hi Ann'],
		['{{ and }} are literal braces', 'obj = {{ a: {session} }}', 'obj = { a: 101 }'],
		['{{customer}} is the literal text {customer}', '{{customer}}', '{customer}'],
		['a lone } stays', 'a } b', 'a } b'],
		['a value is not expanded again', 'See {selection}', 'See {agent}'],
	];
	for (const [name, template, want] of table) {
		it(name, () => {
			const v = name.startsWith('a value') ? { selection: '{agent}', agent: 'Bob' } : values;
			assert.equal(expandTemplate(template, v).text, want);
		});
	}

	it('leaves a missing variable visible and reports it; unknown names too', () => {
		const r = expandTemplate('Hi {customer}, about {topic} and {ticket}', { customer: 'Ann', topic: '' });
		assert.equal(r.text, 'Hi Ann, about {topic} and {ticket}');
		assert.deepEqual(r.missing, ['topic']);
		assert.deepEqual(r.unknown, ['ticket']);
	});

	it('refuses a template over 64 KB (counted in UTF-8)', () => {
		assert.equal(expandTemplate('a'.repeat(MAX_TEMPLATE_BYTES), {}).text.length, MAX_TEMPLATE_BYTES);
		assert.throws(() => expandTemplate('é'.repeat(MAX_TEMPLATE_BYTES / 2 + 1), {}), TemplateError);
	});

	it('isoDate is YYYY-MM-DD', () => assert.equal(isoDate(new Date(2026, 0, 2, 23, 59)), '2026-01-02'));
});

describe('reply templates', () => {
	it('reads the workspace file, with comments and lines arrays', () => {
		const r = parseRepliesFile(
			'\uFEFF{\n // greetings\n "replies": [ { "name": "Hi", "text": ["Hi {customer},", "// not a comment"] }, /* x */ { "name": "Bye", "text": "Bye", "description": "close" } ] }',
		);
		assert.deepEqual(r.problems, []);
		assert.deepEqual(r.templates, [
			{ name: 'Hi', text: 'Hi {customer},\n// not a comment', source: 'workspace' },
			{ name: 'Bye', text: 'Bye', description: 'close', source: 'workspace' },
		]);
	});

	it('a workspace template can only produce text: target, connection or type leave it out', () => {
		for (const field of ['type', 'connection', 'connectionId', 'sessionId', 'target', 'specialType']) {
			const r = parseRepliesFile(JSON.stringify({ replies: [{ name: 'x', text: 'y', [field]: 'ToUser' }] }));
			assert.deepEqual(r.templates, [], field);
			assert.equal(r.problems[0].path, `replies[0].${field}`);
			assert.match(r.problems[0].message, /only set name, text and description/);
		}
	});

	it('user settings may also choose the type', () => {
		const r = parseReplyTemplates(
			[
				{ name: 'Note', text: 'internal', type: 'ToUser' },
				{ name: 'Bad', text: 'x', type: 'Special' },
			],
			'user',
		);
		assert.deepEqual(r.templates, [{ name: 'Note', text: 'internal', type: 'ToUser', source: 'user' }]);
		assert.equal(r.problems[0].path, 'replies[1].type');
	});

	it('reports each bad entry with where it is, and keeps the good ones', () => {
		const r = parseReplyTemplates(
			{
				replies: [
					{ name: 'A', text: 'a' },
					'x',
					{ name: '', text: 'a' },
					{ name: 'B' },
					{ name: 'A', text: 'again' },
					{ name: 'C', text: 'é'.repeat(40000) },
				],
			},
			'workspace',
		);
		assert.deepEqual(
			r.templates.map((t) => t.name),
			['A'],
		);
		assert.deepEqual(
			r.problems.map((p) => p.path),
			['replies[1]', 'replies[2].name', 'replies[3].text', 'replies[4].name', 'replies[5].text'],
		);
	});

	it('a broken file gives a problem with line and column, never a throw', () => {
		const r = parseRepliesFile('{\n  "replies": [\n    { "name": "A", }\n  ]\n}');
		assert.deepEqual(r.templates, []);
		assert.equal(r.problems[0].path, '(file)');
		assert.equal(r.problems[0].line, 3);
		assert.ok((r.problems[0].column ?? 0) > 1);
		assert.deepEqual(parseRepliesFile('[]'), { templates: [], problems: [] });
		assert.match(parseRepliesFile('"text"').problems[0].message, /Expected/);
	});
});
