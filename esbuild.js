// Bundles the extension host code and the webview code. `--production` minifies; `--watch` rebuilds on change.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
	{
		entryPoints: ['src/extension.ts'],
		outfile: 'dist/extension.js',
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		external: ['vscode'],
	},
	{
		entryPoints: ['src/webview/main.ts'],
		outfile: 'dist/webview.js',
		bundle: true,
		platform: 'browser',
		format: 'iife',
		target: 'es2022',
	},
];

// The webview's icon font ships inside the extension (dist/ is one of its localResourceRoots).
function copyCodicons() {
	const fs = require('fs');
	const path = require('path');
	const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
	const to = path.join(__dirname, 'dist', 'codicons');
	fs.mkdirSync(to, { recursive: true });
	for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

/** In watch mode, marks each rebuild for the "npm: watch" task's problem matcher (.vscode/tasks.json). */
const watchMarkers = {
	name: 'watch-markers',
	setup(build) {
		build.onStart(() => console.log('[watch] build started'));
		build.onEnd((result) => {
			for (const { text, location } of result.errors) {
				console.error(`✘ [ERROR] ${text}${location ? ` (${location.file}:${location.line}:${location.column})` : ''}`);
			}
			console.log('[watch] build finished');
		});
	},
};

async function main() {
	copyCodicons();
	const contexts = await Promise.all(
		builds.map((options) =>
			esbuild.context({
				...options,
				minify: production,
				sourcemap: !production,
				sourcesContent: false,
				logLevel: 'warning',
				define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
				plugins: watch ? [watchMarkers] : [],
			}),
		),
	);
	if (watch) {
		await Promise.all(contexts.map((ctx) => ctx.watch()));
		console.log('[esbuild] watching for changes');
		return;
	}
	await Promise.all(contexts.map((ctx) => ctx.rebuild()));
	await Promise.all(contexts.map((ctx) => ctx.dispose()));
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
