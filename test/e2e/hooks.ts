// Root hooks of the e2e tier (loaded by test/e2e/.mocharc.js): a screenshot of every open workbench when a test
// fails — what the user would have seen — and no workbench left running after the run or on Ctrl+C.
import * as path from 'node:path';
import type { Context } from 'mocha';
import { closeAllWorkbenches, openWorkbenches } from './lib/workbench';

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
	process.on(sig, () => {
		if (stopping) return; // a second Ctrl+C must not cut the cleanup short
		stopping = true;
		void closeAllWorkbenches().finally(() => process.exit(130));
	});
}

export const mochaHooks = {
	async afterEach(this: Context): Promise<void> {
		const test = this.currentTest;
		if (test?.state !== 'failed') return;
		for (const wb of openWorkbenches) {
			try {
				const file = await wb.screenshot(`failed-${test.fullTitle()}`);
				console.log(`    screenshot: ${path.relative(process.cwd(), file)}`);
			} catch {
				// the workbench may be gone already
			}
		}
	},
	async afterAll(): Promise<void> {
		await closeAllWorkbenches();
	},
};
