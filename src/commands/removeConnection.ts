// Remove Connection: after a modal confirmation, deletes the connection, its credentials and its recent sessions.
import * as vscode from 'vscode';
import { PromptId } from '../core/prompter';
import { CancelledError } from '../util/errors';
import { connectionFromArg, pickConnection } from '../targets/targetArgs';
import { CommandId } from '../core/commandIds';
import { registerCommand } from '../errors/showError';
import { type Services } from '../services/services';

export function registerRemoveConnectionCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.removeConnection, async (arg?: unknown) => {
		const c = connectionFromArg(s, arg) ?? (await pickConnection(s, vscode.l10n.t('Remove which connection?')));
		const ok = await s.prompter.confirm(vscode.l10n.t('Remove the connection "{0}"?', c.name), {
			id: PromptId.confirmRemove,
			detail: vscode.l10n.t('Its stored credentials and recent sessions are deleted too. {0}', c.baseUrl),
			confirm: vscode.l10n.t('Remove'),
		});
		if (!ok) throw new CancelledError();
		// Any scheme; an Online sign-in is also revoked at the provider where it offers that.
		await s.online.forget(c);
		await s.recentSessions.clear(c.id);
		await s.connections.remove(c.id);
		s.log.info(`Removed connection ${c.name}`);
		void s.prompter.notify('info', vscode.l10n.t('Connection "{0}" removed.', c.name), {});
		return c.id;
	});
}
