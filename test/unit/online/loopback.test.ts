import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { type CallbackPages } from '../../../src/online';
import { type LoopbackListener, startLoopbackListener } from '../../../src/online/loopback';
import { rejectsKind } from './helpers';

const PAGES: CallbackPages = {
	success: `Signed in to <Cust1> & "you" can close 'this' tab.`,
	failure: 'The sign-in was not completed.',
	unexpected: 'This is not the sign-in you started.',
};
const STATE = 'state-Abc_123';

function portOf(l: LoopbackListener): number {
	return Number(new URL(l.redirectUri).port);
}

/** Resolves when a new TCP connection to the port is refused; fails after `ms`. */
async function waitUntilRefused(port: number, ms = 2000): Promise<void> {
	const deadline = Date.now() + ms;
	for (;;) {
		const refused = await new Promise<boolean>((resolve) => {
			const s = net.connect(port, '127.0.0.1');
			s.once('connect', () => {
				s.destroy();
				resolve(false);
			});
			s.once('error', () => resolve(true));
		});
		if (refused) return;
		assert.ok(Date.now() < deadline, `port ${port} still accepts connections`);
		await new Promise((r) => setTimeout(r, 10));
	}
}

/** True when the promise has settled by the time already queued callbacks have run. */
async function hasSettled(p: Promise<unknown>): Promise<boolean> {
	let settled = false;
	p.then(
		() => (settled = true),
		() => (settled = true),
	);
	await new Promise((r) => setImmediate(r));
	return settled;
}

describe('online/loopback listener', () => {
	const open: LoopbackListener[] = [];
	async function listen(signal?: AbortSignal): Promise<LoopbackListener> {
		const l = await startLoopbackListener({ expectedState: STATE, pages: PAGES, signal });
		open.push(l);
		return l;
	}
	afterEach(() => {
		for (const l of open.splice(0)) l.close();
	});

	it('listens on http://127.0.0.1:<port> without a path', async () => {
		const l = await listen();
		assert.match(l.redirectUri, /^http:\/\/127\.0\.0\.1:\d{4,5}$/);
	});

	it('resolves the code of the callback with the right state and answers an escaped success page', async () => {
		const l = await listen();
		const res = await fetch(`${l.redirectUri}/?code=the-code&state=${STATE}&session_state=x`);
		assert.equal(res.status, 200);
		assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
		assert.equal(res.headers.get('cache-control'), 'no-store');
		assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
		const html = await res.text();
		assert.ok(html.includes('Signed in to &#60;Cust1&#62; &#38; &#34;you&#34; can close &#39;this&#39; tab.'), html);
		assert.ok(!html.includes('<Cust1>'), 'raw text must not reach the page');
		assert.equal(await l.code, 'the-code');
	});

	it('answers 400 to a wrong or missing state and keeps waiting for the right callback', async () => {
		const l = await listen();
		for (const query of ['?code=forged&state=other', '?code=forged', `?code=forged&state=${STATE}x`, '?error=access_denied&state=other']) {
			const res = await fetch(`${l.redirectUri}/${query}`);
			assert.equal(res.status, 400, query);
			assert.ok((await res.text()).includes(PAGES.unexpected), query);
		}
		assert.equal(await hasSettled(l.code), false);
		const ok = await fetch(`${l.redirectUri}/?code=real&state=${STATE}`);
		assert.equal(ok.status, 200);
		await ok.arrayBuffer();
		assert.equal(await l.code, 'real');
	});

	it('answers 404 to other paths and methods and keeps waiting', async () => {
		const l = await listen();
		for (const [path, method] of [
			[`/favicon.ico`, 'GET'],
			[`/callback?code=c&state=${STATE}`, 'GET'],
			[`/?code=c&state=${STATE}`, 'POST'],
		]) {
			const res = await fetch(`${l.redirectUri}${path}`, { method });
			assert.equal(res.status, 404, `${method} ${path}`);
			assert.ok((await res.text()).includes(PAGES.unexpected));
		}
		assert.equal(await hasSettled(l.code), false);
	});

	it('rejects with denied when the provider reports an error with the right state', async () => {
		const l = await listen();
		const res = await fetch(
			`${l.redirectUri}/?error=access_denied&error_description=${encodeURIComponent('The user said no')}&state=${STATE}`,
		);
		assert.equal(res.status, 400);
		assert.ok((await res.text()).includes(PAGES.failure));
		const e = await rejectsKind(l.code, 'denied');
		assert.equal(e.oauthError, 'access_denied');
		assert.equal(e.description, 'The user said no');
	});

	it('rejects with denied when the right state comes without a code', async () => {
		const l = await listen();
		const res = await fetch(`${l.redirectUri}/?state=${STATE}`);
		assert.equal(res.status, 400);
		await res.arrayBuffer();
		assert.equal((await rejectsKind(l.code, 'denied')).oauthError, 'no_code');
	});

	it('stops listening after the callback: the port refuses or answers 404', async () => {
		const l = await listen();
		await (await fetch(`${l.redirectUri}/?code=first&state=${STATE}`)).arrayBuffer();
		assert.equal(await l.code, 'first');
		try {
			const again = await fetch(`${l.redirectUri}/?code=second&state=${STATE}`);
			assert.equal(again.status, 404);
			await again.arrayBuffer();
		} catch {
			// refused: also fine
		}
		await waitUntilRefused(portOf(l));
		assert.equal(await l.code, 'first');
	});

	it('rejects with cancelled when the signal aborts, and closes the port', async () => {
		const ac = new AbortController();
		const l = await listen(ac.signal);
		ac.abort();
		await rejectsKind(l.code, 'cancelled');
		await waitUntilRefused(portOf(l));
	});

	it('rejects with cancelled at once when the signal was already aborted', async () => {
		const ac = new AbortController();
		ac.abort();
		const l = await listen(ac.signal);
		await rejectsKind(l.code, 'cancelled');
	});

	it('rejects with timeout when an AbortSignal.timeout fires', async () => {
		const l = await listen(AbortSignal.timeout(30));
		await rejectsKind(l.code, 'timeout');
		await waitUntilRefused(portOf(l));
	});

	it('tells timeout from cancel through AbortSignal.any', async () => {
		const user = new AbortController();
		const l = await listen(AbortSignal.any([user.signal, AbortSignal.timeout(30)]));
		await rejectsKind(l.code, 'timeout');
	});

	it('closes the port when the caller closes it', async () => {
		const l = await listen();
		l.close();
		await waitUntilRefused(portOf(l));
	});
});
