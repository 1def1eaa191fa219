import * as assert from 'node:assert/strict';
import {
	type ComposeRecipient,
	composeDocumentHeader,
	HEADER_SEPARATOR,
	type HeaderLabels,
	parseComposedDocument,
} from '../../../src/compose';

const ada: ComposeRecipient = { customer: 'Ada Lovelace', topic: 'Support', sessionId: 101, connectionName: 'Local demo' };

describe('composeDocumentHeader', () => {
	it('names the recipient, explains the keys and ends with the separator', () => {
		const header = composeDocumentHeader(ada);
		const lines = header.split('\n');
		assert.equal(lines[0], '# To: Ada Lovelace — Support — session 101 (Local demo)');
		assert.match(lines[1], /^# Write below the line\. Ctrl\+Enter sends/);
		assert.equal(lines[2], HEADER_SEPARATOR);
		assert.equal(lines[3], '');
		assert.equal(lines.length, 4);
	});
	it('leaves out a missing topic and flattens newlines in server text', () => {
		const header = composeDocumentHeader({ customer: 'Evil\n# injected', sessionId: 7, connectionName: 'Prod\r\nline' });
		assert.equal(header.split('\n')[0], '# To: Evil # injected — session 7 (Prod line)');
	});
	it('uses the labels it is given', () => {
		const labels: HeaderLabels = { to: 'Til', session: 'økt', instruction: 'Skriv under streken.' };
		const lines = composeDocumentHeader(ada, labels).split('\n');
		assert.equal(lines[0], '# Til: Ada Lovelace — Support — økt 101 (Local demo)');
		assert.equal(lines[1], '# Skriv under streken.');
	});
});

describe('parseComposedDocument', () => {
	const header = composeDocumentHeader(ada);
	const cases: { name: string; text: string; message: string; intact: boolean; above?: boolean }[] = [
		{
			name: 'header round-trip: the message is what was written below',
			text: `${header}Hello Ada,\n\nthanks!`,
			message: 'Hello Ada,\n\nthanks!',
			intact: true,
		},
		{ name: 'nothing written', text: header, message: '', intact: true },
		{ name: 'only blank lines written', text: `${header}\n   \n\t\n`, message: '', intact: true },
		{ name: 'CRLF document', text: `${header}a\nb`.replace(/\n/g, '\r\n'), message: 'a\nb', intact: true },
		{
			name: 'markdown headings below the separator are sent',
			text: `${header}# Steps\n1. restart`,
			message: '# Steps\n1. restart',
			intact: true,
		},
		{
			name: 'blank edges and the final trailing space are dropped',
			text: `${header}\n\n  indented  \n\n`,
			message: '  indented',
			intact: true,
		},
		{
			name: 'inner trailing spaces (a Markdown line break) are kept',
			text: `${header}line one  \nline two`,
			message: 'line one  \nline two',
			intact: true,
		},
		{
			name: 'an edited recipient line is still header',
			text: `# To: someone else entirely\n${HEADER_SEPARATOR}\nhi`,
			message: 'hi',
			intact: true,
		},
		{
			name: 'a deleted instruction line changes nothing',
			text: `${header.split('\n')[0]}\n${HEADER_SEPARATOR}\nhi`,
			message: 'hi',
			intact: true,
		},
		{
			name: 'text typed above the separator is flagged and never sent as header',
			text: `typed here# To: Ada\n${HEADER_SEPARATOR}\nbody`,
			message: 'body',
			intact: true,
			above: true,
		},
		{
			name: 'separator deleted: the # lines on top are dropped',
			text: '# To: Ada Lovelace — session 101\n# Write below\nthe message',
			message: 'the message',
			intact: false,
		},
		{
			name: 'separator deleted and blank lines between header lines',
			text: '# To: Ada\n\n# Write below\n\nmessage\n# not header',
			message: 'message\n# not header',
			intact: false,
		},
		{ name: 'whole header deleted: everything is the message', text: 'just a message', message: 'just a message', intact: false },
		{ name: 'separator cut shorter but still a separator', text: `# To: Ada\n# ────────\nhi`, message: 'hi', intact: true },
		{
			name: 'a second separator below belongs to the message',
			text: `${header}a\n${HEADER_SEPARATOR}\nb`,
			message: `a\n${HEADER_SEPARATOR}\nb`,
			intact: true,
		},
	];
	for (const c of cases) {
		it(c.name, () => {
			const parsed = parseComposedDocument(c.text);
			assert.equal(parsed.message, c.message);
			assert.equal(parsed.headerIntact, c.intact);
			assert.equal(parsed.textAboveSeparator, c.above ?? false);
			// The header is never part of what is sent.
			assert.ok(!parsed.message.includes('# To:'));
		});
	}
});

describe('parseComposedDocument: text that is not valid Unicode', () => {
	const header = composeDocumentHeader({ customer: 'Ann', sessionId: 7, connectionName: 'Prod' });
	it('reports where the broken character is in the document, not in the message', () => {
		// The header is 3 lines, then a blank line that is dropped, then the message.
		const parsed = parseComposedDocument(`${header}\r\nfirst line\r\nsecond 😀 \ud83d end\r\n`);
		assert.equal(parsed.message, 'first line\nsecond 😀 \ud83d end');
		assert.deepEqual({ line: parsed.invalidCharacter?.line, column: parsed.invalidCharacter?.column }, { line: 6, column: 11 });
		const lf = `${header}\nfirst line\nsecond 😀 \ud83d end\n`;
		assert.equal(lf.charCodeAt(parseComposedDocument(lf).invalidCharacter?.index ?? -1), 0xd83d);
	});
	it('ignores a broken character in the header (it is never sent) and says nothing for good text', () => {
		assert.equal(parseComposedDocument(`# To: \ud800\n${header}fine 😀`).invalidCharacter, undefined);
		assert.equal(parseComposedDocument(`${header}fine 😀`).invalidCharacter, undefined);
	});
});
