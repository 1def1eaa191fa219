// A workbench with the "Local demo" connection (Basic) signed in the way a person does it: Sign In / Update
// Credentials from the palette, the user name taken from the connection, the password typed into the masked box.
import { DEMO } from '../../server/server';
import { launchWorkbench, type Workbench } from './workbench';

export async function launchSignedInWorkbench(): Promise<Workbench> {
	const wb = await launchWorkbench({
		settings: (server) => ({
			'superofficeChat.connections': [{ id: 'demo', name: 'Local demo', baseUrl: server.url, auth: 'basic', userName: DEMO.userName }],
			'superofficeChat.activeConnection': 'demo',
		}),
	});
	await wb.runCommand('Sign In / Update Credentials');
	// Wait for the extension's own input box: under load the palette can still show the command for a moment.
	await wb.page.waitForFunction(
		(v) => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value === v,
		DEMO.userName,
		{ timeout: 30000 },
	);
	await wb.quickPick.accept();
	await wb.page.locator('.quick-input-widget input[type="password"]').waitFor({ state: 'visible', timeout: 15000 });
	await wb.quickPick.type(DEMO.password);
	await wb.quickPick.accept();
	await wb.notification('Signed in to Local demo as Demo Agent.');
	return wb;
}
