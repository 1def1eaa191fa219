// Insert Quick Reply: the expanded text of a template for `{ connectionId, sessionId, customer?, topic?, name? }`,
// returned to the caller (the chat view's composer) for editing; it never sends. Without `name` the user picks one.
// Variables without a value stay visible as `{name}` for the user to fill in.
import * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { registerCommand } from '../errors/showError';
import { expandForTarget, loadReplyTemplates, pickTemplate } from '../sending/quickReplies';
import { type Services } from '../services/services';
import { parseTargetArgs } from '../targets/targetArgs';
import { InvalidArgumentError } from '../util/errors';

function optionalText(a: Record<string, unknown>, key: string): string | undefined {
	const v = a[key];
	if (v === undefined) return undefined;
	if (typeof v !== 'string' || v.length > 200) throw new InvalidArgumentError(vscode.l10n.t('{0} must be text.', key), key);
	return v.trim() || undefined;
}

export function registerInsertQuickReplyCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.insertQuickReply, async (arg?: unknown): Promise<string | undefined> => {
		const args = parseTargetArgs(arg, CommandId.insertQuickReply);
		if (args.sessionId === undefined) {
			throw new InvalidArgumentError(vscode.l10n.t('insertQuickReply takes { connectionId, sessionId }.'), 'sessionId');
		}
		const a = arg as Record<string, unknown>;
		const name = optionalText(a, 'name');
		const connection = s.connections.require(args.connectionId);
		const title = vscode.l10n.t('Insert a quick reply');
		const template = name ? (await loadReplyTemplates()).templates.find((t) => t.name === name) : await pickTemplate(s, s.prompter, title);
		if (!template) {
			if (name) throw new InvalidArgumentError(vscode.l10n.t('There is no quick reply named "{0}".', name), 'name');
			return undefined;
		}
		const client = await s.clients.forConnection(connection);
		const expansion = await expandForTarget(s, template, {
			connection,
			client,
			sessionId: args.sessionId,
			customer: optionalText(a, 'customer'),
			topic: optionalText(a, 'topic'),
		});
		return expansion.text;
	});
}
