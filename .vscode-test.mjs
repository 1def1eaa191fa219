// The integration tier, as @vscode/test-cli runs it (`npx vscode-test`, or `npm test` through scripts/test-all.js):
// mocha inside a real VS Code extension host. Which VS Code is decided in scripts/host.js — the code-server shim here
// (desktop VS Code cannot be downloaded on these machines), a desktop VS Code with VSCODE_EXECUTABLE=/path/to/code,
// or @vscode/test-electron's own download with VSCODE_EXECUTABLE=download. Each run gets a fresh user-data dir,
// extensions dir and copy of the workspace fixture. MOCHA_GREP runs matching tests only.
import { defineConfig } from '@vscode/test-cli';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const host = require('./scripts/host.js');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sochat-it-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
const userDataDir = path.join(tmp, 'user-data');
// Written here (not only by the shim) so a desktop VS Code gets the same quiet defaults.
host.writeUserSettings(userDataDir, host.quietSettings);
const chosen = host.integrationHost();
console.log(`[integration] host: ${chosen.kind}${chosen.vscodeExecutablePath ? ` (${chosen.vscodeExecutablePath})` : ''}`);

// The reporter extends the Spec reporter of the mocha that runs the tests (test-cli's own copy).
const runnerMocha = require.resolve('mocha', { paths: [path.join(root, 'node_modules', '@vscode', 'test-cli')] });

export default defineConfig({
	label: 'integration',
	files: 'out/test/integration/suite/**/*.test.js',
	extensionDevelopmentPath: root,
	...(chosen.vscodeExecutablePath ? { useInstallation: { fromPath: chosen.vscodeExecutablePath } } : {}),
	launchArgs: [workspace, `--user-data-dir=${userDataDir}`, `--extensions-dir=${path.join(tmp, 'extensions')}`],
	env: {
		...chosen.env,
		SUPEROFFICE_CHAT_TEST_ROOT: root,
		SUPEROFFICE_CHAT_TEST_WORKSPACE: workspace,
		MOCHA_REPORTER_MOCHA: runnerMocha,
	},
	mocha: {
		ui: 'bdd',
		color: false,
		timeout: 20000,
		reporter: path.join(root, 'scripts', 'mochaCountReporter.js'),
		reporterOption: { tier: 'integration' },
		...(process.env.MOCHA_GREP ? { grep: process.env.MOCHA_GREP } : {}),
	},
});
