// The webview's icons ship as CSS masks for the names the build finds written in src/webview (esbuild.js,
// iconStyles). An icon whose name is computed would get no rule and show as a filled square: every icon() call takes
// a literal name, and each has its rule in the stylesheet the webview loads.
import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const webview = path.join(root, 'src', 'webview');

describe('Webview icons', () => {
	const sources = fs
		.readdirSync(webview)
		.filter((f) => f.endsWith('.ts'))
		.map((f) => ({ file: f, text: fs.readFileSync(path.join(webview, f), 'utf8') }));
	const calls = sources.flatMap(({ file, text }) =>
		[...text.matchAll(/(?<![.\w])icon\(([^)]*)\)/g)].map((m) => ({ file, arg: m[1].trim() })),
	);

	it('names every icon with a literal (and builds no codicon class by hand)', () => {
		assert.ok(calls.length > 5);
		const definition = (c: { file: string; arg: string }): boolean => c.file === 'dom.ts' && c.arg === 'name: string';
		assert.deepStrictEqual(
			calls.filter((c) => !definition(c) && !/^'[a-z0-9-]+'$/.test(c.arg)),
			[],
		);
		assert.deepStrictEqual(
			sources.filter(({ file, text }) => file !== 'dom.ts' && /codicon-/.test(text)).map(({ file }) => file),
			[],
		);
	});

	it('has a rule for each in dist/chatView.css', function () {
		this.timeout(60000);
		const css = path.join(root, 'dist', 'chatView.css');
		if (!fs.existsSync(css)) execFileSync(process.execPath, ['esbuild.js'], { cwd: root });
		const styles = fs.readFileSync(css, 'utf8');
		const names = [...new Set(calls.map((c) => /^'([a-z0-9-]+)'$/.exec(c.arg)?.[1]).filter((n): n is string => !!n))];
		assert.deepStrictEqual(
			names.filter((n) => !styles.includes(`.codicon-${n}{--codicon:url(`)),
			[],
		);
	});
});
