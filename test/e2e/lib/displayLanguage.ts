// A display language for the test workbench. VS Code only switches to a language it has a language pack for: without
// one, `--locale nb` (or argv.json's "locale") falls back to English, and vscode.env.language stays 'en'. Microsoft
// ships no pack for nb, sv or da, so this writes a minimal one (it translates none of VS Code's own strings, so only
// the extension's are in the language) and registers it the way VS Code does when a pack is installed.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Installs a language pack for `locale` into `extensionsDir` and registers it in `userDataDir/languagepacks.json`. */
export function installDisplayLanguage(o: { locale: string; userDataDir: string; extensionsDir: string }): void {
	const publisher = 'sochat-test';
	const name = `language-pack-${o.locale}`;
	const version = '0.0.1';
	const id = `${publisher}.${name}`;
	const dir = path.join(o.extensionsDir, `${id}-${version}`);
	const translations = path.join(dir, 'translations', 'main.i18n.json');
	fs.mkdirSync(path.dirname(translations), { recursive: true });
	fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({
			name,
			publisher,
			version,
			engines: { vscode: '*' },
			categories: ['Language Packs'],
			contributes: {
				localizations: [
					{
						languageId: o.locale,
						languageName: o.locale,
						localizedLanguageName: o.locale,
						translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
					},
				],
			},
		}),
	);
	// The same entry (and hash: md5 of id and version) that VS Code writes when the pack is installed; the server reads
	// it to resolve the locale before any window opens.
	const hash = createHash('md5').update(id).update(version).digest('hex');
	fs.mkdirSync(o.userDataDir, { recursive: true });
	fs.writeFileSync(
		path.join(o.userDataDir, 'languagepacks.json'),
		JSON.stringify({
			[o.locale]: { hash, extensions: [{ extensionIdentifier: { id }, version }], translations: { vscode: translations }, label: o.locale },
		}),
	);
}
