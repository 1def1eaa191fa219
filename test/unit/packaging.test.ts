// What the .vsix carries, as `vsce ls` lists it: everything the extension and its webview load at run time, and
// nothing of the sources, tests, build output or README images (the Marketplace shows those from the repository).
import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const root = path.resolve(__dirname, '../../..');

describe('Packaging (.vscodeignore)', function () {
	this.timeout(60000);
	let files: string[];

	before(() => {
		// The bundles and the stylesheets exist only after a build.
		const built = ['features.js', 'chatView.css'].every((f) => fs.existsSync(path.join(root, 'dist', f)));
		if (!built) execFileSync(process.execPath, ['esbuild.js'], { cwd: root });
		const vsce = require.resolve('@vscode/vsce/vsce', { paths: [root] });
		const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
		files = out.split(/\r?\n/).filter((l) => l.trim() !== '');
	});

	it('ships the bundles (loaded at activation and on demand), the webview styles and icons, and the translations', () => {
		for (const f of [
			'dist/extension.js',
			'dist/features.js',
			'dist/webview.js',
			'dist/chatView.css',
			'dist/translations.json.br',
		]) {
			assert.ok(files.includes(f), `${f} is missing from the package: ${files.join(', ')}`);
		}
	});

	it('ships every translation of the manifest, and the strings of every language in one table', () => {
		const manifest = fs.readdirSync(root).filter((f) => /^package\.nls\.[\w-]+\.json$/.test(f));
		assert.ok(manifest.length > 0);
		for (const f of manifest) assert.ok(files.includes(f), `${f} is missing from the package`);
		const languages = fs.readdirSync(path.join(root, 'l10n')).flatMap((f) => /^bundle\.l10n\.([\w-]+)\.json$/.exec(f)?.[1] ?? []);
		const packed = fs.readFileSync(path.join(root, 'dist', 'translations.json.br'));
		const table = JSON.parse(zlib.brotliDecompressSync(packed).toString('utf8')) as Record<string, unknown>;
		assert.deepStrictEqual(Object.keys(table).sort(), languages.sort());
		// The translator's keyed files are sources: the table replaces them in the package.
		assert.deepStrictEqual(
			files.filter((f) => f.startsWith('l10n/')),
			[],
		);
	});

	it('leaves out the icon font and the README images, which exist in the repository for the Marketplace', () => {
		assert.deepStrictEqual(
			files.filter((f) => f.endsWith('.ttf') || f.startsWith('docs/')),
			[],
		);
		const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
		const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((src) => !/^[a-z]+:/i.test(src));
		assert.ok(images.length > 0);
		// vsce rewrites relative links against the manifest's repository URL, so each must exist in the repository.
		const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { repository?: { url?: string } };
		assert.match(pkg.repository?.url ?? '', /^https:\/\/github\.com\//);
		for (const src of images) assert.ok(fs.existsSync(path.join(root, src)), `${src} (shown by the README) is missing from the repository`);
	});

	it('ships the icon and every walkthrough illustration the manifest names', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
			icon: string;
			contributes: { walkthroughs: Array<{ steps: Array<{ media: { svg?: string } }> }> };
		};
		const images = pkg.contributes.walkthroughs.flatMap((w) => w.steps.map((st) => st.media.svg ?? ''));
		assert.ok(images.length > 0);
		for (const f of [pkg.icon, ...images]) assert.ok(files.includes(f), `${f} is missing from the package`);
	});

	it('ships nothing but what runs, the listing and its documents (an allowlist)', () => {
		const allowed = [
			/^dist\/(extension|features|webview)\.js$/,
			/^dist\/chatView\.css$/,
			/^media\/[\w-]+\.(svg|png)$/,
			/^media\/walkthrough\/[\w-]+\.svg$/,
			/^dist\/translations\.json\.br$/,
			/^package(\.nls(\.[\w-]+)?)?\.json$/,
			/^(README|CHANGELOG)\.md$/,
			/^LICENSE(\.txt)?$/,
		];
		assert.deepStrictEqual(
			files.filter((f) => !allowed.some((re) => re.test(f))),
			[],
		);
	});

	it('leaves out sources, tests, build output and source maps', () => {
		const unwanted = files.filter(
			(f) => /^(src|test|out|scripts|node_modules|test-results)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'),
		);
		assert.deepStrictEqual(unwanted, []);
	});
});
