// The webview's icon masks carry each codicon's path data written short (scripts/svgPath.js): the same segments, every
// point within 1/20 of a grid unit (0.05 px at 16 px) of the original, checked on every codicon.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');

interface Segment {
	cmd: string;
	args: number[];
}
interface SvgPath {
	absoluteSegments(d: string): Segment[];
	compactPath(d: string, precision?: number): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const svgPath = require(path.join(root, 'scripts', 'svgPath.js')) as SvgPath;

/** Each segment as its end point and control points in absolute coordinates (H and V become lines). */
function points(d: string): { cmd: string; xy: number[] }[] {
	let x = 0;
	let y = 0;
	return svgPath.absoluteSegments(d).map(({ cmd, args }) => {
		const seg =
			cmd === 'H'
				? { cmd: 'L', xy: [args[0], y] }
				: cmd === 'V'
					? { cmd: 'L', xy: [x, args[0]] }
					: cmd === 'A'
						? { cmd, xy: [args[0], args[1], args[2], args[3], args[4], args[5], args[6]] }
						: { cmd, xy: args };
		if (cmd !== 'Z') [x, y] = seg.xy.slice(-2);
		return seg;
	});
}

function assertSameShape(original: string, compact: string, tolerance: number): void {
	const a = points(original);
	const b = points(compact);
	assert.deepStrictEqual(
		b.map((s) => s.cmd),
		a.map((s) => s.cmd),
		'the same segments',
	);
	a.forEach((seg, i) => {
		seg.xy.forEach((v, k) => {
			assert.ok(Math.abs(v - b[i].xy[k]) <= tolerance + 1e-9, `segment ${i} (${seg.cmd}) value ${k}: ${v} became ${b[i].xy[k]}`);
		});
	});
}

describe('Icon path data (scripts/svgPath.js)', () => {
	it('keeps every codicon within 0.05 of its grid, in fewer characters', () => {
		const icons = path.join(root, 'node_modules', '@vscode', 'codicons', 'src', 'icons');
		let before = 0;
		let after = 0;
		for (const file of fs.readdirSync(icons).filter((f) => f.endsWith('.svg'))) {
			const svg = fs.readFileSync(path.join(icons, file), 'utf8');
			for (const [, d] of svg.matchAll(/ d="([^"]*)"/g)) {
				const compact = svgPath.compactPath(d);
				assertSameShape(d, compact, 0.05);
				before += d.length;
				after += compact.length;
			}
		}
		assert.ok(before > 100000, `only ${before} characters of path data found`);
		assert.ok(after < before * 0.75, `${after} characters against ${before}`);
	});

	it('reads every command, relative or absolute, with implicit repeats, and writes numbers that do not run together', () => {
		const d = 'M1 1 2 2m1 0l1 1 1 1h2v-2H0V0c1 1 2 2 3 3s1 1 2 2q1 1 2 2t3 3a.5.5 0 1 0 1 1zm.25.25L10.05 .15 10.95-.05';
		const compact = svgPath.compactPath(d);
		assertSameShape(d, compact, 0.05);
		assert.doesNotMatch(compact, /\d\.\d*\.\d*\.|\d\s+-/, 'no separator it does not need');
		// A number after one without a point needs a separator before ".5" (else "15.5" would be one number).
		assert.deepStrictEqual(svgPath.absoluteSegments(svgPath.compactPath('M15 0L15.5 .5'))[1].args, [15.5, 0.5]);
	});

	it('refuses path data it cannot read', () => {
		assert.throws(() => svgPath.absoluteSegments('1 2 L3 4'), /does not start with a command/);
		assert.throws(() => svgPath.absoluteSegments('M1 2 L3'), /too few numbers after L/);
	});
});
