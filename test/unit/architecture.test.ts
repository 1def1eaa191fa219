// The architecture's rules, checked: no import cycle anywhere in src/ (the checker is proven on a tree that has one),
// and every setting's default in package.json equals the one the code falls back to (shared/settingDefaults.ts).
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SETTING_DEFAULTS } from '../../src/shared/settingDefaults';

const root = path.resolve(__dirname, '../../..');
// scripts/ is plain JS shared with the npm scripts; it is not part of the TypeScript program.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findImportCycles } = require(path.join(root, 'scripts', 'checkImportCycles.js')) as {
	findImportCycles: (dirs: string[], root?: string) => string[][];
};

describe('architecture', () => {
	it('has no import cycle in src/', () => {
		assert.deepStrictEqual(findImportCycles(['src'], root), []);
	});

	it('finds a cycle when there is one, type-only and re-exports included', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sochat-cycles-'));
		try {
			fs.mkdirSync(path.join(dir, 'src', 'a'), { recursive: true });
			fs.mkdirSync(path.join(dir, 'src', 'b'), { recursive: true });
			fs.writeFileSync(path.join(dir, 'src', 'a', 'x.ts'), "import { type Y } from '../b/y';\nexport type X = Y;\n");
			fs.writeFileSync(path.join(dir, 'src', 'b', 'y.ts'), "export * from './z';\nexport type Y = string;\n");
			fs.writeFileSync(path.join(dir, 'src', 'b', 'z.ts'), "import { type X } from '../a/x';\nexport type Z = X;\n");
			fs.writeFileSync(path.join(dir, 'src', 'b', 'free.ts'), "import { type Y } from './y';\nexport type F = Y;\n");
			assert.deepStrictEqual(findImportCycles(['src'], dir), [['src/a/x.ts', 'src/b/y.ts', 'src/b/z.ts', 'src/a/x.ts']]);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('uses the same setting defaults as package.json', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
			contributes: { configuration: Array<{ properties: Record<string, { default?: unknown }> }> };
		};
		const manifest = Object.fromEntries(
			pkg.contributes.configuration
				.flatMap((c) => Object.entries(c.properties))
				.map(([key, p]) => [key.replace(/^superofficeChat\./, ''), p.default]),
		);
		assert.deepStrictEqual(manifest, { ...SETTING_DEFAULTS });
	});
});
