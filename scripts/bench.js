// `npm run bench`: the client's overhead against a raw fetch of the same POST to the local server on loopback,
// alternating per round so drift (GC, JIT, server state) hits both alike; the live polling cost (benchLive.js);
// plus the sizes of dist/. BENCH_ONLY=live runs only the polling part.
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { benchLive } = require('./benchLive');

const root = path.resolve(__dirname, '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS || 1000);
const WARMUP = Number(process.env.BENCH_WARMUP || 200);
const SESSION = 101;
const GOAL = 1.05;

/** `tsc -b test/tsconfig.json`: compiles only what changed since the last build. */
function compileIfStale() {
	const outputs = ['out/test/server/server.js', 'out/src/api/index.js', 'out/src/live/index.js'].map((p) => path.join(root, p));
	try {
		execSync('npx tsc -b test/tsconfig.json', { cwd: root, stdio: 'inherit' });
	} catch (e) {
		// tsc still emits on type errors elsewhere in the tree; measure with what it wrote when the files exist.
		if (!outputs.every((p) => fs.existsSync(p))) throw e;
		console.warn('tsc reported errors; benchmarking the emitted files anyway.');
	}
}

function median(values) {
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function percentile(values, p) {
	const s = [...values].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

function table(headers, rows) {
	const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
	const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
	return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function distSizes() {
	const dist = path.join(root, 'dist');
	if (!fs.existsSync(dist)) return [];
	const rows = [];
	const walk = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const p = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(p);
			else {
				const data = fs.readFileSync(p);
				rows.push([path.relative(root, p), data.length, zlib.gzipSync(data, { level: 9 }).length]);
			}
		}
	};
	walk(dist);
	return rows.sort((a, b) => a[0].localeCompare(b[0]));
}

async function main() {
	compileIfStale();
	if (process.env.BENCH_ONLY === 'live') return benchLive(root);
	const { startServer, DEMO } = require(path.join(root, 'out/test/server/server.js'));
	const { ChatClient } = require(path.join(root, 'out/src/api/index.js'));
	const server = await startServer({ port: 0, quiet: true });
	try {
		const client = new ChatClient({ baseUrl: server.url, credentials: { scheme: 'soticket', ticket: DEMO.ticket } });
		const url = `${server.url}/api/v1/ChatSession/${SESSION}/Messages`;
		const draft = { Message: 'bench message' };
		// Exactly what the client sends: same headers, same body bytes.
		const headers = {
			Accept: 'application/json',
			'Content-Type': 'application/json; charset=utf-8',
			Authorization: `SOTicket ${DEMO.ticket}`,
		};
		const body = JSON.stringify({ Type: 'ToCustomer', SpecialType: 'None', Message: draft.Message });

		const viaClient = async () => {
			const t = performance.now();
			const m = await client.postMessage(SESSION, draft);
			const ms = performance.now() - t;
			if (typeof m.ChatMessageId !== 'number') throw new Error('client: no ChatMessageId');
			return ms;
		};
		const viaFetch = async () => {
			const t = performance.now();
			const res = await fetch(url, { method: 'POST', headers, body });
			const m = await res.json();
			const ms = performance.now() - t;
			if (res.status !== 200 || typeof m.ChatMessageId !== 'number') throw new Error(`raw fetch: HTTP ${res.status}`);
			return ms;
		};

		for (let i = 0; i < WARMUP; i++) {
			await viaClient();
			await viaFetch();
		}
		server.reset();

		const clientMs = [];
		const rawMs = [];
		const pairRatios = [];
		for (let round = 0; round < ROUNDS; round++) {
			let c;
			let r;
			if (round % 2 === 0) {
				c = await viaClient();
				r = await viaFetch();
			} else {
				r = await viaFetch();
				c = await viaClient();
			}
			clientMs.push(c);
			rawMs.push(r);
			pairRatios.push(c / r);
			// The server keeps every message in memory; keep its state small and equal for both sides.
			if (round % 250 === 249) server.reset();
		}
		const violations = server.violations.length;

		const fmt = (ms) => `${(ms * 1000).toFixed(0)} µs`;
		console.log(
			`\nPOST /api/v1/ChatSession/${SESSION}/Messages on loopback — ${ROUNDS} calls each after ${WARMUP} warm-up pairs, alternating order per round (Node ${process.version})\n`,
		);
		console.log(
			table(
				['', 'median', 'p10', 'p90', 'mean'],
				[
					[
						'ChatClient.postMessage',
						fmt(median(clientMs)),
						fmt(percentile(clientMs, 10)),
						fmt(percentile(clientMs, 90)),
						fmt(clientMs.reduce((a, b) => a + b, 0) / ROUNDS),
					],
					[
						'raw fetch + res.json()',
						fmt(median(rawMs)),
						fmt(percentile(rawMs, 10)),
						fmt(percentile(rawMs, 90)),
						fmt(rawMs.reduce((a, b) => a + b, 0) / ROUNDS),
					],
				],
			),
		);
		const ratio = median(pairRatios);
		const ratioOfMedians = median(clientMs) / median(rawMs);
		console.log(
			`\nmedian of per-round ratios (client/raw): ${ratio.toFixed(3)}   ratio of medians: ${ratioOfMedians.toFixed(3)}   goal ≤ ${GOAL}: ${ratio <= GOAL ? 'met' : 'NOT met'}`,
		);
		if (violations > 0) console.log(`warning: the server recorded ${violations} contract violations`);

		const sizes = distSizes();
		if (sizes.length === 0) {
			console.log('\ndist/ is missing: run `npm run build` for bundle sizes.');
		} else {
			const total = sizes.reduce((a, r) => [a[0] + r[1], a[1] + r[2]], [0, 0]);
			console.log(`\n${table(['dist/ file', 'bytes', 'gzip'], [...sizes, ['total', total[0], total[1]]])}`);
		}
	} finally {
		await server.close();
	}
	await benchLive(root);
}

main().catch((e) => {
	console.error(e);
	process.exitCode = 1;
});
