// `npm run bench:activation`: cold activation of the production VSIX against a hello-world floor, each in its own
// fresh code-server session (one measured extension per session), N rounds in alternating order, settle between.
// The split comes from VS Code's own extension-host performance marks (code/extHost/willLoadExtensionCode,
// didLoadExtensionCode, willActivateExtension, didActivateExtension): a tiny probe extension, activated only by a
// keybinding after the measured activation is over, reads them from the host's mark store and writes them to a file.
// BENCH_RUNS (5), BENCH_SETTLE_MS (10000), BENCH_EXTRA_VSIX=a.vsix,b.vsix (e.g. a build of an older commit:
// measured in the same run).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, execSync } = require('node:child_process');
const { chromium } = require('playwright-core');
const host = require('./host');

const root = host.root;
const RUNS = Number(process.env.BENCH_RUNS || 5);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS || 10000);
const PROBE_KEY = 'ctrl+alt+shift+f12';
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const engine = pkg.engines.vscode;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function median(values) {
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Builds the production VSIX (vscode:prepublish runs the production esbuild). */
function buildVsix() {
	const out = path.join(root, 'dist', `${pkg.name}.vsix`);
	execSync(`npx vsce package --no-dependencies -o ${JSON.stringify(out)}`, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	return out;
}

/** A one-file extension `bench.<name>` for this VS Code: its manifest with `activationEvents` and `contributes`, and `code`. */
function writeExtension(dir, name, activationEvents, contributes, code) {
	const manifest = {
		name,
		publisher: 'bench',
		version: '0.0.1',
		engines: { vscode: engine },
		main: './extension.js',
		activationEvents,
		contributes,
	};
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, '\t'));
	fs.writeFileSync(path.join(dir, 'extension.js'), code);
	return dir;
}

/** The floor: what any extension activating on start-up costs (one command, nothing else). */
function floorExtension(dir) {
	return writeExtension(
		dir,
		'hello-floor',
		pkg.activationEvents,
		{ commands: [{ command: 'helloFloor.hello', title: 'Hello World' }] },
		`const vscode = require('vscode');
exports.activate = (context) => {
	context.subscriptions.push(vscode.commands.registerCommand('helloFloor.hello', () => vscode.window.showInformationMessage('Hello World')));
};
exports.deactivate = () => {};
`,
	);
}

/**
 * The floor with this extension's manifest (contributions, translations, media) and a hello-world main: what VS Code itself
 * spends on an extension of this shape, so the rest is the extension's own code.
 */
function manifestFloorExtension(dir) {
	fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
	for (const f of ['package.nls.json', 'media']) fs.cpSync(path.join(root, f), path.join(dir, f), { recursive: true });
	const manifest = { ...pkg, name: 'manifest-floor', publisher: 'bench', version: '0.0.1', scripts: {}, devDependencies: {} };
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, '\t'));
	fs.writeFileSync(path.join(dir, 'dist', 'extension.js'), 'exports.activate = () => {};\nexports.deactivate = () => {};\n');
	return dir;
}

/** The probe: activated by its keybinding only, after the measured extension; copies the host's marks to a file. */
function probeExtension(dir) {
	return writeExtension(
		dir,
		'activation-probe',
		[],
		{
			commands: [{ command: 'activationProbe.collect', title: 'Activation Probe: Collect' }],
			keybindings: [{ command: 'activationProbe.collect', key: PROBE_KEY }],
		},
		`const vscode = require('vscode');
const fs = require('fs');
exports.activate = (context) => {
	context.subscriptions.push(vscode.commands.registerCommand('activationProbe.collect', () => {
		const store = globalThis.MonacoPerformanceMarks;
		const marks = store ? store.getMarks().filter((m) => m.name.startsWith('code/extHost/')) : [];
		fs.writeFileSync(process.env.ACTIVATION_PROBE_OUT, JSON.stringify(marks));
	}));
};
`,
	);
}

/** Unpacks a VSIX the way VS Code installs it: `<publisher>.<name>-<version>` holding the `extension/` folder. */
function unpackVsix(vsix, extensionsDir) {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sochat-vsix-'));
	execFileSync('unzip', ['-q', vsix, 'extension/*', '-d', tmp]);
	const manifest = JSON.parse(fs.readFileSync(path.join(tmp, 'extension', 'package.json'), 'utf8'));
	const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
	fs.renameSync(path.join(tmp, 'extension'), target);
	fs.rmSync(tmp, { recursive: true, force: true });
	return `${manifest.publisher}.${manifest.name}`;
}

/** One fresh session: only `ext` (+ the probe) installed; returns the marks of its activation. */
async function measureOnce(ext, work) {
	const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sochat-bench-'));
	const extensionsDir = path.join(runDir, 'extensions');
	fs.mkdirSync(extensionsDir);
	const id = ext.vsix ? unpackVsix(ext.vsix, extensionsDir) : ext.id;
	if (!ext.vsix) fs.cpSync(ext.dir, path.join(extensionsDir, `${ext.id}-0.0.1`), { recursive: true });
	fs.cpSync(work.probe, path.join(extensionsDir, 'bench.activation-probe-0.0.1'), { recursive: true });
	const out = path.join(runDir, 'marks.json');
	let cs;
	let browser;
	try {
		cs = await host.startCodeServer({
			extensionsDir,
			settings: { ...host.quietSettings, ...work.settings },
			env: { ACTIVATION_PROBE_OUT: out },
		});
		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
			headless: true,
			args: host.chromiumArgs,
		});
		const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
		await page.goto(`${cs.url}/?folder=${encodeURIComponent(work.workspace)}`, { waitUntil: 'domcontentloaded', timeout: 90000 });
		await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
		const key = `code/extHost/didActivateExtension/${id}`;
		const deadline = Date.now() + 90000;
		for (;;) {
			// The probe runs only on its key, so it never competes with the activation being measured.
			await page
				.locator('.monaco-workbench')
				.click({ position: { x: 600, y: 400 } })
				.catch(() => undefined);
			await page.keyboard.press('Control+Alt+Shift+F12');
			const marks = await waitForFile(out, 1500);
			if (marks && marks.some((m) => m.name === key)) return { ...toTimes(marks, id), reason: activationReason(cs.runDir, id) };
			if (Date.now() > deadline) throw new Error(`${id} did not activate within 90 s\n${cs.readLog().slice(-2000)}`);
			await sleep(500);
		}
	} finally {
		await browser?.close().catch(() => undefined);
		await cs?.stop();
		fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
	}
}

async function waitForFile(file, ms) {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		if (fs.existsSync(file)) {
			try {
				const v = JSON.parse(fs.readFileSync(file, 'utf8'));
				fs.rmSync(file);
				return v;
			} catch {
				// half written: read again
			}
		}
		await sleep(100);
	}
	return undefined;
}

/** The activation event, from the extension host's log ("ExtensionService#_doActivateExtension <id>, …"). */
function activationReason(runDir, id) {
	const found = [];
	const walk = (dir) => {
		for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
			const p = path.join(dir, e.name);
			if (e.isDirectory()) walk(p);
			else if (/exthost\.log$/i.test(e.name)) found.push(p);
		}
	};
	try {
		walk(runDir);
	} catch {
		return '?';
	}
	for (const file of found) {
		const line = fs
			.readFileSync(file, 'utf8')
			.split('\n')
			.find((l) => l.includes(`_doActivateExtension ${id},`));
		const m = line && /activationEvent: '([^']*)'/.exec(line);
		if (m) return m[1];
	}
	return '?';
}

function toTimes(marks, id) {
	const at = (what) => marks.find((m) => m.name === `code/extHost/${what}/${id}`)?.startTime;
	const willLoad = at('willLoadExtensionCode');
	const didLoad = at('didLoadExtensionCode');
	const willActivate = at('willActivateExtension');
	const didActivate = at('didActivateExtension');
	return {
		total: didActivate - willLoad,
		require: didLoad - willLoad,
		context: willActivate - didLoad,
		activate: didActivate - willActivate,
		// The extension's own code: compiling and running the bundle, then activate(). The wait between them is
		// VS Code preparing the context (storage, secrets) over IPC, and swings with the machine's load.
		own: didLoad - willLoad + (didActivate - willActivate),
	};
}

function fmt(values) {
	const r = (v) => Math.round(v * 10) / 10;
	return `${r(median(values))} (${r(Math.min(...values))}–${r(Math.max(...values))})`;
}

function sizeKb(file) {
	return fs.existsSync(file) ? `${(fs.statSync(file).size / 1024).toFixed(1)} KB` : '–';
}

async function benchActivation() {
	const work = { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'sochat-bench-work-')) };
	try {
		console.log('building the production VSIX …');
		const vsix = buildVsix();
		work.probe = probeExtension(path.join(work.dir, 'probe'));
		work.workspace = path.join(work.dir, 'workspace');
		fs.mkdirSync(work.workspace);
		fs.writeFileSync(path.join(work.workspace, 'README.md'), '# bench\n');
		// A user with one connection: what the extension does at start-up for a real user (nothing answers there).
		work.settings = {
			'superofficeChat.connections': [
				{ id: 'bench', name: 'Bench', baseUrl: 'http://127.0.0.1:9/Cust1', auth: 'basic', userName: 'bench', allowInsecureHttp: true },
			],
			'superofficeChat.activeConnection': 'bench',
			'keyboard.dispatch': 'keyCode',
		};
		const floorDir = floorExtension(path.join(work.dir, 'floor'));
		const manifestFloorDir = manifestFloorExtension(path.join(work.dir, 'manifest-floor'));
		const subjects = [
			{ name: 'hello-world floor', id: 'bench.hello-floor', dir: floorDir, size: '–', vsixSize: '–' },
			{ name: 'floor with this manifest', id: 'bench.manifest-floor', dir: manifestFloorDir, size: '–', vsixSize: '–' },
			{ name: `${pkg.displayName} (this tree)`, vsix, size: sizeKb(path.join(root, 'dist', 'extension.js')), vsixSize: sizeKb(vsix) },
			...(process.env.BENCH_EXTRA_VSIX || '')
				.split(',')
				.filter(Boolean)
				.map((f) => ({ name: path.basename(f), vsix: path.resolve(f), size: '?', vsixSize: sizeKb(f) })),
		];
		for (const s of subjects) s.runs = [];
		console.log(`${RUNS} rounds × ${subjects.length} sessions, ${SETTLE_MS} ms settle before each (load ${os.loadavg()[0].toFixed(2)})`);
		for (let round = 0; round < RUNS; round++) {
			const order = round % 2 ? [...subjects].reverse() : subjects;
			for (const s of order) {
				await sleep(SETTLE_MS);
				let t;
				try {
					t = await measureOnce(s, work);
				} catch (e) {
					// One retry: a session can fail on a machine shared with other work.
					console.warn(`  ${s.name}: ${e.message.split('\n')[0]}; retrying once`);
					await sleep(SETTLE_MS);
					t = await measureOnce(s, work);
				}
				s.runs.push(t);
				console.log(
					`  round ${round + 1} ${s.name}: ${t.total} ms (require ${t.require}, context ${t.context}, activate() ${t.activate}; on ${t.reason})`,
				);
			}
		}
		const floor = median(subjects[0].runs.map((r) => r.total));
		const rows = subjects.map((s) => {
			const pick = (k) => s.runs.map((r) => r[k]);
			const m = median(pick('total'));
			return [
				s.name,
				s.size,
				s.vsixSize,
				fmt(pick('total')),
				`${median(pick('require'))} / ${median(pick('context'))} / ${median(pick('activate'))}`,
				`${(m / floor).toFixed(2)}× (+${(m - floor).toFixed(1)} ms)`,
				fmt(pick('own')),
			];
		});
		const headers = [
			'extension',
			'main bundle',
			'VSIX',
			'activation ms median (min–max)',
			'require / context / activate()',
			'vs floor',
			'own code (require + activate()) median (min–max)',
		];
		console.log(`\n| ${headers.join(' | ')} |\n|${headers.map(() => '---').join('|')}|`);
		for (const r of rows) console.log(`| ${r.join(' | ')} |`);
		const mine = subjects.find((x) => x.vsix === vsix);
		const ours = median(mine.runs.map((r) => r.total));
		console.log(`\ngoal: ≤ floor + 10 ms → ${ours <= floor + 10 ? 'met' : 'NOT met'} (${(ours - floor).toFixed(1)} ms over the floor)`);
		const ownFloor = median(subjects[0].runs.map((r) => r.own));
		const own = median(mine.runs.map((r) => r.own));
		console.log(`own code: ${own} ms against the floor's ${ownFloor} ms (+${(own - ownFloor).toFixed(1)} ms)`);
		return { subjects, floor, ours };
	} finally {
		fs.rmSync(work.dir, { recursive: true, force: true });
	}
}

module.exports = { benchActivation, median };

if (require.main === module) {
	benchActivation().catch((e) => {
		console.error(e);
		process.exitCode = 1;
	});
}
