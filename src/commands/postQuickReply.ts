// Post Quick Reply: session (picker, or `{ connectionId, sessionId }`) → template → values for missing variables →
// preview → send through the one send path. A workspace template can only produce text; the target is the user's.
import * as vscode from 'vscode';
import { type ChatMessage } from '../api';
import { previewLines } from '../compose';
import { CommandId } from '../core/commandIds';
import { registerCommand, showError } from '../errors/showError';
import { expandForTarget, pickTemplate } from '../sending/quickReplies';
import { sendToSession } from '../sending/sendToSession';
import { type Services } from '../services/services';
import { resolveTarget } from '../targets/resolveTarget';
import { parseTargetArgs } from '../targets/targetArgs';
import { CancelledError } from '../util/errors';

/** Prompt ids of this command's questions (scripted prompters answer by them). */
const QuickReplyPromptId = {
	value: 'quickReplyValue',
	preview: 'quickReplyPreview',
} as const;

const PREVIEW_LINES = 12;

export function registerPostQuickReplyCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.postQuickReply, async (arg?: unknown): Promise<ChatMessage | undefined> => {
		const args = parseTargetArgs(arg, CommandId.postQuickReply);
		const title = vscode.l10n.t('Post a quick reply ({0})', s.connections.require(args.connectionId).name);
		const target = await resolveTarget(s, { ...args, title, withTopic: true });
		const template = await pickTemplate(s, s.prompter, title);
		if (!template) return undefined;
		const expansion = await expandForTarget(s, template, target);
		let text = expansion.text;
		for (const name of expansion.missing) {
			const value = await s.prompter.input({
				id: QuickReplyPromptId.value,
				title,
				prompt: vscode.l10n.t('A value for the variable {0}', `{${name}}`),
				validate: (v) => (v.trim() === '' ? vscode.l10n.t('Type a value.') : undefined),
			});
			if (value === undefined) throw new CancelledError();
			text = text.split(`{${name}}`).join(value);
		}
		const recipient = target.customer ?? vscode.l10n.t('session {0}', target.sessionId);
		const preview = previewLines(text, PREVIEW_LINES);
		const note = template.type === 'ToUser' ? vscode.l10n.t(' (internal note)') : '';
		const ok = await s.prompter.confirm(
			vscode.l10n.t('Send "{0}" to {1} (session {2}){3}?', template.name, recipient, target.sessionId, note),
			{
				id: QuickReplyPromptId.preview,
				detail: [...preview.lines, ...(preview.hiddenLines > 0 ? [vscode.l10n.t('… and {0} more lines', preview.hiddenLines)] : [])].join(
					'\n',
				),
				confirm: vscode.l10n.t('Send'),
			},
		);
		if (!ok) throw new CancelledError();
		try {
			return await sendToSession(s, {
				connection: target.connection,
				client: target.client,
				sessionId: target.sessionId,
				customer: target.customer,
				message: { Message: text, ...(template.type ? { Type: template.type } : {}) },
				source: 'quick reply',
			});
		} catch (err) {
			showError(s, err, { connection: target.connection, what: `Post Quick Reply to session ${target.sessionId}` });
			return undefined;
		}
	});
}
