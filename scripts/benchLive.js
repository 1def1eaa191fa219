// Live polling cost, part of `npm run bench`: 50 open sessions of which 1 changes per step. The local server runs
// in a child process, so the CPU time measured here is the poller's own (client, JSON, sanitation, reducer, view).
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

const SESSIONS = 50;
const STEPS = Number(process.env.BENCH_LIVE_STEPS || 1000);
const WARMUP = 100;
const CPU_GOAL_MS = 2;
const HEAP_GOAL_MB = 1;

function startServerProcess(root) {
	const code = `require(${JSON.stringify(path.join(root, 'out/test/server/server.js'))}).startServer({ port: 0, quiet: true }).then((s) => console.log(JSON.stringify({ url: s.url, origin: s.origin })));`;
	const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.stdout.once('data', (d) => resolve({ child, ...JSON.parse(String(d)) }));
	});
}

async function control(origin, p, body) {
	const res = await fetch(`${origin}/__control${p}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!res.ok) throw new Error(`control ${p}: HTTP ${res.status}`);
	return res.json();
}

function gc() {
	v8.setFlagsFromString('--expose-gc');
	const run = vm.runInNewContext('gc');
	run();
	run();
}

async function benchLive(root) {
	const { ChatClient } = require(path.join(root, 'out/src/api/index.js'));
	const { LivePoller, seenMarkFor } = require(path.join(root, 'out/src/live/index.js'));
	const { DEMO } = require(path.join(root, 'out/test/server/server.js'));
	const { child, url, origin } = await startServerProcess(root);
	try {
		const client = new ChatClient({ baseUrl: url, credentials: { scheme: 'soticket', ticket: DEMO.ticket } });
		// Seed: 3 open sessions; add queued ones and answer them, so 50 are open (UserLast) and quiet.
		const open = () => control(origin, '/health').then(() => client.listSessions());
		let sessions = await open();
		while (sessions.filter((s) => ['InQueue', 'CustomerLast', 'UserLast'].includes(s.Status)).length < SESSIONS) {
			const s = await control(origin, '/sessions', { customer: `Bench ${sessions.length}`, text: 'hello' });
			await client.postMessage(s.ChatSessionId, { Message: 'Hi, how can I help?' });
			sessions = await client.listSessions();
		}
		const ids = sessions.filter((s) => s.Status === 'UserLast').map((s) => s.ChatSessionId);
		const marks = new Map();
		const poller = new LivePoller({
			client,
			intervalMs: 0,
			context: () => ({ mode: 'all', muted: false, focused: false, seen: (id) => marks.get(id) }),
		});
		await poller.step(); // start-up snapshot: every open session is new once

		const cpuMs = [];
		const requests = { list: 0, messages: 0 };
		let heapAfterWarmup = 0;
		let heapHalfway = 0;
		for (let i = 0; i < WARMUP + STEPS; i++) {
			// One session changes per step: its customer writes (outside the measured time).
			await control(origin, `/sessions/${ids[i % ids.length]}/customer-message`, { text: `message ${i}` });
			if (i === WARMUP) {
				gc();
				heapAfterWarmup = process.memoryUsage().heapUsed;
			}
			// The model keeps a bounded tail of each conversation: it fills during the first steps. Flat means no growth
			// once that tail is full, so the goal is judged on the second half.
			if (i === WARMUP + STEPS / 2) {
				gc();
				heapHalfway = process.memoryUsage().heapUsed;
			}
			const cpu = process.cpuUsage();
			const r = await poller.step();
			const used = process.cpuUsage(cpu);
			if (!r.ok) throw new Error(`poll step failed: ${r.problem}`);
			// The agent reads what arrived (as opening the session would), so the state is the steady one.
			const changed = ids[i % ids.length];
			const mark = seenMarkFor(poller.state, changed);
			if (mark) marks.set(changed, mark);
			if (i >= WARMUP) {
				cpuMs.push((used.user + used.system) / 1000);
				requests.list += r.requests.list;
				requests.messages += r.requests.messages;
			}
		}
		gc();
		const heapEnd = process.memoryUsage().heapUsed;
		const heapDeltaMb = (heapEnd - heapAfterWarmup) / (1024 * 1024);
		const heapSecondHalfMb = (heapEnd - heapHalfway) / (1024 * 1024);
		const violations = await control(origin, '/violations');
		const sorted = [...cpuMs].sort((a, b) => a - b);
		const pick = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
		const mean = cpuMs.reduce((a, b) => a + b, 0) / cpuMs.length;
		const perStep = `${(requests.list / STEPS).toFixed(2)} list + ${(requests.messages / STEPS).toFixed(2)} messages`;
		console.log(
			`\nLive polling — ${SESSIONS} open sessions, 1 changed per step, ${STEPS} steps after ${WARMUP} warm-up (server in a child process)\n`,
		);
		console.log(
			`requests per step:       ${perStep}   goal 1 + 1: ${requests.list === STEPS && requests.messages === STEPS ? 'met' : 'NOT met'}`,
		);
		console.log(
			`CPU per step:            median ${pick(0.5).toFixed(3)} ms, p90 ${pick(0.9).toFixed(3)} ms, mean ${mean.toFixed(3)} ms   goal ≤ ${CPU_GOAL_MS} ms: ${pick(0.5) <= CPU_GOAL_MS ? 'met' : 'NOT met'}`,
		);
		console.log(
			`heap:                    ${heapDeltaMb >= 0 ? '+' : ''}${heapDeltaMb.toFixed(2)} MB over ${STEPS} steps after warm-up; ${heapSecondHalfMb >= 0 ? '+' : ''}${heapSecondHalfMb.toFixed(2)} MB over the last ${STEPS / 2}   goal ± ${HEAP_GOAL_MB} MB (last ${STEPS / 2}): ${Math.abs(heapSecondHalfMb) <= HEAP_GOAL_MB ? 'met' : 'NOT met'}`,
		);
		if (violations.length > 0) console.log(`warning: the server recorded ${violations.length} contract violations`);
	} finally {
		child.kill();
	}
}

module.exports = { benchLive };
