// Check Connection in the real host: every step against the local server, the summary a person sees, the report
// (Show Report opens it, Copy Report puts it on the clipboard) without any credential, and the action on a
// connection error that leads here.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { TestingApi } from '../../../src/extensionApi';
import type { LocalServer } from '../../server/server';
import {
	addConnection,
	allSecrets,
	DEMO_PASSWORD,
	demoBasic,
	scripted,
	SITE,
	useCoreSuite,
	waitFor,
	WRONG_PASSWORD,
} from '../helpers/core';

const CHECK = 'superofficeChat.checkConnection';

interface CheckResult {
	steps: { id: string; status: string; detail: string; fix?: string }[];
	report: string;
}

describe('Check Connection', function () {
	this.timeout(30000);
	let t: TestingApi;
	let server: LocalServer;

	useCoreSuite({
		ready: (api, local) => {
			t = api;
			server = local;
		},
		current: () => server,
	});

	it('passes every step for a signed-in connection; Show Report opens the report', async () => {
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const p = scripted(t).answer('connectionCheckResult', 'Show Report');
		const result = (await vscode.commands.executeCommand(CHECK, { connectionId: c.id })) as CheckResult;
		assert.deepStrictEqual(
			result.steps.map((s) => `${s.id}:${s.status}`),
			['dns:ok', 'tcp:ok', 'tls:skipped', 'api:ok', 'credentials:ok', 'chat:ok', 'tenant:skipped', 'clock:ok'],
		);
		const n = await p.waitForNotification((x) => x.level === 'info' && /every check passed/.test(x.message));
		assert.strictEqual(n.message, 'Local demo: every check passed.');
		assert.deepStrictEqual(n.actions, ['Show Report', 'Copy Report']);
		const editor = await waitFor('the report in an editor', () => {
			const e = vscode.window.activeTextEditor;
			return e?.document.getText().startsWith('SuperOffice Chat connection check') ? e : undefined;
		});
		const text = editor.document.getText();
		assert.match(text, /^Connection: Local demo \(http:\/\/127\.0\.0\.1:\d+\/Cust00000, Onsite\)$/m);
		assert.match(text, /^✓ Credentials: signed in as /m);
		for (const secret of allSecrets()) assert.ok(!text.includes(secret), 'no credential in the report');
		assert.ok(t.logLines().some((l) => /Check Local demo: ok chat — \d+ chat session\(s\) visible/.test(l)));
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	});

	it('a refused password: one problem named with its fix; Copy Report holds no credential', async () => {
		const c = await addConnection(t, demoBasic(server), { password: WRONG_PASSWORD });
		const p = scripted(t).answer('connectionCheckResult', 'Copy Report');
		const result = (await vscode.commands.executeCommand(CHECK, { connectionId: c.id })) as CheckResult;
		const n = await p.waitForNotification((x) => x.level === 'warning');
		assert.strictEqual(
			n.message,
			'Local demo: 1 of 8 checks found a problem. First: Credentials — Sign in again (SuperOffice Chat: Sign In / Update Credentials).',
		);
		await p.waitForNotification((x) => /on the clipboard/.test(x.message));
		const copied = await vscode.env.clipboard.readText();
		assert.strictEqual(copied, result.report);
		assert.ok(!copied.includes(WRONG_PASSWORD) && !result.report.includes(WRONG_PASSWORD), 'the password is not in the report');
		assert.ok(!t.logLines().join('\n').includes(WRONG_PASSWORD), 'nor in the log');
	});

	it('"Could not reach the server" offers Check Connection, which finds the closed port', async () => {
		const c = await addConnection(t, { ...demoBasic(server), baseUrl: `http://127.0.0.1:1${SITE}` }, DEMO_PASSWORD);
		const p = scripted(t).answer('notification', 'Check Connection');
		await vscode.commands.executeCommand('superofficeChat.postMessage', { connectionId: c.id });
		const n = await p.waitForNotification((x) => x.level === 'warning' && /checks found a problem/.test(x.message));
		assert.match(n.message, /^Local demo: \d of 8 checks found a problem\. First: Connection — Check that the server runs/);
	});
});
