// What loads at activation (docs/ARCHITECTURE.md "What loads when, and why"), checked on the build's own record
// (dist/meta.json): Online sign-in, Check Connection, the chat view and the command bodies stay out of
// dist/extension.js, no module is bundled twice, and every palette command has its stand-in at activation.
import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

interface Meta {
	outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }>; imports: { path: string; external?: boolean }[] }>;
}

describe('bundles (what loads when)', function () {
	this.timeout(60000);
	let meta: Record<string, Meta>;
	const held = (chunk: string): string[] => {
		const out = Object.entries(meta[chunk].outputs).find(([file]) => file.endsWith('.js'))?.[1];
		return Object.entries(out?.inputs ?? {})
			.filter(([file, v]) => file.startsWith('src/') && v.bytesInOutput > 0)
			.map(([file]) => file);
	};

	before(() => {
		const file = path.join(root, 'dist', 'meta.json');
		if (!fs.existsSync(file)) execFileSync(process.execPath, ['esbuild.js'], { cwd: root });
		meta = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Meta>;
	});

	it('keeps Online sign-in, its loopback listener and id_token checks, and Check Connection out of activation', () => {
		const atActivation = held('extension');
		for (const rare of [
			'src/online/loopback.ts',
			'src/online/idToken.ts',
			'src/online/signInFlow.ts',
			'src/online/discovery.ts',
			'src/signIn/onlineSignIn.ts',
			'src/diagnostics/connectionCheck.ts',
			'src/diagnostics/nodeProbes.ts',
			'src/commands/connectionCheckFlow.ts',
		]) {
			assert.ok(!atActivation.includes(rare), `${rare} is loaded at activation`);
			assert.ok(held('features').includes(rare), `${rare} is not in dist/features.js`);
		}
		const external = Object.values(meta.extension.outputs).flatMap((o) => o.imports.map((i) => i.path));
		for (const m of ['node:http', 'node:dns', 'node:tls', 'node:net']) assert.ok(!external.includes(m), `extension.js requires ${m}`);
	});

	it('keeps the chat view, the live model, the API client and the command bodies out of activation', () => {
		const atActivation = held('extension');
		for (const f of [
			'src/views/chatViewProvider.ts',
			'src/views/liveSessions.ts',
			'src/live/livePoller.ts',
			'src/api/chatClient.ts',
			'src/api/http.ts',
		]) {
			assert.ok(!atActivation.includes(f), `${f} is loaded at activation`);
		}
		assert.deepStrictEqual(
			atActivation.filter((f) => f.startsWith('src/commands/')),
			['src/commands/registerCommands.ts'],
		);
	});

	it('bundles every module once', () => {
		const seen = new Map<string, string>();
		for (const chunk of Object.keys(meta)) {
			for (const f of held(chunk)) {
				assert.ok(!seen.has(f), `${f} is in both ${seen.get(f)}.js and ${chunk}.js`);
				seen.set(f, chunk);
			}
		}
	});

	it('has a stand-in at activation and a registration on first use for every palette command', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
			contributes: { commands: { command: string }[] };
		};
		const ids = fs.readFileSync(path.join(root, 'src', 'core', 'commandIds.ts'), 'utf8');
		const idOf = (key: string): string | undefined => new RegExp(`\\b${key}: '([^']+)'`).exec(ids)?.[1];
		const keys = (file: string, re: RegExp): string[] =>
			[...fs.readFileSync(path.join(root, 'src', ...file.split('/')), 'utf8').matchAll(re)].map((m) => idOf(m[1]) ?? `?${m[1]}`);
		const standIns = keys('commands/registerCommands.ts', /^\tCommandId\.(\w+),$/gm);
		const registered = keys('commands/commandRegistrations.ts', /^\t\[CommandId\.(\w+)\]:/gm);
		const view = keys('views/registerChatView.ts', /CommandId\.(\w+)/g);
		assert.deepStrictEqual([...standIns].sort(), [...registered].sort());
		assert.deepStrictEqual([...standIns, ...view].sort(), pkg.contributes.commands.map((c) => c.command).sort());
	});
});
