// A chat waiting in the queue answered from the command palette, as a person does it: Post Message shows the queued
// customer as "Pick up and reply"; choosing it picks the chat up, then the typed reply is posted. The local server
// must have assigned the chat to the demo agent and received exactly one message.
import * as assert from 'node:assert';
import { DEMO_USER } from '../server/server';
import { launchSignedInWorkbench } from './lib/demoSignIn';
import { type Workbench } from './lib/workbench';

describe('Pick up and reply (command palette)', function () {
	let wb: Workbench;

	before(async () => {
		wb = await launchSignedInWorkbench();
	});

	after(async () => {
		await wb?.close();
	});

	it('picks up the queued chat from the session picker, then posts the reply once', async () => {
		const visitor = wb.server.queueSession({ customerName: 'Barbara Liskov', text: 'Is the API rate limited?' });
		await wb.runCommand('Post Message');
		await wb.quickPick.waitForItem('Barbara Liskov');
		const rows = await wb.quickPick.items();
		const row = rows.find((r) => r.includes('Barbara Liskov')) ?? '';
		assert.match(row, /Pick up and reply/, `the queued chat offers a pickup: ${row}`);
		await wb.screenshot('queue-pick-up-and-reply');

		await wb.quickPick.pick('Barbara Liskov');
		await wb.page.locator('.quick-input-widget .quick-input-message', { hasText: 'Message to Barbara Liskov' }).waitFor({ timeout: 15000 });
		const id = visitor.ChatSessionId;
		const session = wb.server.sessions().find((s) => s.ChatSessionId === id);
		assert.strictEqual(session?.User?.AssociateId, DEMO_USER.AssociateId, 'picked up before the text is asked');
		await wb.quickPick.type('Yes: 100 requests a minute per user.');
		await wb.quickPick.accept();

		await wb.statusMessage(/Posted to Barbara Liskov \(message #\d+\)/);
		await wb.screenshot('queue-replied');
		const sent = wb.server.received.filter((r) => r.method === 'POST').map((r) => r.path.replace(/^\/[^/]+/, ''));
		assert.deepStrictEqual(sent, [`/api/v1/ChatSession/${id}/Pickup`, `/api/v1/ChatSession/${id}/Messages`]);
		const last = wb.server.messages(id).at(-1);
		assert.deepStrictEqual([last?.Type, last?.Message], ['ToCustomer', 'Yes: 100 requests a minute per user.']);
		assert.deepStrictEqual(wb.server.violations, []);
	});
});
