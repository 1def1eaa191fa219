// Fails when the relative imports of a source tree form a cycle (a → b → … → a), type-only imports included: the
// layer rules in eslint.config.mjs keep imports running downward between folders, this catches cycles anywhere.
//   node scripts/checkImportCycles.js [dir ...]     (default: src)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');

function sourceFiles(dir) {
	const out = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...sourceFiles(full));
		else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
	}
	return out;
}

/** The relative module specifiers a file imports or re-exports (static and dynamic). */
function importsOf(text) {
	const ts = require('typescript');
	return ts
		.preProcessFile(text, true, true)
		.importedFiles.map((f) => f.fileName)
		.filter((name) => name.startsWith('.'));
}

function resolve(from, spec) {
	const base = path.resolve(path.dirname(from), spec);
	for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
		if (fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

/** Every import cycle among the .ts files under `dirs`, each as a list of paths relative to `root` (a → … → a). */
function findImportCycles(dirs, root = process.cwd()) {
	const files = dirs.flatMap((d) => sourceFiles(path.resolve(root, d)));
	const graph = new Map(
		files.map((f) => [
			f,
			[
				...new Set(
					importsOf(fs.readFileSync(f, 'utf8'))
						.map((s) => resolve(f, s))
						.filter(Boolean),
				),
			],
		]),
	);
	// Tarjan's strongly connected components; any component of more than one file (or a self-import) is a cycle.
	let index = 0;
	const idx = new Map();
	const low = new Map();
	const stack = [];
	const onStack = new Set();
	const cycles = [];
	const visit = (v) => {
		idx.set(v, index);
		low.set(v, index++);
		stack.push(v);
		onStack.add(v);
		for (const w of graph.get(v) ?? []) {
			if (!graph.has(w)) continue;
			if (!idx.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v), low.get(w)));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
		}
		if (low.get(v) !== idx.get(v)) return;
		const component = [];
		let w;
		do {
			w = stack.pop();
			onStack.delete(w);
			component.push(w);
		} while (w !== v);
		if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(cyclePath(component, graph));
	};
	for (const f of graph.keys()) if (!idx.has(f)) visit(f);
	return cycles.map((c) => c.map((f) => path.relative(root, f).split(path.sep).join('/')));
}

/** One concrete loop through a strongly connected component, for the message. */
function cyclePath(component, graph) {
	const members = new Set(component);
	const start = [...component].sort()[0];
	const seen = new Map([[start, null]]);
	const queue = [start];
	while (queue.length) {
		const v = queue.shift();
		for (const w of graph.get(v) ?? []) {
			if (w === start) {
				const loop = [start];
				for (let x = v; x !== start; x = seen.get(x)) loop.splice(1, 0, x);
				return [...loop, start];
			}
			if (members.has(w) && !seen.has(w)) {
				seen.set(w, v);
				queue.push(w);
			}
		}
	}
	return [start, start];
}

if (require.main === module) {
	const { positionals } = parseArgs({ allowPositionals: true });
	const cycles = findImportCycles(positionals.length ? positionals : ['src']);
	for (const c of cycles) console.error(`import cycle: ${c.join(' → ')}`);
	if (cycles.length) process.exit(1);
	console.log('no import cycles');
}

module.exports = { findImportCycles };
