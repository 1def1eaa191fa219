// Post Message from the command palette as a person does it: sign in, run the command, choose the customer in the
// session picker, type the text, press Enter. The local server must receive exactly that message.
import * as assert from 'node:assert';
import { type RecordedRequest } from '../server/server';
import { launchSignedInWorkbench } from './lib/demoSignIn';
import { type Workbench } from './lib/workbench';

const postsTo = (wb: Workbench, sessionId: number): RecordedRequest[] =>
	wb.server.received.filter((r) => r.method === 'POST' && r.path.endsWith(`/ChatSession/${sessionId}/Messages`));

describe('Post Message (command palette)', function () {
	let wb: Workbench;

	before(async () => {
		wb = await launchSignedInWorkbench();
	});

	after(async () => {
		await wb?.close();
	});

	it('posts through the session picker and confirms with the message id', async () => {
		await wb.runCommand('Post Message');
		await wb.quickPick.waitForItem('Ada Lovelace');
		const rows = await wb.quickPick.items();
		const at = (text: string): number => rows.findIndex((r) => r.includes(text));
		assert.ok(at('Ada Lovelace') >= 0 && at('Linus T.') >= 0, `open sessions listed: ${rows.join(' | ')}`);
		assert.ok(at('Ada Lovelace') < at('Margaret Hamilton'), 'open sessions come before closed ones');
		assert.match(rows[at('Ada Lovelace')], /Support/, 'the topic is shown');
		assert.ok(rows.some((r) => r.includes('Enter a session id')));
		await wb.screenshot('palette-session-picker');

		await wb.quickPick.pick('Ada Lovelace');
		await wb.page.locator('.quick-input-widget .quick-input-message', { hasText: 'Message to Ada Lovelace' }).waitFor({ timeout: 15000 });
		await wb.quickPick.type('The export is fixed in 10.3.2 — please update.');
		await wb.screenshot('palette-message-text');
		await wb.quickPick.accept();

		const confirmation = await wb.statusMessage(/Posted to Ada Lovelace \(message #\d+\)/);
		await wb.screenshot('palette-posted');
		const posts = postsTo(wb, 101);
		assert.strictEqual(posts.length, 1, 'exactly one POST');
		assert.deepStrictEqual(posts[0].body, {
			Message: 'The export is fixed in 10.3.2 — please update.',
			Type: 'ToCustomer',
			SpecialType: 'None',
		});
		assert.strictEqual(posts[0].status, 200);
		const id = wb.server.messages(101).at(-1)?.ChatMessageId;
		assert.ok(id, 'the server stored the message');
		assert.match((await confirmation.textContent()) ?? '', new RegExp(`Posted to Ada Lovelace \\(message #${id}\\)`));
		assert.strictEqual(await wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'posted to' }).count(), 0, 'no toast');
		assert.deepStrictEqual(wb.server.violations, []);
	});

	it('lists the session just used under Recent the next time', async () => {
		await wb.runCommand('Post Message');
		await wb.quickPick.waitForItem('Ada Lovelace');
		const rows = await wb.quickPick.items();
		assert.match(rows[0], /Ada Lovelace/, `first row: ${rows[0]}`);
		await wb.page.keyboard.press('Escape');
		await wb.quickPick.waitClosed();
	});
});
