// Translations: every string of the extension (l10n/bundle.l10n.json, made by `npm run l10n:export` from the
// sources' vscode.l10n.t calls) and of the manifest (package.nls.json) must have a translation in each language of
// TRANSLATED_LANGUAGES, with the same placeholders ({0}, {1}, …). A listed language whose file is missing fails.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The languages shipped, as VS Code's locale ids: the translator adds each language here together with its
 * `l10n/bundle.l10n.<lang>.json` and `package.nls.<lang>.json` (planned next: de, nl).
 */
export const TRANSLATED_LANGUAGES: readonly string[] = ['nb', 'sv', 'da', 'de', 'nl'];

const root = path.resolve(__dirname, '../../..');

type Bundle = Record<string, string | { message: string; comment?: string[] }>;

function readBundle(file: string): Bundle {
	assert.ok(fs.existsSync(path.join(root, file)), `${file} is missing`);
	return JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Bundle;
}

const text = (v: Bundle[string]): string => (typeof v === 'string' ? v : v.message);

/** The placeholders of a string, sorted: `{0}`, `{1}`, and named ones such as `{customer}`. */
export function placeholders(s: string): string[] {
	return [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/** What is wrong with `translated` against `base`: missing or empty keys, extra keys, placeholders that differ. */
export function compareBundles(base: Bundle, translated: Bundle): string[] {
	const problems: string[] = [];
	for (const [key, value] of Object.entries(base)) {
		const t = translated[key];
		if (t === undefined || text(t).trim() === '') {
			problems.push(`missing: ${key}`);
			continue;
		}
		const want = placeholders(text(value));
		const got = placeholders(text(t));
		if (want.join(',') !== got.join(',')) {
			problems.push(`placeholders of ${key}: ${got.join(',') || 'none'} instead of ${want.join(',') || 'none'}`);
		}
	}
	for (const key of Object.keys(translated)) if (!(key in base)) problems.push(`not in the source: ${key}`);
	return problems;
}

describe('Translations (l10n)', () => {
	const pairs = [
		{ base: 'l10n/bundle.l10n.json', of: (lang: string) => `l10n/bundle.l10n.${lang}.json` },
		{ base: 'package.nls.json', of: (lang: string) => `package.nls.${lang}.json` },
	];

	it('has source bundles with strings in them', () => {
		for (const { base } of pairs) assert.ok(Object.keys(readBundle(base)).length > 0, `${base} is empty: run npm run l10n:export`);
	});

	it('lists each language once, as a locale id', () => {
		assert.strictEqual(new Set(TRANSLATED_LANGUAGES).size, TRANSLATED_LANGUAGES.length);
		for (const lang of TRANSLATED_LANGUAGES) assert.match(lang, /^[a-z]{2,3}(-[a-z]{2,4})?$/);
	});

	for (const lang of TRANSLATED_LANGUAGES) {
		for (const { base, of } of pairs) {
			it(`${of(lang)}: every key translated, placeholders as in ${base}`, () => {
				assert.deepStrictEqual(compareBundles(readBundle(base), readBundle(of(lang))), []);
			});
		}
	}

	it('ships no translation file of a language that is not listed (it would be half checked)', () => {
		const files = [...fs.readdirSync(path.join(root, 'l10n')), ...fs.readdirSync(root)];
		const langs = files.map((f) => /^(?:bundle\.l10n|package\.nls)\.([\w-]+)\.json$/.exec(f)?.[1]).filter((l): l is string => !!l);
		assert.deepStrictEqual(
			[...new Set(langs)].filter((l) => !TRANSLATED_LANGUAGES.includes(l)),
			[],
		);
	});

	it('finds what a translator can get wrong (the check can fail)', () => {
		const base = { a: 'Posted to {0} (message #{1})', b: 'Sign In' };
		assert.deepStrictEqual(compareBundles(base, { a: 'Sendt til {0} (melding #{1})', b: 'Logg inn' }), []);
		assert.deepStrictEqual(compareBundles(base, { a: 'Sendt til {0}', c: 'x' }), [
			'placeholders of a: 0 instead of 0,1',
			'missing: b',
			'not in the source: c',
		]);
		assert.deepStrictEqual(compareBundles({ m: { message: 'Hi {customer}' } }, { m: 'Hei {kunde}' }), [
			'placeholders of m: kunde instead of customer',
		]);
	});
});
