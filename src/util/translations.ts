// The shipped translations (dist/translations.json.br, built by scripts/l10nTable.js): for each language, its strings
// in the order of l10n/bundle.l10n.json; a call site carries its string's index (rewritten at build time).

/** One language's strings by index; `null` where the translator left a string out (the English one is shown). */
export type TranslationTable = ReadonlyArray<string | null>;

export type Placeholder = string | number | boolean;

/**
 * The table for VS Code's display language (`de-ch` takes `de`), or undefined for English and for a language not
 * shipped.
 */
export function pickTranslation(tables: Readonly<Record<string, TranslationTable>>, language: string): TranslationTable | undefined {
	const lang = language.toLowerCase();
	for (const key of [lang, lang.split('-')[0]]) if (Object.hasOwn(tables, key)) return tables[key];
	return undefined;
}

/** `{0}`, `{1}`, … replaced by the arguments, as vscode.l10n.t does; a placeholder without an argument stays. */
export function formatMessage(message: string, args: readonly Placeholder[]): string {
	if (args.length === 0) return message;
	return message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

/** The string at `index` of `table`, or `message` (English) when there is none, with its placeholders filled. */
export function translate(table: TranslationTable | undefined, index: number, message: string, args: readonly Placeholder[]): string {
	const text = table?.[index];
	return formatMessage(typeof text === 'string' && text !== '' ? text : message, args);
}
