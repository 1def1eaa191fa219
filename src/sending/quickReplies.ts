// Quick-reply templates for a target session: loaded from user settings and the workspace file (text only, see
// compose/parseReplies.ts), and their variables filled from the session, the connection and the active editor.
import * as vscode from 'vscode';
import { type ChatClient } from '../api';
import {
	expandTemplate,
	type Expansion,
	isoDate,
	lineRangeLabel,
	parseRepliesFile,
	previewLines,
	parseReplyTemplates,
	REPLIES_FILE,
	type ReplyProblem,
	type ReplyTemplate,
	type TemplateValues,
	type TemplateVariable,
} from '../compose';
import { type Connection } from '../connections/connection';
import { replyTemplatesSetting } from '../core/config';
import { type Prompter } from '../core/prompter';
import { type Services } from '../services/services';
import { CancelledError } from '../util/errors';
import { selectionMessage } from './selectionText';

export interface LoadedReplies {
	templates: ReplyTemplate[];
	problems: (ReplyProblem & { source: string })[];
}

/** User templates first; a workspace template with the same name as a user one is left out. */
export async function loadReplyTemplates(): Promise<LoadedReplies> {
	const user = parseReplyTemplates(replyTemplatesSetting(), 'user');
	const problems = user.problems.map((p) => ({ ...p, source: 'superofficeChat.replies' }));
	const templates = [...user.templates];
	const folder = vscode.workspace.workspaceFolders?.[0];
	if (folder) {
		const uri = vscode.Uri.joinPath(folder.uri, REPLIES_FILE);
		let text: string | undefined;
		try {
			text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
		} catch {
			text = undefined; // no file: no workspace templates
		}
		if (text !== undefined) {
			const ws = parseRepliesFile(text);
			problems.push(...ws.problems.map((p) => ({ ...p, source: REPLIES_FILE })));
			const names = new Set(templates.map((t) => t.name));
			templates.push(...ws.templates.filter((t) => !names.has(t.name)));
		}
	}
	return { templates, problems };
}

export interface ReplyTarget {
	connection: Connection;
	client: ChatClient;
	sessionId: number;
	customer?: string;
	topic?: string;
}

/** The signed-in user's name (asked only when a template uses `{agent}`; shared, until the credentials change). */
async function agentName(s: Services, t: ReplyTarget): Promise<string | undefined> {
	try {
		const p = await s.principals.get(t.connection.id, t.client);
		const name = (p.FullName ?? p.Associate ?? p.UserName ?? '').trim();
		return name || undefined;
	} catch (e) {
		s.log.failure('Quick reply: reading the agent name', e);
		return t.connection.userName;
	}
}

function editorValues(): TemplateValues {
	const editor = vscode.window.activeTextEditor;
	if (!editor) return {};
	const doc = editor.document;
	const file = doc.isUntitled ? doc.uri.path.split('/').pop() : vscode.workspace.asRelativePath(doc.uri);
	const values: TemplateValues = { file };
	const sel = editor.selection;
	if (!sel.isEmpty) {
		values.selection = selectionMessage(editor);
		const last = sel.end.character === 0 && sel.end.line > sel.start.line ? sel.end.line : sel.end.line + 1;
		values.lines = lineRangeLabel(file ?? '', sel.start.line + 1, last).replace(/^:/, '');
	}
	return values;
}

const uses = (template: string, v: TemplateVariable): boolean => new RegExp(`(?<!\\{)\\{${v}\\}`, 'i').test(template);

/** The template with its variables filled; a variable without a value stays as `{name}` and is listed in `missing`. */
export async function expandForTarget(s: Services, template: ReplyTemplate, t: ReplyTarget): Promise<Expansion> {
	const values: TemplateValues = { ...editorValues(), session: String(t.sessionId), date: isoDate() };
	if (t.customer) values.customer = t.customer;
	if (t.topic) values.topic = t.topic;
	if (uses(template.text, 'agent')) values.agent = await agentName(s, t);
	return expandTemplate(template.text, values);
}

/** Prompt ids of the template pick and of the "no templates" notice (scripted prompters answer by them). */
export const QUICK_REPLY_PROMPT_ID = 'quickReply';
const QUICK_REPLY_NONE_ID = 'quickReplyNone';

/** The template pick; undefined when there are none (the user was told how to add some). */
export async function pickTemplate(s: Services, prompter: Prompter, title: string): Promise<ReplyTemplate | undefined> {
	const { templates, problems } = await loadReplyTemplates();
	for (const p of problems) {
		const where = p.line ? ` (line ${p.line}, column ${p.column})` : '';
		s.log.warn(`Quick replies: ${p.source} ${p.path}: ${p.message}${where}`);
	}
	if (templates.length === 0) {
		void prompter.notify(
			'info',
			vscode.l10n.t('No quick replies yet. Add them to the superofficeChat.replies setting or to .vscode/superoffice-chat.replies.json.'),
			{ id: QUICK_REPLY_NONE_ID },
		);
		return undefined;
	}
	const chosen = await prompter.pick(
		templates.map((t) => ({
			label: t.name,
			description: [
				t.description,
				t.source === 'workspace' ? vscode.l10n.t('workspace') : '',
				t.type === 'ToUser' ? vscode.l10n.t('internal note') : '',
			]
				.filter(Boolean)
				.join(' · '),
			detail: previewLines(t.text, 1).lines[0],
			value: t,
		})),
		{ id: QUICK_REPLY_PROMPT_ID, title, placeholder: vscode.l10n.t('Choose a quick reply'), matchOnDescription: true, matchOnDetail: true },
	);
	if (!chosen) throw new CancelledError();
	return chosen;
}
