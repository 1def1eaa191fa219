// Bundles the extension host code and the webview code. `--production` minifies; `--watch` rebuilds on change.
// The host code is three bundles (see CHUNKS and docs/ARCHITECTURE.md "What loads when, and why"): extension.js
// (what activation needs), features.js (command bodies, on a command's first run) and rare.js (Online sign-in, Check
// Connection, …, on first use). A module lives in exactly one of them; later ones take it from the earlier one.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const src = path.join(__dirname, 'src');
const dist = path.join(__dirname, 'dist');

const common = {
	minify: production,
	sourcemap: !production,
	sourcesContent: false,
	logLevel: 'warning',
	define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};
const hostOptions = { ...common, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], metafile: true };

const rel = (file) => path.relative(__dirname, file).split(path.sep).join('/');

/**
 * The host bundles, in load order. A dynamic `import()` in src/ becomes a stub that requires the chunk named here on
 * first use: the flows few users reach (Online sign-in with its loopback listener and id_token checks, Check
 * Connection) go to rare.js; everything else loaded on demand (command bodies, the chat view, the API client) to
 * features.js.
 */
const CHUNKS = ['extension', 'features', 'rare'];
const RARE = [/^src\/online\//, /^src\/diagnostics\//, /^src\/signIn\/onlineSignIn\.ts$/, /^src\/commands\/connectionCheckFlow\.ts$/];
const chunkOf = (target) => (RARE.some((re) => re.test(target)) ? 'rare' : 'features');
/** A barrel (only re-exports, no state) is bundled again where needed, so a chunk takes only the files it uses. */
const isBarrel = (key) => key.endsWith('/index.ts');

/** A dynamic import of a module in src/ becomes `require('./<chunk>.js')[module]`, evaluated on first use. */
function lazyStubs(lazy) {
	return {
		name: 'lazy-stubs',
		setup(build) {
			build.onResolve({ filter: /^\.\/\w+\.js$/, namespace: 'lazy-stub' }, (args) => ({ path: args.path, external: true }));
			build.onResolve({ filter: /.*/ }, async (args) => {
				if (args.kind !== 'dynamic-import' || args.namespace !== 'file') return undefined;
				const resolved = await build.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir });
				if (resolved.errors.length > 0 || !resolved.path.startsWith(src)) return undefined;
				const key = rel(resolved.path);
				const chunk = lazy.get(key) ?? chunkOf(key);
				lazy.set(key, chunk);
				return { path: key, namespace: 'lazy-stub', pluginData: chunk };
			});
			build.onLoad({ filter: /.*/, namespace: 'lazy-stub' }, (args) => ({
				contents: `module.exports = require('./${args.pluginData}.js')[${JSON.stringify(args.path)}];`,
				loader: 'js',
			}));
		},
	};
}

/** A later chunk takes every module an earlier chunk holds from there (its `__shared` export), never bundling it twice. */
function fromEarlier(earlier) {
	return {
		name: 'from-earlier',
		setup(build) {
			build.onResolve({ filter: /^\.\/\w+\.js$/, namespace: 'from-earlier' }, (args) => ({ path: args.path, external: true }));
			build.onResolve({ filter: /.*/ }, async (args) => {
				if (args.namespace !== 'file' || args.pluginData === 'inner') return undefined;
				const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'inner' });
				if (resolved.errors.length > 0 || resolved.external) return undefined;
				const key = rel(resolved.path);
				if (isBarrel(key)) return undefined;
				const owner = earlier.find((c) => c.held.has(key));
				if (!owner) return undefined;
				owner.needed.add(key);
				return { path: key, namespace: 'from-earlier', pluginData: owner.name };
			});
			// Named ESM bindings (not a CommonJS object), so the minifier shortens every use like a local one. Copies are
			// safe: src/ exports no `let`, and an earlier chunk has finished loading before a later one is required.
			build.onLoad({ filter: /.*/, namespace: 'from-earlier' }, async (args) => {
				const names = await exportsOf(args.path);
				const from = `require('./${args.pluginData}.js').__shared[${JSON.stringify(args.path)}]`;
				return { contents: names.length ? `export const { ${names.join(', ')} } = ${from};` : `${from};`, loader: 'js' };
			});
		},
	};
}

const exportNames = new Map();
/** The names a module in src/ exports (types are gone by then). */
function exportsOf(key) {
	if (!exportNames.has(key)) {
		const external = {
			name: 'external',
			setup: (b) => b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'entry-point' ? undefined : { path: a.path, external: true })),
		};
		exportNames.set(
			key,
			esbuild
				.build({
					entryPoints: [key],
					bundle: true,
					write: false,
					metafile: true,
					format: 'esm',
					platform: 'node',
					outdir: 'out-exports',
					plugins: [external],
				})
				.then((r) => Object.values(r.metafile.outputs)[0].exports),
		);
	}
	return exportNames.get(key);
}

function chunkEntry(name, lazy, exported) {
	const head =
		name === 'extension'
			? `export * from './src/extension';`
			: [...lazy]
					.filter(([, c]) => c === name)
					.map(([key]) => `export * as ${JSON.stringify(key)} from ${JSON.stringify('./' + key)};`)
					.join('\n');
	const shared = [...exported].sort();
	const imports = shared.map((key, i) => `import * as m${i} from ${JSON.stringify('./' + key)};`).join('\n');
	const table = shared.map((key, i) => `${JSON.stringify(key)}: m${i}`).join(', ');
	return `${head}\n${imports}\nexport const __shared = { ${table} };\n`;
}

async function buildHost() {
	const lazy = new Map();
	const chunks = CHUNKS.map((name) => ({ name, held: new Set(), exported: new Set(), metafile: undefined }));
	/** Builds the chunks in order; returns whether some chunk now needs an export its earlier chunk was built without. */
	const buildAll = async () => {
		const needed = chunks.map(() => new Set());
		for (let i = 0; i < chunks.length; i++) {
			const c = chunks[i];
			const earlier = chunks.slice(0, i).map((e, j) => ({ name: e.name, held: e.held, needed: needed[j] }));
			const result = await esbuild.build({
				...hostOptions,
				stdin: { contents: chunkEntry(c.name, lazy, c.exported), resolveDir: __dirname, sourcefile: `${c.name}-entry.js`, loader: 'ts' },
				outfile: path.join(dist, `${c.name}.js`),
				plugins: [lazyStubs(lazy), fromEarlier(earlier)],
			});
			c.metafile = result.metafile;
			// A module counts as held only if code of it is in the output (esbuild lists tree-shaken files too).
			const out = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.js'))[1].inputs;
			c.held = new Set(Object.keys(out).filter((k) => k.startsWith('src/') && out[k].bytesInOutput > 0));
		}
		let grew = false;
		chunks.forEach((c, i) => {
			for (const key of needed[i]) {
				if (!c.exported.has(key)) {
					c.exported.add(key);
					grew = true;
				}
			}
		});
		return grew;
	};
	// Until stable: an export added to an earlier chunk can pull more of a module into it, which later chunks then take.
	for (let round = 0; await buildAll(); round++) {
		if (round === 5) throw new Error('the host chunks did not settle');
	}
	const owners = new Map();
	for (const c of chunks) {
		for (const key of c.held) {
			if (owners.has(key)) throw new Error(`${key} is bundled into both ${owners.get(key)}.js and ${c.name}.js`);
			owners.set(key, c.name);
		}
	}
	fs.writeFileSync(path.join(dist, 'meta.json'), JSON.stringify(Object.fromEntries(chunks.map((c) => [c.name, c.metafile]))));
}

function buildWebview() {
	return esbuild.build({
		...common,
		entryPoints: ['src/webview/main.ts'],
		outfile: path.join(dist, 'webview.js'),
		bundle: true,
		platform: 'browser',
		format: 'iife',
		target: 'es2022',
	});
}

/** The webview's stylesheet, media/chatView.css, to dist/ (minified in production: the VSIX ships only that copy). */
function buildStyles() {
	return esbuild.build({
		entryPoints: [path.join(__dirname, 'media', 'chatView.css')],
		outfile: path.join(dist, 'chatView.css'),
		minify: production,
		logLevel: 'warning',
	});
}

/**
 * The webview's icons: only those src/webview uses, as CSS masks built from @vscode/codicons' SVGs (the whole icon
 * font is ≈ 160 KB). The icons are CC BY 4.0; the notice travels in the stylesheet.
 */
function buildIcons() {
	const codicons = path.join(__dirname, 'node_modules', '@vscode', 'codicons');
	const names = new Set();
	for (const file of fs.readdirSync(path.join(src, 'webview'))) {
		const text = fs.readFileSync(path.join(src, 'webview', file), 'utf8');
		for (const m of text.matchAll(/codicon-([a-z0-9-]+)|\bicon\('([a-z0-9-]+)'\)/g)) names.add(m[1] ?? m[2]);
	}
	const version = JSON.parse(fs.readFileSync(path.join(codicons, 'package.json'), 'utf8')).version;
	const rules = [...names].sort().map((name) => {
		const file = path.join(codicons, 'src', 'icons', `${name}.svg`);
		if (!fs.existsSync(file)) throw new Error(`src/webview uses codicon "${name}", which @vscode/codicons ${version} does not have`);
		const svg = fs.readFileSync(file, 'utf8').trim().replace(/\s+/g, ' ');
		const url = `data:image/svg+xml,${encodeURIComponent(svg).replace(/%20/g, ' ').replace(/%3D/g, '=').replace(/%2F/g, '/').replace(/%3A/g, ':')}`;
		return `.codicon-${name}{--codicon:url("${url}")}`;
	});
	const css = [
		`/* Icons from @vscode/codicons ${version} (https://github.com/microsoft/vscode-codicons), © Microsoft Corporation,`,
		`   licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Only the icons used, as masks. */`,
		`.codicon{display:inline-block;width:16px;height:16px;flex:none;vertical-align:text-bottom;background-color:currentColor;`,
		`-webkit-mask:var(--codicon) center/16px 16px no-repeat;mask:var(--codicon) center/16px 16px no-repeat}`,
		...rules,
		'',
	].join('\n');
	fs.rmSync(path.join(dist, 'codicons'), { recursive: true, force: true });
	fs.mkdirSync(path.join(dist, 'codicons'), { recursive: true });
	fs.writeFileSync(path.join(dist, 'codicons', 'codicon.css'), css);
}

async function buildAll() {
	fs.mkdirSync(dist, { recursive: true });
	buildIcons();
	await Promise.all([buildHost(), buildWebview(), buildStyles()]);
}

/** In watch mode, marks each rebuild for the "npm: watch" task's problem matcher (.vscode/tasks.json). */
function watchLoop() {
	let timer;
	let running = Promise.resolve();
	const rebuild = () => {
		running = running.then(async () => {
			console.log('[watch] build started');
			try {
				await buildAll();
			} catch (err) {
				for (const { text, location } of err.errors ?? [{ text: String(err) }]) {
					console.error(`✘ [ERROR] ${text}${location ? ` (${location.file}:${location.line}:${location.column})` : ''}`);
				}
			}
			console.log('[watch] build finished');
		});
	};
	const changed = () => {
		clearTimeout(timer);
		timer = setTimeout(rebuild, 100);
	};
	fs.watch(src, { recursive: true }, changed);
	fs.watch(path.join(__dirname, 'media', 'chatView.css'), changed);
	rebuild();
	console.log('[esbuild] watching for changes');
}

if (watch) {
	watchLoop();
} else {
	buildAll().catch((err) => {
		console.error(err);
		process.exit(1);
	});
}
