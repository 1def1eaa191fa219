// The extension's translations as they ship: one file, dist/translations.json.br, with each language's strings in the
// order of l10n/bundle.l10n.json (the English strings, exported from the sources by `npm run l10n:export`), and
// every `vscode.l10n.t('message', …)` call in src/ rewritten at build time to `l10nAt(<index>, 'message', …)`
// (src/core/l10n.ts, which esbuild injects).
// Why: VS Code's own format repeats every English string as the key in each language file; one aligned table
// without keys is under half the size in the VSIX (the Nordic languages also compress against each other).
// The translator's files stay as @vscode/l10n-dev makes and reads them: l10n/bundle.l10n.<lang>.json.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const l10nDir = path.join(root, 'l10n');

/** `vscode.l10n.t(` and a string literal (single or double quotes: the sources use no template literal here). */
const CALL = /\bvscode\.l10n\.t\((\s*)('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/g;

const ESCAPES = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** The value of a single- or double-quoted JavaScript string literal. */
function literalValue(literal) {
	return literal.slice(1, -1).replace(/\\(u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|\r?\n|.)/g, (_, all, cp, u4, x2) => {
		if (cp || u4 || x2) return String.fromCodePoint(parseInt(cp ?? u4 ?? x2, 16));
		if (all === '\n' || all === '\r\n') return '';
		return ESCAPES[all] ?? all;
	});
}

/** Every message passed as a literal to `vscode.l10n.t` in `source`. */
function messagesIn(source) {
	return [...source.matchAll(CALL)].map((m) => literalValue(m[2]));
}

/** The English strings in the bundle's order (the index each translation has in dist/translations.json.br). */
function readKeys() {
	const bundle = JSON.parse(fs.readFileSync(path.join(l10nDir, 'bundle.l10n.json'), 'utf8'));
	return Object.keys(bundle);
}

/** Rewrites each `vscode.l10n.t('message'` to `l10nAt(<index>, 'message'`; messages not in the bundle stay. */
function indexCalls(source, indexOf) {
	const missing = [];
	const code = source.replace(CALL, (call, space, literal) => {
		const index = indexOf.get(literalValue(literal));
		if (index === undefined) {
			missing.push(literalValue(literal));
			return call;
		}
		return `l10nAt(${index},${space}${literal}`;
	});
	return { code, missing };
}

/** Related languages next to each other compress against each other in the VSIX (≈ 2 KB less than A–Z). */
const ORDER = ['nb', 'da', 'sv', 'de', 'nl'];

/** { <lang>: [translation or null, …] } for every l10n/bundle.l10n.<lang>.json, aligned with `keys`. */
function translationTable(keys) {
	const langs = fs
		.readdirSync(l10nDir)
		.map((file) => /^bundle\.l10n\.([\w-]+)\.json$/.exec(file)?.[1])
		.filter((lang) => lang !== undefined)
		.sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
	const table = {};
	for (const lang of langs) {
		const bundle = JSON.parse(fs.readFileSync(path.join(l10nDir, `bundle.l10n.${lang}.json`), 'utf8'));
		table[lang.toLowerCase()] = keys.map((key) => {
			const value = bundle[key];
			return typeof value === 'string' ? value : (value?.message ?? null);
		});
	}
	return table;
}

module.exports = { messagesIn, literalValue, readKeys, indexCalls, translationTable };
