// The extension loads in a real VS Code host, activates, and registers every command its manifest declares.
import * as assert from 'node:assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'superoffice-chat.superoffice-chat';

interface CommandContribution {
	command: string;
}

function extension(): vscode.Extension<unknown> {
	const ext = vscode.extensions.getExtension(EXTENSION_ID);
	assert.ok(ext, `${EXTENSION_ID} is not installed in the host (engines.vscode newer than ${vscode.version}?)`);
	return ext;
}

describe('Activation', () => {
	it('is installed in the host', () => {
		assert.strictEqual(extension().packageJSON.name, 'superoffice-chat');
	});

	it('activates without error', async () => {
		const ext = extension();
		await ext.activate();
		assert.strictEqual(ext.isActive, true);
	});

	it('registers every command declared in package.json', async () => {
		const ext = extension();
		await ext.activate();
		const declared = (ext.packageJSON.contributes.commands as CommandContribution[]).map((c) => c.command);
		assert.ok(declared.length > 0, 'package.json declares no commands');
		const registered = new Set(await vscode.commands.getCommands(true));
		const missing = declared.filter((id) => !registered.has(id));
		assert.deepStrictEqual(missing, [], `commands declared but not registered: ${missing.join(', ')}`);
	});
});
