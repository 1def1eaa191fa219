// Lints package.json as VS Code will read it: ids, titles, localisation keys, menus and the engine the test host
// can run. A mistake here shows up to users as a raw `%key%`, a missing menu entry or an extension that never loads.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const readJson = (file: string): Record<string, unknown> =>
	JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;

interface Command {
	command: string;
	title: string;
	category?: string;
}
interface MenuItem {
	command?: string;
	submenu?: string;
}
interface Contributes {
	commands: Command[];
	menus: Record<string, MenuItem[]>;
	keybindings: Array<{ command: string }>;
	viewsContainers: Record<string, Array<{ id: string; title: string }>>;
	views: Record<string, Array<{ id: string; name: string }>>;
	viewsWelcome: Array<{ view: string; contents: string }>;
	configuration: Array<{ id: string; title: string; order?: number; properties: Record<string, { order?: number }> }>;
	walkthroughs: Array<{
		id: string;
		steps: Array<{ id: string; title: string; description: string; media: { svg?: string; altText?: string }; completionEvents?: string[] }>;
	}>;
}

const PREFIX = 'superofficeChat.';
/** The newest VS Code the test host (code-server 4.139.1) runs; a newer engine makes the extension silently not load. */
const HOST_VSCODE = [1, 139] as const;

const pkg = readJson('package.json');
const nls = readJson('package.nls.json') as Record<string, string>;
const contributes = pkg.contributes as Contributes;

/** Every string anywhere in the object, with its JSON path. */
function strings(value: unknown, at = ''): Array<{ at: string; text: string }> {
	if (typeof value === 'string') return [{ at, text: value }];
	if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
	if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
	return [];
}

/** Every setting, from all the titled sections of `contributes.configuration`. */
const settings = (): Record<string, { order?: number }> => Object.assign({}, ...contributes.configuration.map((c) => c.properties));

/** VS Code's own commands that our strings link to. */
const BUILT_IN_COMMANDS = new Set(['workbench.action.openSettings']);

const nlsKey = (text: string): string | undefined => /^%([^%\s]+)%$/.exec(text)?.[1];

/** [major, minor, patch] of `^1.138.0`, `>=1.2.3`, `1.138.0`. */
function version(spec: string): [number, number, number] {
	const m = /(\d+)\.(\d+)\.(\d+)/.exec(spec);
	assert.ok(m, `not a version: ${spec}`);
	return [Number(m[1]), Number(m[2]), Number(m[3])];
}
const compare = (a: readonly number[], b: readonly number[]): number => a[0] - b[0] || a[1] - b[1] || (a[2] ?? 0) - (b[2] ?? 0);

describe('package.json manifest', () => {
	const declared = new Set(contributes.commands.map((c) => c.command));

	it('declares every command with a prefixed id, a %key% title that exists and a category', () => {
		assert.ok(contributes.commands.length > 0);
		for (const c of contributes.commands) {
			assert.ok(c.command.startsWith(PREFIX), `${c.command}: id must start with ${PREFIX}`);
			const key = nlsKey(c.title);
			assert.ok(key, `${c.command}: title must be a %key%, not "${c.title}"`);
			assert.ok(key in nls, `${c.command}: title key ${key} is missing from package.nls.json`);
			assert.ok(c.category, `${c.command}: category missing`);
		}
	});

	it('declares each command id once', () => {
		const ids = contributes.commands.map((c) => c.command);
		assert.deepStrictEqual(
			ids.filter((id, i) => ids.indexOf(id) !== i),
			[],
		);
	});

	it('points every menu entry and keybinding at a declared command', () => {
		const refs = [
			...Object.entries(contributes.menus ?? {}).flatMap(([menu, items]) =>
				items.filter((i) => i.command).map((i) => ({ where: `menus.${menu}`, command: i.command! })),
			),
			...(contributes.keybindings ?? []).map((k) => ({ where: 'keybindings', command: k.command })),
		];
		assert.ok(refs.length > 0);
		const dangling = refs.filter((r) => !declared.has(r.command)).map((r) => `${r.where}: ${r.command}`);
		assert.deepStrictEqual(dangling, []);
	});

	it('points every command: link in the localised strings at a declared command, a view of ours or a listed built-in', () => {
		const views = new Set(
			Object.values(contributes.views)
				.flat()
				.map((v) => `${v.id}.focus`),
		);
		const links = Object.values(nls).flatMap((text) => [...text.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]));
		assert.ok(links.length > 0);
		assert.deepStrictEqual(
			links.filter((id) => !declared.has(id) && !views.has(id) && !BUILT_IN_COMMANDS.has(id)),
			[],
		);
	});

	it('has every %key% used anywhere in package.json in package.nls.json', () => {
		const used = strings(pkg).filter((s) => nlsKey(s.text));
		assert.ok(used.length > 0);
		const missing = used.filter((s) => !(nlsKey(s.text)! in nls)).map((s) => `${s.at}: ${s.text}`);
		assert.deepStrictEqual(missing, []);
	});

	it('uses every key of package.nls.json', () => {
		const used = new Set(
			strings(pkg)
				.map((s) => nlsKey(s.text))
				.filter(Boolean),
		);
		assert.deepStrictEqual(
			Object.keys(nls).filter((k) => !used.has(k)),
			[],
		);
	});

	it('prefixes view containers, views and settings', () => {
		for (const c of Object.values(contributes.viewsContainers).flat()) {
			assert.ok(c.id === 'superofficeChat' || c.id.startsWith(PREFIX), `view container ${c.id}`);
		}
		const views = Object.values(contributes.views).flat();
		assert.ok(views.length > 0);
		for (const v of views) assert.ok(v.id.startsWith(PREFIX), `view ${v.id}`);
		const keys = Object.keys(settings());
		assert.ok(keys.length > 0);
		for (const s of keys) assert.ok(s.startsWith(PREFIX), `setting ${s}`);
	});

	it('gives welcome content only to declared views', () => {
		const viewIds = new Set(
			Object.values(contributes.views)
				.flat()
				.map((v) => v.id),
		);
		assert.deepStrictEqual(
			contributes.viewsWelcome.map((w) => w.view).filter((id) => !viewIds.has(id)),
			[],
		);
	});

	it('activates after start-up (to watch for customers; activate() does no I/O), from the bundled entry point', () => {
		assert.deepStrictEqual(pkg.activationEvents, ['onStartupFinished']);
		assert.strictEqual(pkg.main, './dist/extension.js');
	});

	it('targets a VS Code no newer than the test host, with @types/vscode no newer than the engine', () => {
		const engines = pkg.engines as Record<string, string>;
		const engine = version(engines.vscode);
		assert.ok(
			compare(engine, [...HOST_VSCODE, Number.MAX_SAFE_INTEGER]) <= 0,
			`engines.vscode ${engines.vscode} is newer than ${HOST_VSCODE.join('.')}`,
		);
		const declaredTypes = (pkg.devDependencies as Record<string, string>)['@types/vscode'];
		assert.ok(declaredTypes, '@types/vscode is not a devDependency');
		assert.ok(
			compare(version(declaredTypes), engine) <= 0,
			`@types/vscode ${declaredTypes} is newer than engines.vscode ${engines.vscode}`,
		);
		const installed = path.join(root, 'node_modules', '@types', 'vscode', 'package.json');
		if (fs.existsSync(installed)) {
			const v = (JSON.parse(fs.readFileSync(installed, 'utf8')) as { version: string }).version;
			assert.ok(compare(version(v), engine) <= 0, `installed @types/vscode ${v} is newer than engines.vscode ${engines.vscode}`);
		}
	});
});
