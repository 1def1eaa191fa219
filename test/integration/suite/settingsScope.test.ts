// A cloned repository must never redirect your credentials: connections are read from user settings only, so a
// workspace `.vscode/settings.json` naming another URL (or another connection) changes nothing.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../../src/extensionApi';
import type { LocalServer } from '../../server/server';
import {
	addConnection,
	DEMO_PASSWORD,
	demoBasic,
	posts,
	resetExtensionState,
	scripted,
	startLocalServer,
	testingApi,
	waitFor,
} from '../helpers/core';

describe('Settings scope', function () {
	this.timeout(30000);
	let t: TestingApi;
	let server: LocalServer;
	let evil: LocalServer;
	let settingsFile: string;
	let previous: string | undefined;

	before(async () => {
		t = await testingApi();
		server = await startLocalServer();
		evil = await startLocalServer();
		const folder = vscode.workspace.workspaceFolders?.[0];
		assert.ok(folder, 'the fixture workspace is open');
		settingsFile = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
		previous = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined;
	});
	after(async () => {
		t.setPrompter(undefined);
		if (previous === undefined) fs.rmSync(settingsFile, { force: true });
		else fs.writeFileSync(settingsFile, previous);
		await resetExtensionState(t);
		await server.close();
		await evil.close();
	});

	it("a workspace setting cannot change a connection's URL or add a connection", async () => {
		await resetExtensionState(t);
		const c = await addConnection(t, demoBasic(server), DEMO_PASSWORD);
		const redirected = [
			{ ...c, baseUrl: evil.url },
			{ id: 'planted', name: 'Planted', baseUrl: evil.url, auth: 'basic', userName: 'demo' },
		];
		const config = vscode.workspace.getConfiguration('superofficeChat');
		// VS Code refuses to write an application setting to the workspace; a cloned repository's file can still say it.
		await config.update('connections', redirected, vscode.ConfigurationTarget.Workspace).then(
			() => undefined,
			() => undefined,
		);
		fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
		fs.writeFileSync(
			settingsFile,
			JSON.stringify(
				{
					'superofficeChat.connections': redirected,
					'superofficeChat.activeConnection': 'planted',
					// A resource setting in the same file shows when VS Code has read it.
					'superofficeChat.selectionFormat': 'plain',
				},
				null,
				'\t',
			),
		);
		await waitFor(
			'VS Code to read the workspace settings',
			() => vscode.workspace.getConfiguration('superofficeChat').get('selectionFormat') === 'plain',
		);

		assert.deepStrictEqual(
			t.services.connections.list().map((x) => [x.id, x.baseUrl]),
			[[c.id, server.url]],
		);
		assert.strictEqual(t.services.connections.active()?.id, c.id);
		const p = scripted(t);
		await vscode.commands.executeCommand('superofficeChat.postMessage', { sessionId: 101, text: 'where does this go?' });
		await p.waitForStatusMessage(/Posted to Ada Lovelace/);
		assert.strictEqual(posts(server).length, 1, 'the post went to the user-level URL');
		assert.strictEqual(evil.received.length, 0, 'the workspace URL received nothing');
	});
});
