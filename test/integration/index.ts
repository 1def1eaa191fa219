// Runs INSIDE the extension host (loaded through --extensionTestsPath): mocha over every
// out/test/integration/suite/**/*.test.js. Writes `N passed, N failed` to TEST_RESULT_FILE for scripts/test-all.js.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function findTestFiles(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	const files: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) files.push(...findTestFiles(full));
		else if (entry.name.endsWith('.test.js')) files.push(full);
	}
	return files.sort();
}

function report(tier: string, passed: number, failed: number): void {
	const line = `${passed} passed, ${failed} failed`;
	console.log(`[${tier}] ${line}`);
	const file = process.env.TEST_RESULT_FILE;
	if (file) fs.writeFileSync(file, line + '\n');
}

export function run(): Promise<void> {
	const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000, reporter: 'spec' });
	if (process.env.MOCHA_GREP) mocha.grep(process.env.MOCHA_GREP);
	const files = findTestFiles(path.join(__dirname, 'suite'));
	for (const file of files) mocha.addFile(file);
	return new Promise((resolve, reject) => {
		try {
			const runner = mocha.run((failures) => {
				report('integration', runner.stats?.passes ?? 0, failures);
				if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
				else if (files.length === 0) reject(new Error('no integration suites found'));
				else resolve();
			});
		} catch (e) {
			// A suite that cannot even be loaded counts as a failure.
			report('integration', 0, 1);
			reject(e instanceof Error ? e : new Error(String(e)));
		}
	});
}
