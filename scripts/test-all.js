// `npm test`: build, compile the tests, then the unit, integration and e2e tiers. Every tier runs even when an
// earlier one failed (only a failed build stops the run), and the output ends with exactly one line
// `N passed, N failed`, the sums over all tiers. A tier that crashes counts as at least one failure.
//   TIERS=unit,integration npm test    runs a subset (any of: unit, integration, e2e)
// Each tier writes its own count line to the file named by TEST_RESULT_FILE.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const firstRun = require('./firstRun');

const root = path.resolve(__dirname, '..');
const ALL_TIERS = ['unit', 'integration', 'e2e'];
const COUNT_LINE = /(\d+) passed, (\d+) failed/;

function run(command, args, env = {}) {
	return new Promise((resolve) => {
		const child = spawn(command, args, {
			cwd: root,
			stdio: 'inherit',
			env: { ...process.env, ...env },
			shell: process.platform === 'win32',
		});
		child.once('error', (e) => {
			console.error(`${command}: ${e.message}`);
			resolve(127);
		});
		child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
	});
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

function banner(text) {
	console.log(`\n=== ${text} ===`);
}

// --- the pipeline ---

async function runTier(name, command, args, resultDir) {
	const resultFile = path.join(resultDir, `${name}.txt`);
	const started = Date.now();
	// mocha's ✔ comes from log-symbols, which colours itself under CI=true despite `color: false`; NO_COLOR stops it.
	const code = await run(command, args, { TEST_RESULT_FILE: resultFile, NO_COLOR: process.env.NO_COLOR ?? '1' });
	const ms = Date.now() - started;
	const m = fs.existsSync(resultFile) ? COUNT_LINE.exec(fs.readFileSync(resultFile, 'utf8')) : null;
	let passed = m ? Number(m[1]) : 0;
	let failed = m ? Number(m[2]) : 0;
	let note = '';
	if (!m) {
		note = `crashed before reporting (exit code ${code})`;
		failed = Math.max(failed, 1);
	} else if (code !== 0 && failed === 0) {
		note = `exit code ${code}`;
		failed = 1;
	}
	if (!Number.isFinite(passed)) passed = 0;
	return { name, passed, failed, ms, note };
}

function parseTiers() {
	const raw = process.env.TIERS;
	if (!raw) return ALL_TIERS;
	const asked = raw
		.split(',')
		.map((t) => t.trim())
		.filter(Boolean);
	const unknown = asked.filter((t) => !ALL_TIERS.includes(t));
	if (unknown.length) {
		console.error(`Unknown tier(s) in TIERS: ${unknown.join(', ')} (known: ${ALL_TIERS.join(', ')})`);
		process.exit(2);
	}
	return ALL_TIERS.filter((t) => asked.includes(t));
}

function printSummary(rows, total) {
	banner('Summary');
	for (const r of rows) {
		const result = r.step ? (r.ok ? 'ok' : 'FAILED') : `${r.passed} passed, ${r.failed} failed`;
		console.log(`${r.name.padEnd(12)} ${result.padEnd(24)} ${seconds(r.ms).padStart(7)}${r.note ? `  ${r.note}` : ''}`);
	}
	console.log(`${'total'.padEnd(12)} ${''.padEnd(24)} ${seconds(total).padStart(7)}`);
}

async function main() {
	const tiers = parseTiers();
	const started = Date.now();
	// Ctrl+C reaches the running tier too, which stops its own servers and browsers; wait for it, then stop.
	let interrupted = false;
	process.on('SIGINT', () => {
		interrupted = true;
	});
	const rows = [];
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const step = async (name, args) => {
		banner(name);
		const t = Date.now();
		const code = await run(npm, args);
		const row = { name, step: true, ok: code === 0, ms: Date.now() - t, passed: 0, failed: code === 0 ? 0 : 1 };
		rows.push(row);
		return row;
	};

	// A fresh clone: install what is missing before any test, or stop with one line that says what to run.
	const needsHost = tiers.includes('e2e') || (tiers.includes('integration') && !process.env.VSCODE_EXECUTABLE);
	if (!firstRun.ensureDependencies() || (needsHost && !firstRun.ensureHost({ needsBrowser: true }))) {
		console.log('0 passed, 1 failed');
		return 1;
	}

	const build = await step('build', ['run', 'build']);
	if (!build.ok) {
		printSummary(rows, Date.now() - started);
		console.log('0 passed, 1 failed');
		return 1;
	}
	// tsc still emits when it reports type errors, so the tiers can run; the errors count as one failure.
	await step('compile', ['run', 'compile-tests']);

	const resultDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sochat-test-all-'));
	try {
		// Each tier is mocha with a config file of its own and the one count reporter (scripts/mochaCountReporter.js).
		const mocha = require.resolve('mocha/bin/mocha.js', { paths: [root] });
		const grep = process.env.MOCHA_GREP ? ['--grep', process.env.MOCHA_GREP] : [];
		const commands = {
			unit: [process.execPath, [mocha, '--config', 'test/unit/.mocharc.json', ...grep]],
			integration: [
				process.execPath,
				[path.join(root, 'node_modules', '@vscode', 'test-cli', 'out', 'bin.mjs'), '--config', '.vscode-test.mjs'],
			],
			e2e: [process.execPath, [mocha, '--config', 'test/e2e/.mocharc.js']],
		};
		for (const tier of tiers) {
			if (interrupted) break;
			banner(`${tier} tier`);
			rows.push(await runTier(tier, ...commands[tier], resultDir));
		}
	} finally {
		fs.rmSync(resultDir, { recursive: true, force: true });
	}

	if (interrupted) rows.push({ name: 'interrupted', step: true, ok: false, ms: 0, passed: 0, failed: 1 });
	const passed = rows.reduce((n, r) => n + r.passed, 0);
	const failed = rows.reduce((n, r) => n + r.failed, 0);
	printSummary(rows, Date.now() - started);
	console.log(`${passed} passed, ${failed} failed`);
	return failed > 0 ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(e) => {
		console.error(e);
		console.log('0 passed, 1 failed');
		process.exit(1);
	},
);
