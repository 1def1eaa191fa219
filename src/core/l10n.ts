// The extension's strings are written as VS Code's `vscode.l10n.t` calls (so @vscode/l10n-dev exports them), but the
// translations ship as one table, dist/translations.json.br (JSON, Brotli-compressed), not as VS Code's bundle files,
// which repeat every English string as the key in each language's file (about three times the size in the VSIX). The build
// (scripts/l10nTable.js) rewrites each call to `l10nAt(<index>, …)` — the string's index in l10n/bundle.l10n.json —
// with an import of this module. The table is read once, on the first string shown in a language other than English.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as zlib from 'node:zlib';
import * as vscode from 'vscode';
import { pickTranslation, translate, type Placeholder, type TranslationTable } from '../util/translations';

/** null until the first string asks; then the display language's table, or undefined (English, or none shipped). */
let table: TranslationTable | undefined | null = null;

function current(): TranslationTable | undefined {
	if (table === null) {
		table = undefined;
		const language = vscode.env.language;
		if (!/^en(-|$)/i.test(language)) {
			try {
				// Every bundle lives in dist/, next to the table. node:zlib loads only here: not at activation.
				// eslint-disable-next-line @typescript-eslint/no-require-imports
				const { brotliDecompressSync } = require('node:zlib') as typeof zlib;
				const packed = fs.readFileSync(path.join(__dirname, 'translations.json.br'));
				const tables = JSON.parse(brotliDecompressSync(packed).toString('utf8')) as Record<string, TranslationTable>;
				table = pickTranslation(tables, language);
			} catch {
				// Without the table (a build that could not write it) every string shows in English.
			}
		}
	}
	return table;
}

/** What `vscode.l10n.t(message, …args)` becomes at build time: the translation at `index`, else `message`. */
export function l10nAt(index: number, message: string, ...args: Placeholder[]): string {
	return translate(current(), index, message, args);
}
