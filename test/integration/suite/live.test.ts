// Live sessions in the real host against the local server: a customer writes while the chat view is hidden → the
// count (badge and status bar) goes up and one notification offers Reply; reading clears it; a 401 pauses polling
// with one prompt; polling is incremental (no Messages request for sessions that did not change).
import * as assert from 'node:assert';
import type { TestingApi } from '../../../src/extensionApi';
import type { LiveSnapshot } from '../../../src/views/liveSessions';
import { DEMO_USER, type LocalServer } from '../../server/server';
import { addConnection, DEMO, scripted, setSetting, useCoreSuite, waitFor } from '../helpers/core';
import type { ScriptedPrompter } from '../helpers/scriptedPrompter';

const GRACE = 102;

describe('Live sessions', function () {
	this.timeout(60000);
	let t: TestingApi;
	let server: LocalServer;
	let prompter: ScriptedPrompter;
	useCoreSuite({
		ready: (api, s) => {
			t = api;
			server = s;
		},
		current: () => server,
	});

	const snapshot = (): LiveSnapshot => t.chat.live.snapshot;
	const listRequests = (): number =>
		server.received.filter((r) => r.method === 'GET' && r.path.endsWith('/ChatSession/ForCurrentUser')).length;
	const messageRequests = (id?: number): number =>
		server.received.filter(
			(r) =>
				r.method === 'GET' && /\/ChatSession\/\d+\/Messages/.test(r.path) && (id === undefined || r.path.includes(`/ChatSession/${id}/`)),
		).length;

	async function connect(): Promise<string> {
		prompter = scripted(t);
		await setSetting('conversation.pollIntervalSeconds', 1);
		const c = await addConnection(t, { name: 'Live demo', baseUrl: server.url, auth: 'bearer' }, { token: DEMO.bearer });
		t.chat.live.start();
		await waitFor(
			'the first session list',
			() => snapshot().connectionId === c.id && snapshot().primed && snapshot().status === 'running',
			20000,
		);
		// The first step fetches the open sessions' messages once; the second list means it is over.
		const start = listRequests();
		await waitFor('the second poll', () => listRequests() > start, 20000);
		return c.id;
	}

	afterEach(async () => {
		await setSetting('conversation.pollIntervalSeconds', undefined);
		await setSetting('notifications', undefined);
	});

	it('counts a customer message that arrives while the view is hidden, notifies once with Reply, and clears when read', async () => {
		await connect();
		const before = snapshot().view.badge;
		assert.ok(!snapshot().view.rows.find((r) => r.id === GRACE)?.needsYou, 'Grace is answered at the start');
		server.addCustomerMessage(GRACE, 'Can I change the compiler settings of the <b>build</b>?');
		await waitFor('Grace needs a reply', () => snapshot().view.rows.find((r) => r.id === GRACE)?.needsYou, 20000);
		assert.strictEqual(snapshot().view.badge, before + 1);
		await waitFor('the status-bar count', () => t.chat.statusBar.shown?.text === `$(comment-unresolved) ${before + 1}`);
		const toast = await waitFor('the notification', () => prompter.notifications.find((n) => n.message.includes(`(#${GRACE})`)));
		assert.strictEqual(toast.message, 'Grace Hopper (#102): Can I change the compiler settings of the build?', 'text only, markup gone');
		assert.deepStrictEqual(toast.actions, ['Reply', 'Mute this session']);
		// More polls of the same burst: no second toast.
		const lists = listRequests();
		await waitFor('two more polls', () => listRequests() >= lists + 2, 20000);
		assert.strictEqual(prompter.notifications.filter((n) => n.message.includes(`(#${GRACE})`)).length, 1);
		// What the view does when the agent opens the session: read, and the count goes back.
		await t.chat.live.markSeen(GRACE);
		assert.strictEqual(snapshot().view.rows.find((r) => r.id === GRACE)?.needsYou, false);
		assert.strictEqual(snapshot().view.badge, before);
	});

	it('Reply on the notification opens the chat view at that session, and the count returns to 0', async () => {
		await connect();
		// Start from nothing waiting: Ada read, the queued chat taken by the colleague (theirs: it never needs me).
		server.agent().pickUp(103);
		await t.chat.live.markSeen(101);
		await waitFor('nothing waiting', () => snapshot().view.badge === 0 && snapshot().view.rows.find((r) => r.id === 103)?.others, 20000);
		prompter.answer('notification', 'Reply');

		server.addCustomerMessage(GRACE, 'Is the setting per project?');

		await waitFor('the count 1', () => snapshot().view.badge === 1, 20000);
		const toast = await waitFor('the notification', () => prompter.notifications.find((n) => n.message.includes(`(#${GRACE})`)));
		assert.deepStrictEqual(toast.actions, ['Reply', 'Mute this session']);
		await waitFor('the chat view at Grace', () => t.chat.view.selectedSessionId === GRACE, 30000);
		await waitFor('the count back to 0', () => snapshot().view.badge === 0, 20000);
		await waitFor('the status-bar count gone', () => t.chat.statusBar.shown === undefined);
		assert.strictEqual(prompter.notifications.length, 1, 'one toast, nothing else');
	});

	it('a colleague’s chat never needs me; a transfer to me notifies once with Accept / Reject, and Accept makes it mine', async () => {
		const connectionId = await connect();
		const visitor = server.queueSession({ customerName: 'Barbara Liskov', text: 'Which plan fits a team of 5?' });
		const id = visitor.ChatSessionId;
		server.agent().pickUp(id);
		await waitFor('the colleague’s chat listed', () => snapshot().view.rows.find((r) => r.id === id && r.others), 20000);
		server.addCustomerMessage(id, 'Hello? (to the colleague)');
		const lists = listRequests();
		await waitFor('two more polls', () => listRequests() >= lists + 2, 20000);
		assert.strictEqual(snapshot().view.rows.find((r) => r.id === id)?.needsYou, false, 'not mine: never needs me');
		prompter.answer('notification', 'Accept');

		server.agent().transferTo(id, 'demo');

		const toast = await waitFor('the transfer notification', () =>
			prompter.notifications.find((n) => n.message.startsWith('Transfer to you')),
		);
		assert.strictEqual(toast.message, `Transfer to you — Barbara Liskov (#${id}): Hello? (to the colleague)`);
		assert.deepStrictEqual(toast.actions, ['Accept', 'Reject']);
		await waitFor(
			'accepted on the server',
			() => server.sessions().find((x) => x.ChatSessionId === id)?.User?.AssociateId === DEMO_USER.AssociateId,
		);
		await waitFor('the chat view at the accepted chat', () => t.chat.view.selectedSessionId === id, 30000);
		assert.strictEqual(t.services.connections.active()?.id, connectionId);
		const accepts = server.received.filter((r) => r.method === 'POST' && r.path.endsWith(`/ChatSession/${id}/AcceptTransfer`));
		assert.strictEqual(accepts.length, 1, 'accepted once');
		await waitFor('no longer offered', () => snapshot().view.rows.find((r) => r.id === id && r.transfer === undefined && !r.others), 20000);
		assert.strictEqual(prompter.notifications.filter((n) => n.message.startsWith('Transfer to you')).length, 1, 'one toast per transfer');
	});

	it('with notifications off still counts, and shows no toast', async () => {
		await connect();
		await setSetting('notifications', 'off');
		server.addCustomerMessage(GRACE, 'anyone there?');
		await waitFor('Grace needs a reply', () => snapshot().view.rows.find((r) => r.id === GRACE)?.needsYou, 20000);
		assert.strictEqual(prompter.notifications.length, 0, 'off: the count still goes up, no toast');
	});

	it('polls incrementally: one list per interval, Messages only for the session that changed', async () => {
		// This test's own lines: a poll cut off when an earlier test removed its connection is logged as such.
		const logStart = t.logLines().length;
		await connect();
		const lists = listRequests();
		const messages = messageRequests();
		await waitFor('three polls', () => listRequests() >= lists + 3, 20000);
		assert.strictEqual(messageRequests(), messages, 'no Messages request while nothing changed');
		const mark = server.received.length;
		server.addCustomerMessage(GRACE, 'one more thing');
		const graceBefore = messageRequests(GRACE);
		await waitFor('the changed session fetched', () => messageRequests(GRACE) > graceBefore, 20000);
		const after = listRequests();
		await waitFor('two more polls', () => listRequests() >= after + 2, 20000);
		const others = server.received.slice(mark).filter((r) => /\/ChatSession\/(?!102\/)\d+\/Messages/.test(r.path)).length;
		assert.strictEqual(others, 0, 'no Messages request for unchanged sessions');
		assert.strictEqual(messageRequests(GRACE), graceBefore + 1, 'the changed session once (nothing new since)');
		const pollLines = t
			.logLines()
			.slice(logStart)
			.filter((l) => l.includes('/ChatSession/ForCurrentUser'));
		assert.ok(pollLines.length > 0, 'poll requests are logged');
		assert.deepStrictEqual(
			pollLines.filter((l) => !l.startsWith('[debug]')),
			[],
			'poll requests are logged at debug',
		);
	});

	it('pauses on a 401 with one prompt, and polls again after a new sign-in', async () => {
		await connect();
		server.fault({ method: 'GET', path: /ForCurrentUser$/, status: 401, times: 1 });
		await waitFor('paused', () => snapshot().status === 'authPaused', 20000);
		const prompts = prompter.notifications.filter((n) => n.level === 'error');
		assert.strictEqual(prompts.length, 1, 'one prompt');
		assert.ok(
			prompts[0].actions.some((a) => /sign in/i.test(a)),
			`a Sign In action: ${prompts[0].actions.join(', ')}`,
		);
		assert.strictEqual(t.chat.statusBar.shown?.text.startsWith('$(warning)'), true, 'the status bar says so');
		const lists = listRequests();
		// Another refresh while paused sends nothing either.
		await t.chat.live.refreshNow();
		assert.strictEqual(listRequests(), lists);
		const connectionId = snapshot().connectionId as string;
		await t.services.secrets.set(connectionId, { token: DEMO.bearer });
		await waitFor('running again', () => snapshot().status === 'running' && listRequests() > lists, 20000);
		assert.strictEqual(prompter.notifications.filter((n) => n.level === 'error').length, 1);
	});
});
