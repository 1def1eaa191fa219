// The shipped translations: the lookup the extension runs (src/util/translations.ts), the build step that rewrites
// each vscode.l10n.t call to an indexed lookup and writes dist/translations.json.br (scripts/l10nTable.js), and the
// built table itself against the translator's files.
import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { formatMessage, pickTranslation, translate } from '../../src/util/translations';

const root = path.resolve(__dirname, '../../..');

interface L10nTable {
	messagesIn(source: string): string[];
	literalValue(literal: string): string;
	readKeys(): string[];
	indexCalls(source: string, indexOf: Map<string, number>): { code: string; missing: string[] };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const table = require(path.join(root, 'scripts', 'l10nTable.js')) as L10nTable;

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const file = path.join(dir, e.name);
		return e.isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
	});
}

describe('Translations as shipped', function () {
	this.timeout(60000);

	describe('lookup', () => {
		const tables = { nb: ['Send', null, 'Sendt til {0} som #{1}'], de: ['Senden', 'Abbrechen', ''] };

		it('picks the display language, then its base language; English and unknown languages get none', () => {
			assert.strictEqual(pickTranslation(tables, 'nb'), tables.nb);
			assert.strictEqual(pickTranslation(tables, 'de-CH'), tables.de);
			assert.strictEqual(pickTranslation(tables, 'NB'), tables.nb);
			assert.strictEqual(pickTranslation(tables, 'en'), undefined);
			assert.strictEqual(pickTranslation(tables, 'fr'), undefined);
			assert.strictEqual(pickTranslation(tables, 'constructor'), undefined);
		});

		it('shows the translation, or the English text where the translator left a string out', () => {
			assert.strictEqual(translate(tables.nb, 0, 'Send', []), 'Send');
			assert.strictEqual(translate(tables.de, 1, 'Cancel', []), 'Abbrechen');
			assert.strictEqual(translate(tables.nb, 1, 'Cancel', []), 'Cancel');
			assert.strictEqual(translate(tables.de, 2, 'Sent to {0}', ['Ada']), 'Sent to Ada');
			assert.strictEqual(translate(undefined, 2, 'Sent to {0}', ['Ada']), 'Sent to Ada');
		});

		it('fills placeholders in the translation as vscode.l10n.t does', () => {
			assert.strictEqual(translate(tables.nb, 2, 'Sent to {0} as #{1}', ['Grace Hopper', 102]), 'Sendt til Grace Hopper som #102');
			assert.strictEqual(formatMessage('{1} before {0}, {0} again', ['a', 'b']), 'b before a, a again');
			assert.strictEqual(formatMessage('{0} and {2}', [true]), 'true and {2}');
			assert.strictEqual(formatMessage('Hello {customer}', ['x']), 'Hello {customer}');
			assert.strictEqual(formatMessage('{0}', ['$1 $& {1}', 'no']), '$1 $& {1}');
		});
	});

	describe('build step', () => {
		it('reads string literals as JavaScript does', () => {
			const cases: [string, string][] = [
				[`'It\\'s'`, "It's"],
				[`"say \\"hi\\""`, 'say "hi"'],
				[`'a\\nb\\tc'`, 'a\nb\tc'],
				[`'\\u2026 \\u{1F600} \\x41'`, '\u2026 \u{1F600} A'],
				[`'back\\\\slash'`, 'back\\slash'],
				[`"VS Code's"`, "VS Code's"],
			];
			for (const [literal, value] of cases) assert.strictEqual(table.literalValue(literal), value, literal);
		});

		it('rewrites each call to its index, keeps the lines, and leaves a string the bundle lacks as it was', () => {
			const source = [
				`const a = vscode.l10n.t('Send');`,
				`const b = vscode.l10n.t(`,
				`\t"Sent to {0}",`,
				`\tname,`,
				`);`,
				`const c = vscode.l10n.t('Not exported yet');`,
			].join('\n');
			const { code, missing } = table.indexCalls(
				source,
				new Map([
					['Send', 0],
					['Sent to {0}', 7],
				]),
			);
			assert.strictEqual(
				code,
				[
					`const a = l10nAt(0,'Send');`,
					`const b = l10nAt(7,`,
					`\t"Sent to {0}",`,
					`\tname,`,
					`);`,
					`const c = vscode.l10n.t('Not exported yet');`,
				].join('\n'),
			);
			assert.deepStrictEqual(missing, ['Not exported yet']);
		});

		it('finds exactly the strings of l10n/bundle.l10n.json in the sources (run npm run l10n:export when not)', () => {
			const found = new Set(sourceFiles(path.join(root, 'src')).flatMap((f) => table.messagesIn(fs.readFileSync(f, 'utf8'))));
			const keys = table.readKeys();
			assert.deepStrictEqual(
				keys.filter((k) => !found.has(k)),
				[],
				'in the bundle, no longer in the sources',
			);
			assert.deepStrictEqual(
				[...found].filter((m) => !keys.includes(m)),
				[],
				'in the sources, not in the bundle',
			);
		});
	});

	describe('the built table and bundles', () => {
		before(() => {
			if (!fs.existsSync(path.join(root, 'dist', 'translations.json.br'))) execFileSync(process.execPath, ['esbuild.js'], { cwd: root });
		});

		it('holds, for each language, the translator’s string at each English string’s index', () => {
			const keys = table.readKeys();
			const packed = fs.readFileSync(path.join(root, 'dist', 'translations.json.br'));
			const built = JSON.parse(zlib.brotliDecompressSync(packed).toString('utf8')) as Record<string, (string | null)[]>;
			assert.ok(Object.keys(built).length > 0);
			for (const [lang, strings] of Object.entries(built)) {
				const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', `bundle.l10n.${lang}.json`), 'utf8')) as Record<string, string>;
				assert.strictEqual(strings.length, keys.length, lang);
				keys.forEach((key, i) => assert.strictEqual(strings[i], bundle[key] ?? null, `${lang}: ${key}`));
			}
		});

		it('leaves no vscode.l10n.t call in the host bundles (each became an indexed lookup)', () => {
			for (const chunk of ['extension', 'features']) {
				const code = fs.readFileSync(path.join(root, 'dist', `${chunk}.js`), 'utf8');
				assert.doesNotMatch(code, /\.l10n\.t\(/, `dist/${chunk}.js`);
			}
		});
	});
});
