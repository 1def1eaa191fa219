// No default keybinding of ours may take a key from VS Code where its own binding would run: for every contributed
// keybinding, each built-in binding on the same key (or on the first key of our chord) must be provably inactive
// whenever ours is active. The built-ins are listed in fixtures/builtinKeybindings.json (see its note); the proof
// rules and the facts they use are below, each with its reason. What cannot be proven must be a listed, deliberate
// override with its reason — and a listed override that no longer overlaps fails too, so the list stays true.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	contributes: { keybindings: Array<{ command: string; key: string; mac?: string; win?: string; linux?: string; when?: string }> };
};
const builtins = JSON.parse(fs.readFileSync(path.join(root, 'test', 'unit', 'fixtures', 'builtinKeybindings.json'), 'utf8')) as {
	keysCovered: string[];
	bindings: Array<{ key: string; command: string; when: string }>;
};

/**
 * Where the keyboard focus is when a context key is true. Two bindings whose `when` put the focus in different
 * places cannot both be active. Only keys that VS Code sets from the focused element are listed.
 */
const FOCUS: Record<string, string> = {
	editorTextFocus: 'an editor',
	editorFocus: 'an editor',
	commentEditorFocused: 'an editor',
	inChatInput: 'an editor',
	markdownEditorFocus: 'an editor',
	'superofficeChat.chatViewFocused': 'the SuperOffice chat view',
	terminalFocus: 'the terminal',
	inQuickInput: 'the quick input',
	listFocus: 'a list or tree',
	notebookCellListFocused: 'a notebook',
	notebookEditorFocused: 'a notebook',
	editorHoverFocused: 'an editor hover',
	historyNavigationWidgetFocus: 'an input box with history (find, search, SCM)',
	breadcrumbsActive: 'the breadcrumbs',
	breakpointsFocused: 'a list or tree',
	problemFocus: 'a list or tree',
	fileMatchOrMatchFocus: 'a list or tree',
	explorerViewletFocus: 'a list or tree',
	agentSessionsViewerFocused: 'a list or tree',
	codeActionMenuVisible: 'the code action menu',
	accessibleViewIsShown: 'the accessible view',
	accessibleViewInCodeBlock: 'the accessible view',
	scmRepository: 'the source control input',
	focusedView: 'a view',
	inChat: 'the chat view',
	editorPartModal: 'a modal editor',
	chatAttachmentResource: 'the chat view',
};
// A plain `key` in the table stands for `key` being true; `focusedView == '…'` also puts the focus in a view.

/** What our own context keys imply about VS Code's (each with its reason). */
const IMPLIES: Record<string, string[]> = {
	// The compose editor is an untitled Markdown text document in a normal text editor tab.
	'superofficeChat.isComposeEditor': [
		'!isCompositeNotebook',
		'!isMergeEditor',
		'!refactorPreview.enabled',
		"!activeCustomEditorId == 'vscode.markdown.editor'",
		'!notebookEditorFocused',
		'!notebookCellListFocused',
	],
};

/** Pairs that VS Code never has true together, with the reason. */
const NEVER_TOGETHER: Array<[string, string, string]> = [
	['editorTextFocus', 'renameInputVisible', 'F2 moves the focus into the rename box, which closes when the text is clicked'],
	['editorTextFocus', 'codeActionMenuVisible', 'the code action menu holds the focus while it shows'],
	['editorTextFocus', 'breadcrumbsActive', 'the breadcrumbs take the focus when active'],
];

/**
 * Overlaps on purpose, with the reason. Kept short: each one is a key VS Code would otherwise use, taken in a place
 * that is the extension's own.
 */
const DELIBERATE: Array<{ command: string; builtin: string; reason: string }> = [
	{
		command: 'superofficeChat.sendComposed',
		builtin: 'editor.action.insertLineAfter',
		reason: 'in the compose editor (our own untitled document) Ctrl/Cmd+Enter sends, as in the chat view; Enter still starts a line',
	},
	...['workbench.action.terminal.chat.runCommand', 'workbench.action.terminal.chat.runFirstCommand'].map((builtin) => ({
		command: 'superofficeChat.sendComposed',
		builtin,
		reason:
			"VS Code's own binding has no focus condition (a terminal chat answer with code is enough), so it takes Ctrl+Enter from Insert Line Below in every editor too; in the compose editor's text, Send is what the user means",
	})),
];

type Literal = { key: string; op: 'true' | 'false' | '==' | '!=' | 'opaque'; value?: string };

function literal(text: string): Literal {
	const t = text.trim();
	if (t === 'false') return { key: 'false', op: 'true' };
	const eq = /^(!?)([\w.]+)\s*(==|!=)\s*'?([^']*)'?$/.exec(t);
	if (eq) {
		const op = (eq[3] === '==') !== (eq[1] === '!') ? '==' : '!=';
		return { key: eq[2], op, value: eq[4] };
	}
	const plain = /^(!?)([\w.]+)$/.exec(t);
	if (plain) return { key: plain[2], op: plain[1] ? 'false' : 'true' };
	return { key: t, op: 'opaque' };
}

/** A `when` as an OR of ANDs (VS Code prints its own in this normal form; parentheses are not expected). */
function dnf(when: string | undefined): Literal[][] {
	if (!when || when.trim() === '') return [[]];
	assert.ok(!/[()]/.test(when), `parentheses are not handled: ${when}`);
	return when.split('||').map((conj) => conj.split('&&').map(literal));
}

function withImplied(conj: Literal[]): Literal[] {
	return [...conj, ...conj.flatMap((l) => (l.op === 'true' ? (IMPLIES[l.key] ?? []).map(literal) : []))];
}

function contradicts(a: Literal, b: Literal): boolean {
	if (a.key !== b.key) return false;
	const pair = (x: Literal['op'], y: Literal['op']): boolean => (a.op === x && b.op === y) || (a.op === y && b.op === x);
	if (pair('true', 'false')) return true;
	if (a.op === '==' && b.op === '==') return a.value !== b.value;
	if (pair('==', '!=')) return a.value === b.value;
	if (pair('==', 'false')) return a.value !== '';
	return false;
}

function focusOf(conj: Literal[]): Set<string> {
	return new Set(
		conj.flatMap((l) => ((l.op === 'true' || (l.op === '==' && l.key === 'focusedView')) && FOCUS[l.key] ? [FOCUS[l.key]] : [])),
	);
}

/** Why `a` and `b` cannot both hold, or undefined when that cannot be shown. */
function exclusive(a: Literal[], b: Literal[]): string | undefined {
	if ([...a, ...b].some((l) => l.key === 'false' && l.op === 'true')) return 'never active';
	for (const x of a) for (const y of b) if (contradicts(x, y)) return `${x.key} differs`;
	const fa = focusOf(a);
	const fb = focusOf(b);
	if (fa.size > 0 && fb.size > 0 && ![...fa].some((f) => fb.has(f))) return `focus in ${[...fa].join('/')} vs ${[...fb].join('/')}`;
	for (const [k1, k2, reason] of NEVER_TOGETHER) {
		const has = (c: Literal[], k: string): boolean => c.some((l) => l.key === k && l.op === 'true');
		if ((has(a, k1) && has(b, k2)) || (has(a, k2) && has(b, k1))) return reason;
	}
	return undefined;
}

/** Our key on a platform, written as the Linux list writes it (macOS Cmd is VS Code's Ctrl on these keys). */
function keysOf(k: { key: string; mac?: string; win?: string; linux?: string }): string[] {
	return [...new Set([k.linux ?? k.key, k.win ?? k.key, (k.mac ?? k.key).replace(/\bcmd\+/g, 'ctrl+')])];
}

describe('Keybindings', () => {
	const ours = pkg.contributes.keybindings;

	it('lists the built-ins of every key (and chord prefix) we bind', () => {
		const needed = [...new Set(ours.flatMap((k) => keysOf(k).flatMap((key) => [key, ...(key.includes(' ') ? [key.split(' ')[0]] : [])])))];
		assert.deepStrictEqual(
			needed.filter((k) => !builtins.keysCovered.includes(k)),
			[],
			'add the built-in bindings of these keys to fixtures/builtinKeybindings.json',
		);
	});

	it('never takes a key where a built-in binding of VS Code would run', () => {
		const overlaps: string[] = [];
		for (const k of ours) {
			for (const key of keysOf(k)) {
				const prefix = key.includes(' ') ? key.split(' ')[0] : undefined;
				for (const b of builtins.bindings.filter((x) => x.key === key || x.key === prefix)) {
					const unproven = dnf(k.when).some((mine) => dnf(b.when).some((theirs) => !exclusive(withImplied(mine), theirs)));
					if (unproven) overlaps.push(`${k.command} ⟷ ${b.command}`);
				}
			}
		}
		const deliberate = DELIBERATE.map((d) => `${d.command} ⟷ ${d.builtin}`);
		assert.deepStrictEqual(
			[...new Set(overlaps)].filter((o) => !deliberate.includes(o)),
			[],
			'a default keybinding shadows these built-ins',
		);
		assert.deepStrictEqual(
			deliberate.filter((d) => !overlaps.includes(d)),
			[],
			'listed as a deliberate override but no longer overlapping',
		);
	});

	it('finds the overlap that Ctrl+Alt+Enter had with Replace All in the find widget (the check can fail)', () => {
		const old = dnf('editorTextFocus && editorHasSelection && !superofficeChat.isComposeEditor')[0];
		const replaceAll = dnf('editorFocus && findWidgetVisible')[0];
		assert.strictEqual(exclusive(withImplied(old), replaceAll), undefined);
		assert.ok(exclusive(dnf('superofficeChat.chatViewFocused')[0], dnf('editorTextFocus && !editorReadonly')[0]));
	});

	it('keeps Enter a newline everywhere but where we send: Ctrl/Cmd+Enter only in the compose editor', () => {
		const send = ours.find((k) => k.command === 'superofficeChat.sendComposed');
		assert.ok(send?.when?.includes('superofficeChat.isComposeEditor'));
		assert.ok(
			ours.every((k) => !/(^|\+)enter$/.test(k.key) || /\+enter$/.test(k.key)),
			'no plain Enter binding',
		);
	});
});
