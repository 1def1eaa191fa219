// Runs the e2e scenarios (out/test/e2e/**/*.test.js) with mocha from plain Node. Each scenario launches its own
// workbench; a failing test leaves a screenshot in test-results/. Writes `N passed, N failed` to TEST_RESULT_FILE.
//   E2E_GREP=<text> runs matching tests only; E2E_DEBUG=1 echoes code-server's and the browser's logs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { closeAllWorkbenches, openWorkbenches } from './lib/workbench';

function findTestFiles(dir: string): string[] {
	const files: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory() && entry.name !== 'lib') files.push(...findTestFiles(full));
		else if (entry.isFile() && entry.name.endsWith('.test.js')) files.push(full);
	}
	return files.sort();
}

function report(passed: number, failed: number): void {
	const line = `${passed} passed, ${failed} failed`;
	console.log(`[e2e] ${line}`);
	if (process.env.TEST_RESULT_FILE) fs.writeFileSync(process.env.TEST_RESULT_FILE, line + '\n');
}

async function main(): Promise<number> {
	// On CI a UI test gets one more try: a loaded 2-core runner can miss a toast or a quick pick by a frame. A test that
	// fails twice still fails; locally (no CI) nothing is retried, so flakiness stays visible. E2E_RETRIES overrides.
	const retries = Number(process.env.E2E_RETRIES ?? (process.env.CI ? 1 : 0));
	const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120000, slow: 30000, bail: false, reporter: 'spec', retries });
	if (process.env.E2E_GREP) mocha.grep(process.env.E2E_GREP);
	const files = findTestFiles(__dirname);
	if (files.length === 0) {
		console.error('[e2e] no scenarios found');
		report(0, 1);
		return 1;
	}
	for (const file of files) mocha.addFile(file);
	await mocha.loadFilesAsync();
	const failures = await new Promise<number>((resolve) => {
		const runner = mocha.run((n) => {
			report(runner.stats?.passes ?? 0, n);
			resolve(n);
		});
		// A screenshot of every open workbench when a test or hook fails: what the user would have seen.
		// close() waits for these, so an `after` hook cannot pull the browser away mid-shot.
		runner.on('fail', (runnable) => {
			for (const wb of openWorkbenches) {
				void wb.screenshot(`failed-${runnable.fullTitle()}`).then(
					(file) => console.log(`    screenshot: ${path.relative(process.cwd(), file)}`),
					() => undefined,
				);
			}
		});
	});
	await closeAllWorkbenches();
	return failures > 0 ? 1 : 0;
}

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
	process.on(sig, () => {
		if (stopping) return; // a second Ctrl+C must not cut the cleanup short
		stopping = true;
		void closeAllWorkbenches().finally(() => process.exit(130));
	});
}

main().then(
	// Exit explicitly: a scenario that leaked a handle must not hang the pipeline.
	(code) => process.exit(code),
	async (e: unknown) => {
		console.error('[e2e]', e);
		report(0, 1);
		await closeAllWorkbenches();
		process.exit(1);
	},
);
