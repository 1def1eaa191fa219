// Send Selection to Chat and Compose in Editor, end to end in a real host against the local server: what the
// server received is exactly the text the user selected or wrote, shaped by the format setting.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type ExtensionApi, type TestingApi } from '../../../src/extensionApi';
import {
	type ConfirmOptions,
	isSeparator,
	type NotifyLevel,
	type NotifyOptions,
	type PickEntry,
	type PickOptions,
	type Prompter,
} from '../../../src/core/prompter';
import { DEMO, type LocalServer, type RecordedRequest, startServer } from '../../server/server';

const EXTENSION_ID = 'superoffice-chat.superoffice-chat';
const CONNECTION = { id: 'selection-suite', name: 'Local demo', auth: 'basic' as const, userName: DEMO.userName };
const SAMPLE = 'src/sample.ts';

interface Notice {
	level: NotifyLevel;
	message: string;
	options: NotifyOptions;
	actions: string[];
}

/** Answers prompts like a user would: picks a session by id, accepts (or declines) the confirmation. */
class ScriptedPrompter implements Prompter {
	readonly notices: Notice[] = [];
	readonly picks: string[] = [];
	sessionId = 101;
	confirmAnswer = true;

	async pick<T>(entries: readonly PickEntry<T>[] | Promise<readonly PickEntry<T>[]>, options: PickOptions): Promise<T | undefined> {
		this.picks.push(options.id);
		const items = (await entries).filter((e) => !isSeparator(e)) as { value: T }[];
		return items.find((i) => (i.value as { id?: unknown }).id === this.sessionId)?.value;
	}
	async input(): Promise<string | undefined> {
		return undefined;
	}
	async inputOrAction(): Promise<undefined> {
		return undefined;
	}
	async openExternal(): Promise<boolean> {
		return false;
	}
	withProgress<T>(_title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
		return task(new AbortController().signal);
	}
	readonly windowProgress_: string[] = [];
	readonly statusMessages: string[] = [];
	windowProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
		this.windowProgress_.push(title);
		return task();
	}
	statusMessage(text: string): void {
		this.statusMessages.push(text);
	}
	async notify(level: NotifyLevel, message: string, options: NotifyOptions, ...actions: string[]): Promise<string | undefined> {
		this.notices.push({ level, message, options, actions });
		return undefined;
	}
	async confirm(message: string, options: ConfirmOptions): Promise<boolean> {
		const asked = { id: options.id, modal: true, detail: options.detail };
		this.notices.push({ level: 'warning', message, options: asked, actions: [options.confirm] });
		return this.confirmAnswer;
	}
	confirmations(): Notice[] {
		return this.notices.filter((n) => n.options.id === 'confirmSelectionSend');
	}
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

function posts(server: LocalServer, sessionId = 101): RecordedRequest[] {
	return server.received.filter((r) => r.method === 'POST' && r.path.endsWith(`/api/v1/ChatSession/${sessionId}/Messages`));
}

function postedText(r: RecordedRequest): unknown {
	return (r.body as { Message?: unknown } | undefined)?.Message;
}

async function setSetting(key: string, value: unknown): Promise<void> {
	await vscode.workspace.getConfiguration('superofficeChat').update(key, value, vscode.ConfigurationTarget.Global);
}

function workspaceFolder(): vscode.WorkspaceFolder {
	const folder = vscode.workspace.workspaceFolders?.[0];
	assert.ok(folder, 'no workspace folder open');
	return folder;
}

function tabOpen(uri: vscode.Uri): boolean {
	return vscode.window.tabGroups.all.some((g) =>
		g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()),
	);
}

async function closeAll(): Promise<void> {
	// Revert first so untitled compose documents close without a save prompt.
	for (let i = 0; i < 20 && vscode.window.activeTextEditor; i++) {
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	}
	await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

// The two selections of the fixture, given out of document order on purpose: lines 2-5 (greet) and line 8,
// which starts after the tab and ends at column 0 of line 9 (that line must not count).
const SELECTIONS = [new vscode.Selection(7, 1, 8, 0), new vscode.Selection(1, 0, 4, 1)];
const GREET = 'export function greet(name: string): string {\n\tconst greeting = `Hello, ${name}!`;\n\treturn greeting;\n}';
const FAREWELL = 'return `Goodbye, ${name}.`;';
const EXPECTED: Record<string, string> = {
	plain: `${GREET}\n\n${FAREWELL}`,
	fenced: `\`\`\`typescript\n${GREET}\n\`\`\`\n\n\`\`\`typescript\n${FAREWELL}\n\`\`\``,
	fencedWithPath: `src/sample.ts:2-5\n\`\`\`typescript\n${GREET}\n\`\`\`\n\nsrc/sample.ts:8\n\`\`\`typescript\n${FAREWELL}\n\`\`\``,
};

describe('Send Selection to Chat and Compose in Editor', function () {
	this.timeout(60000);
	let server: LocalServer;
	let testing: TestingApi;
	let prompter: ScriptedPrompter;

	before(async function () {
		this.timeout(120000);
		const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
		assert.ok(ext, 'extension not installed');
		const api = await ext.activate();
		assert.ok(api.testing, 'extension is not in test mode');
		testing = api.testing;
		server = await startServer({ port: 0, quiet: true });
		const s = testing.services;
		await s.connections.add({ ...CONNECTION, baseUrl: server.url });
		await s.connections.setActive(CONNECTION.id);
		await s.secrets.set(CONNECTION.id, { password: DEMO.password });
		// Opening the first TypeScript file wakes the language features in the same extension host; on a busy
		// machine that can take longer than one test may, so it happens here.
		await vscode.window.showTextDocument(vscode.Uri.joinPath(workspaceFolder().uri, SAMPLE));
	});

	beforeEach(async () => {
		server.reset();
		prompter = new ScriptedPrompter();
		testing.setPrompter(prompter);
		await setSetting('confirmSelectionSend', undefined);
		await closeAll();
	});

	after(async () => {
		testing.setPrompter(undefined);
		await setSetting('selectionFormat', undefined);
		await setSetting('confirmSelectionSend', undefined);
		await closeAll();
		await testing.services.secrets.delete(CONNECTION.id);
		await testing.services.connections.remove(CONNECTION.id);
		await server?.close();
	});

	afterEach(() => {
		assert.deepEqual(server.violations, [], 'requests broke the API document');
	});

	async function openSample(selections: vscode.Selection[]): Promise<vscode.TextEditor> {
		const editor = await vscode.window.showTextDocument(vscode.Uri.joinPath(workspaceFolder().uri, SAMPLE));
		editor.selections = selections;
		return editor;
	}

	for (const format of ['plain', 'fenced', 'fencedWithPath']) {
		it(`posts two selections in document order as ${format}`, async () => {
			await setSetting('selectionFormat', format);
			await openSample(SELECTIONS);
			const posted = (await vscode.commands.executeCommand('superofficeChat.postSelection')) as { ChatMessageId?: number } | undefined;
			assert.deepEqual(posts(server).map(postedText), [EXPECTED[format]]);
			assert.ok(posted?.ChatMessageId, 'the command did not return the posted message');
			// The user confirmed a dialog that named the recipient and showed the size and first lines.
			const [confirmation] = prompter.confirmations();
			assert.ok(confirmation?.options.modal, 'no modal confirmation');
			assert.deepEqual(confirmation.actions, ['Send']);
			assert.match(confirmation.message, /Ada Lovelace.*101.*Local demo/);
			const expected = EXPECTED[format];
			assert.ok(
				confirmation.options.detail?.startsWith(`${expected.split('\n').length} lines, ${[...expected].length} characters\n`),
				confirmation.options.detail,
			);
			assert.ok(confirmation.options.detail?.includes(GREET.split('\n')[0]));
			// The default confirmation is quiet: the status bar says where it went, no toast.
			assert.deepEqual(prompter.windowProgress_, ['Posting to Ada Lovelace…']);
			assert.deepEqual(prompter.statusMessages, [`$(check) Posted to Ada Lovelace (message #${posted.ChatMessageId})`]);
			assert.deepEqual(
				prompter.notices.filter((n) => /posted/i.test(n.message)),
				[],
				'no toast for the send',
			);
			assert.equal(testing.recentSessions(CONNECTION.id)[0], 101);
		});
	}

	it('sends nothing when the confirmation is declined', async () => {
		await setSetting('selectionFormat', 'plain');
		await openSample(SELECTIONS);
		prompter.confirmAnswer = false;
		await vscode.commands.executeCommand('superofficeChat.postSelection', { sessionId: 102 });
		assert.equal(prompter.confirmations().length, 1);
		assert.match(prompter.confirmations()[0].message, /Grace Hopper.*102/);
		assert.deepEqual(posts(server, 102), []);
		assert.deepEqual(prompter.picks, [], 'the sessionId argument should skip the picker');
	});

	it('asks again every time by default, once per session with oncePerSession', async () => {
		await setSetting('selectionFormat', 'plain');
		await openSample([new vscode.Selection(10, 0, 10, 25)]);
		await vscode.commands.executeCommand('superofficeChat.postSelection', { sessionId: 101 });
		await vscode.commands.executeCommand('superofficeChat.postSelection', { sessionId: 101 });
		assert.equal(prompter.confirmations().length, 2);
		await setSetting('confirmSelectionSend', 'oncePerSession');
		await vscode.commands.executeCommand('superofficeChat.postSelection', { sessionId: 102 });
		await vscode.commands.executeCommand('superofficeChat.postSelection', { sessionId: 102 });
		assert.equal(prompter.confirmations().length, 3);
		assert.deepEqual(posts(server, 101).map(postedText), ['export const answer = 42;', 'export const answer = 42;']);
		assert.deepEqual(posts(server, 102).map(postedText), ['export const answer = 42;', 'export const answer = 42;']);
	});

	it('sends nothing and says so when every selection is empty', async () => {
		await openSample([new vscode.Selection(3, 2, 3, 2), new vscode.Selection(5, 0, 5, 0)]);
		await vscode.commands.executeCommand('superofficeChat.postSelection', { sessionId: 101 });
		assert.deepEqual(posts(server), []);
		assert.deepEqual(prompter.confirmations(), []);
		assert.match(prompter.notices[0]?.message ?? '', /Nothing to send/);
	});

	async function compose(sessionId?: number): Promise<vscode.TextEditor> {
		await vscode.commands.executeCommand('superofficeChat.composeMessage', sessionId === undefined ? undefined : { sessionId });
		const editor = vscode.window.activeTextEditor;
		assert.ok(editor?.document.isUntitled, 'no untitled compose document');
		return editor;
	}

	async function write(editor: vscode.TextEditor, text: string): Promise<void> {
		const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
		assert.ok(await editor.edit((e) => e.insert(end, text)));
	}

	it('composes in an editor, sends what is below the header and closes the document', async () => {
		const editor = await compose();
		assert.deepEqual(prompter.picks, ['session']);
		const doc = editor.document;
		assert.equal(doc.languageId, 'markdown');
		assert.equal(doc.lineAt(0).text, '# To: Ada Lovelace — Support — session 101 (Local demo)');
		assert.ok(editor.selection.isEmpty && editor.selection.active.line === 3, 'the cursor does not start below the header');
		await write(editor, 'Hello Ada,\r\n\r\n# Steps\n1. restart  \n');
		await vscode.commands.executeCommand('superofficeChat.sendComposed');
		assert.deepEqual(posts(server).map(postedText), ['Hello Ada,\n\n# Steps\n1. restart']);
		await waitFor('the compose document to close', () => !tabOpen(doc.uri));
	});

	it('sends to the session the header names even when the header was edited', async () => {
		const editor = await compose(102);
		assert.match(editor.document.lineAt(0).text, /^# To: Grace Hopper — Support — session 102 \(Local demo\)$/);
		assert.ok(await editor.edit((e) => e.replace(editor.document.lineAt(0).range, '# To: session 101')));
		await write(editor, 'For Grace');
		await vscode.commands.executeCommand('superofficeChat.sendComposed');
		assert.deepEqual(posts(server, 101), []);
		assert.deepEqual(posts(server, 102).map(postedText), ['For Grace']);
	});

	it('sends nothing for a blank composed message and keeps the document', async () => {
		const editor = await compose(101);
		await write(editor, '\n   \n');
		await vscode.commands.executeCommand('superofficeChat.sendComposed');
		assert.deepEqual(posts(server), []);
		assert.match(prompter.notices.at(-1)?.message ?? '', /empty — nothing was sent/);
		assert.ok(tabOpen(editor.document.uri), 'the document was closed');
	});

	it('keeps the document when the send fails, offers no Retry when the post may have arrived, then sends again', async () => {
		const editor = await compose(101);
		await write(editor, 'second try');
		server.fault({ method: 'POST', path: /\/Messages$/, drop: true });
		await vscode.commands.executeCommand('superofficeChat.sendComposed');
		assert.deepEqual(
			server.messages(101).filter((m) => m.Message === 'second try'),
			[],
		);
		const error = prompter.notices.find((n) => n.level === 'error');
		assert.ok(error, 'no error shown');
		assert.match(error.message, /may have been posted/);
		assert.ok(!error.actions.includes('Retry'), 'Retry offered for a send that may have arrived');
		assert.ok(tabOpen(editor.document.uri), 'the document was closed after a failure');
		assert.equal(editor.document.getText().endsWith('second try'), true);
		await vscode.commands.executeCommand('superofficeChat.sendComposed');
		assert.deepEqual(server.messages(101).filter((m) => m.Message === 'second try').length, 1);
		await waitFor('the compose document to close', () => !tabOpen(editor.document.uri));
	});
});
