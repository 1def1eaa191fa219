// Bundles the extension host code and the webview code. `--production` minifies; `--watch` rebuilds on change.
// The host code is two bundles (see CHUNKS and docs/ARCHITECTURE.md "What loads when, and why"): extension.js (what
// activation needs) and features.js (everything loaded on first use). A module lives in exactly one of them; the later
// one takes it from the earlier one.
const esbuild = require('esbuild');
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const l10nTable = require('./scripts/l10nTable');
const { compactPath } = require('./scripts/svgPath');

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
 * The host bundles, in load order. A dynamic `import()` in src/ becomes a stub that requires features.js on first use
 * (command bodies, the chat view, the API client, Online sign-in, Check Connection). The rare flows once had a third
 * bundle: merged, the VSIX is 1.4 KB smaller (one compression window, no stubs between them) for ≈ 1.6 ms more on a
 * window's first command (docs/ARCHITECTURE.md "What loads when, and why").
 */
const CHUNKS = ['extension', 'features'];
/** The bundle that holds every module loaded by a dynamic import. */
const LAZY_CHUNK = CHUNKS[1];
/** A barrel (only re-exports, no state) is bundled again where needed, so a chunk takes only the files it uses. */
const isBarrel = (key) => key.endsWith('/index.ts');

/** Every source file, sorted (read again by each build): a module's index names it between chunks (`m0`, `m1`, …). */
let sourceFiles = [];
const listSources = () =>
	fs
		.readdirSync(src, { recursive: true })
		.map((f) => `src/${f.split(path.sep).join('/')}`)
		.filter((f) => f.endsWith('.ts'))
		.sort();
const idOf = (key) => {
	const index = sourceFiles.indexOf(key);
	if (index < 0) throw new Error(`${key} is not a source file of src/`);
	return `m${index}`;
};

/**
 * A dynamic import of a module in src/ becomes `require('./features.js')[module]`, evaluated on first use; `lazy`
 * collects the modules so imported, which features.js exports by their index. Inside
 * features.js too: Node hands a bundle its own exports (set before any module in it runs), and the stub is smaller
 * than esbuild's lazy-init wrappers would be.
 */
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
				lazy.add(key);
				return { path: key, namespace: 'lazy-stub' };
			});
			build.onLoad({ filter: /.*/, namespace: 'lazy-stub' }, (args) => ({
				contents: `module.exports = require('./${LAZY_CHUNK}.js').${idOf(args.path)};`,
				loader: 'js',
			}));
		},
	};
}

/**
 * A later chunk takes every module an earlier chunk holds from there (its `__shared` export), never bundling it twice,
 * and only the names it imports: `uses` collects them (key → names, or null for all) for the next round, `usedBefore`
 * holds the last round's, which the stubs export (every name in the first round).
 */
function fromEarlier(earlier, uses, usedBefore) {
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
				addNames(uses, key, await importedNames(args.importer, args.path));
				// No side effects: the earlier chunk has run already, so a stub nobody reads can go.
				return { path: key, namespace: 'from-earlier', pluginData: owner.name, sideEffects: false };
			});
			// Named ESM bindings (not a CommonJS object), so the minifier shortens every use like a local one. Copies are
			// safe: src/ exports no `let`, and an earlier chunk has finished loading before a later one is required.
			build.onLoad({ filter: /.*/, namespace: 'from-earlier' }, async (args) => {
				const names = usedBefore.get(args.path) ? [...usedBefore.get(args.path)].sort() : await exportsOf(args.path);
				const from = `require('./${args.pluginData}.js').__shared.${idOf(args.path)}`;
				return { contents: names.length ? `export const { ${names.join(', ')} } = ${from};` : `${from};`, loader: 'js' };
			});
		},
	};
}

/**
 * Each `vscode.l10n.t('message'` in src/ becomes `l10nAt(<index>, 'message'`, the index of its translations in
 * dist/translations.json.br (scripts/l10nTable.js), with an import of l10nAt (src/core/l10n.ts) on its first line. A
 * message missing from l10n/bundle.l10n.json stays a vscode.l10n.t call and shows in English.
 */
function indexedL10n(indexOf, missing) {
	return {
		name: 'indexed-l10n',
		setup(build) {
			build.onLoad({ filter: /\.ts$/, namespace: 'file' }, async (args) => {
				if (!args.path.startsWith(src + path.sep)) return undefined;
				const source = await fs.promises.readFile(args.path, 'utf8');
				if (!source.includes('vscode.l10n.t(')) return undefined;
				const indexed = l10nTable.indexCalls(source, indexOf);
				for (const message of indexed.missing) missing.add(message);
				const from = path
					.relative(path.dirname(args.path), path.join(src, 'core', 'l10n'))
					.split(path.sep)
					.join('/');
				const specifier = from.startsWith('.') ? from : `./${from}`;
				return { contents: `import { l10nAt } from ${JSON.stringify(specifier)}; ${indexed.code}`, loader: 'ts' };
			});
		},
	};
}

/**
 * Writes dist/translations.json.br; returns the index of each English string for indexedL10n. Brotli with a window
 * over the whole table lets each language compress against the others (21 KB against 24 KB deflated by the VSIX).
 */
function buildTranslations() {
	const keys = l10nTable.readKeys();
	const json = Buffer.from(JSON.stringify(l10nTable.translationTable(keys)));
	const { constants } = zlib;
	const params = {
		[constants.BROTLI_PARAM_QUALITY]: 11,
		[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
		[constants.BROTLI_PARAM_SIZE_HINT]: json.length,
	};
	fs.writeFileSync(path.join(dist, 'translations.json.br'), zlib.brotliCompressSync(json, { params }));
	return new Map(keys.map((key, i) => [key, i]));
}

/** Adds `names` (undefined: all) to what `uses` records for `key`. */
function addNames(uses, key, names) {
	if (uses.get(key) === null) return;
	if (names === undefined) uses.set(key, null);
	else uses.set(key, new Set([...(uses.get(key) ?? []), ...names]));
}

/** Two records of names per module are the same (order aside). */
const sameUses = (a, b) => {
	const canonical = (uses) => JSON.stringify([...uses].map(([key, names]) => [key, names && [...names].sort()]).sort());
	return canonical(a) === canonical(b);
};

/**
 * The names `importer` imports from `specifier`, or undefined for all of them: a namespace or star import, a default
 * import, or one the source on disk does not show (added by a plugin). A name the stub lacks fails the build.
 */
async function importedNames(importer, specifier) {
	const source = await fs.promises.readFile(importer, 'utf8').catch(() => '');
	const quoted = specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const statements = [...source.matchAll(new RegExp(`\\b(?:import|export)\\s+([^;'"]*?)\\s+from\\s+['"]${quoted}['"]`, 'g'))];
	if (statements.length === 0) return undefined;
	const names = new Set();
	for (const [, clause] of statements) {
		if (/^type\s/.test(clause)) continue;
		const braces = /^\{([^}]*)\}$/.exec(clause.trim());
		if (!braces) return undefined;
		for (const part of braces[1].split(',')) {
			const name = part.trim().split(/\s+as\s+/)[0];
			if (name && !name.startsWith('type ')) names.add(name);
		}
	}
	return [...names];
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
	let head = '';
	if (name === 'extension') head = `export * from './src/extension';`;
	else if (name === LAZY_CHUNK) {
		// Sorted: the stubs are found in parallel, in no fixed order.
		head = [...lazy]
			.sort()
			.map((key) => `export * as ${idOf(key)} from ${JSON.stringify('./' + key)};`)
			.join('\n');
	}
	const shared = [...exported.keys()].sort();
	const imports = shared.map((key, i) => {
		const names = exported.get(key);
		const what =
			names === null
				? `* as s${i}`
				: `{ ${[...names]
						.sort()
						.map((n, j) => `${n} as s${i}_${j}`)
						.join(', ')} }`;
		return `import ${what} from ${JSON.stringify('./' + key)};`;
	});
	const table = shared.map((key, i) => {
		const names = exported.get(key);
		const value =
			names === null
				? `s${i}`
				: `{ ${[...names]
						.sort()
						.map((n, j) => `${n}: s${i}_${j}`)
						.join(', ')} }`;
		return `${idOf(key)}: ${value}`;
	});
	return `${head}\n${imports.join('\n')}\nexport const __shared = { ${table.join(', ')} };\n`;
}

async function buildHost() {
	sourceFiles = listSources();
	const indexOf = buildTranslations();
	const missing = new Set();
	const lazy = new Set();
	const chunks = CHUNKS.map((name) => ({ name, held: new Set(), exported: new Map(), uses: new Map(), metafile: undefined }));
	/** Builds the chunks in order; returns whether a chunk now imports or exports other names than this round built. */
	const buildAll = async () => {
		let changed = false;
		for (let i = 0; i < chunks.length; i++) {
			const c = chunks[i];
			const earlier = chunks.slice(0, i).map((e) => ({ name: e.name, held: e.held }));
			const uses = new Map();
			const result = await esbuild.build({
				...hostOptions,
				stdin: { contents: chunkEntry(c.name, lazy, c.exported), resolveDir: __dirname, sourcefile: `${c.name}-entry.js`, loader: 'ts' },
				outfile: path.join(dist, `${c.name}.js`),
				plugins: [lazyStubs(lazy), fromEarlier(earlier, uses, c.uses), indexedL10n(indexOf, missing)],
			});
			c.metafile = result.metafile;
			// A module counts as held only if code of it is in the output (esbuild lists tree-shaken files too).
			const out = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.js'))[1].inputs;
			c.held = new Set(Object.keys(out).filter((k) => k.startsWith('src/') && out[k].bytesInOutput > 0));
			if (!sameUses(uses, c.uses)) changed = true;
			c.uses = uses;
		}
		// Each chunk exports what the later ones take from it: the union of their names per module.
		for (const e of chunks) {
			const exported = new Map();
			for (const later of chunks) {
				for (const [key, names] of later.uses) if (e.held.has(key)) addNames(exported, key, names === null ? undefined : [...names]);
			}
			if (!sameUses(exported, e.exported)) changed = true;
			e.exported = exported;
		}
		return changed;
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
	if (missing.size > 0) {
		console.warn(`${missing.size} UI string(s) are not in l10n/bundle.l10n.json and show in English: run npm run l10n:export.`);
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

/** dist/chatView.css: the icons the webview uses, then media/chatView.css (minified in production): one file to load. */
async function buildStyles() {
	const result = await esbuild.build({
		entryPoints: [path.join(__dirname, 'media', 'chatView.css')],
		outfile: path.join(dist, 'chatView.css'),
		minify: production,
		logLevel: 'warning',
		write: false,
	});
	fs.writeFileSync(path.join(dist, 'chatView.css'), iconStyles() + result.outputFiles[0].text);
}

/**
 * An icon as a mask needs only its shape: no size or fill attributes, single quotes (no escaping inside the CSS
 * string), the path data short (scripts/svgPath.js).
 */
function compactSvg(svg) {
	return svg
		.trim()
		.replace(/\s+/g, ' ')
		.replace(/ (?:width|height|fill)="[^"]*"/g, '')
		.replace(/ d="([^"]*)"/g, (whole, d) => ` d="${compactPath(d)}"`)
		.replace(/"/g, "'");
}

/**
 * The webview's icons: only those src/webview uses, as CSS masks built from @vscode/codicons' SVGs (the whole icon
 * font is ≈ 160 KB). The icons are CC BY 4.0; the notice travels in the stylesheet.
 */
function iconStyles() {
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
		const svg = compactSvg(fs.readFileSync(file, 'utf8'));
		const url = `data:image/svg+xml,${encodeURIComponent(svg).replace(/%20/g, ' ').replace(/%3D/g, '=').replace(/%2F/g, '/').replace(/%3A/g, ':').replace(/%27/g, "'")}`;
		return `.codicon-${name}{--codicon:url("${url}")}`;
	});
	return [
		`/* Icons from @vscode/codicons ${version} (https://github.com/microsoft/vscode-codicons), © Microsoft Corporation,`,
		`   licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Only the icons used, as masks. */`,
		`.codicon{display:inline-block;width:16px;height:16px;flex:none;vertical-align:text-bottom;background-color:currentColor;`,
		`-webkit-mask:var(--codicon) center/16px 16px no-repeat;mask:var(--codicon) center/16px 16px no-repeat}`,
		...rules,
		'',
	].join('\n');
}

async function buildAll() {
	fs.mkdirSync(dist, { recursive: true });
	// Earlier builds had a file of their own for the icon styles and a third host bundle.
	fs.rmSync(path.join(dist, 'codicons'), { recursive: true, force: true });
	fs.rmSync(path.join(dist, 'rare.js'), { force: true });
	fs.rmSync(path.join(dist, 'rare.js.map'), { force: true });
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
