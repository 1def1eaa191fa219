// A first-time user opens the SuperOffice Chat view container: with no connection configured, the welcome view
// offers "Add Connection".
import * as assert from 'node:assert';
import { launchWorkbench, type Workbench } from './lib/workbench';

describe('SuperOffice Chat view container', () => {
	let wb: Workbench | undefined;

	before(async () => {
		wb = await launchWorkbench();
	});

	after(async () => {
		await wb?.close();
	});

	it('shows the welcome view with "Add Connection" when no connection is configured', async () => {
		const page = wb!.page;
		await wb!.openViewContainer();
		const welcome = page.locator('.part.sidebar .welcome-view-content');
		const addConnection = welcome.locator('.monaco-button', { hasText: 'Add Connection' });
		await addConnection.waitFor({ state: 'visible', timeout: 30000 });
		assert.match((await welcome.innerText()).replace(/\s+/g, ' '), /Connect to SuperOffice to answer chat sessions/);
		await wb!.screenshot('view-container');
	});
});
