// The Get Started walkthrough is declared in the real host and opens on the Welcome page, from our command (the
// welcome view's button) and from VS Code's own openWalkthrough.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from '../helpers/core';

const WALKTHROUGH = `${EXTENSION_ID}#superofficeChat.gettingStarted`;

interface Walkthrough {
	id: string;
	steps: Array<{ id: string }>;
}

/** The label of the active editor tab, or undefined. */
const activeTab = (): vscode.Tab | undefined => vscode.window.tabGroups.activeTabGroup.activeTab;
const isWelcome = (tab: vscode.Tab | undefined): boolean => tab !== undefined && /Welcome|Walkthrough|Get Started/i.test(tab.label);

describe('Walkthrough (Get Started)', function () {
	this.timeout(30000);

	afterEach(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	it('is declared with its steps in the installed manifest', () => {
		const ext = vscode.extensions.getExtension(EXTENSION_ID);
		assert.ok(ext);
		const [w] = ext.packageJSON.contributes.walkthroughs as Walkthrough[];
		assert.strictEqual(w.id, 'superofficeChat.gettingStarted');
		assert.deepStrictEqual(
			w.steps.map((s) => s.id),
			['connectOnsite', 'connectOnline', 'pickSession', 'sendFromView', 'sendSelection', 'quickReplies', 'checkConnection', 'showLog'],
		);
	});

	it('opens on the Welcome page from Get Started (the welcome view’s button)', async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		assert.ok(!isWelcome(activeTab()));
		await vscode.commands.executeCommand('superofficeChat.openWalkthrough');
		const tab = await waitFor('the walkthrough tab', () => (isWelcome(activeTab()) ? activeTab() : undefined), 15000);
		assert.ok(tab.isActive);
	});

	it('opens through workbench.action.openWalkthrough with its id', async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
		await waitFor('the walkthrough tab', () => (isWelcome(activeTab()) ? activeTab() : undefined), 15000);
	});
});
