// Launches the integration suites in a real VS Code through @vscode/test-electron. Which VS Code is decided in
// scripts/host.js (code-server shim here; a desktop VS Code with VSCODE_EXECUTABLE). Each run gets a fresh
// user-data dir, extensions dir and a copy of the workspace fixture.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

interface IntegrationHost {
	kind: 'code-server' | 'desktop' | 'download';
	vscodeExecutablePath: string | undefined;
	env: Record<string, string>;
}
interface HostModule {
	integrationHost(): IntegrationHost;
	writeUserSettings(userDataDir: string, settings: Record<string, unknown>): string;
	quietSettings: Record<string, unknown>;
}

const root = path.resolve(__dirname, '../../..');
// scripts/host.js is plain JS shared with the npm scripts; it is not part of the TypeScript program.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const host = require(path.join(root, 'scripts', 'host.js')) as HostModule;

async function main(): Promise<number> {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sochat-it-'));
	try {
		const workspace = path.join(tmp, 'workspace');
		fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
		const userDataDir = path.join(tmp, 'user-data');
		// Written here (not only by the shim) so a desktop VS Code gets the same quiet defaults.
		host.writeUserSettings(userDataDir, host.quietSettings);
		const chosen = host.integrationHost();
		console.log(`[integration] host: ${chosen.kind}${chosen.vscodeExecutablePath ? ` (${chosen.vscodeExecutablePath})` : ''}`);
		await runTests({
			vscodeExecutablePath: chosen.vscodeExecutablePath,
			extensionDevelopmentPath: root,
			extensionTestsPath: path.join(__dirname, 'index.js'),
			launchArgs: [workspace, `--user-data-dir=${userDataDir}`, `--extensions-dir=${path.join(tmp, 'extensions')}`],
			extensionTestsEnv: {
				...chosen.env,
				SUPEROFFICE_CHAT_TEST_ROOT: root,
				SUPEROFFICE_CHAT_TEST_WORKSPACE: workspace,
			},
		});
		return 0;
	} catch (e) {
		console.error(`[integration] ${e instanceof Error ? e.message : String(e)}`);
		return 1;
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
	}
}

void main().then((code) => process.exit(code));
