// Sign Out: deletes the connection's stored credentials (the connection itself stays).
import * as vscode from 'vscode';
import { connectionFromArg, pickConnection } from '../targets/targetArgs';
import { CommandId } from '../core/commandIds';
import { registerCommand } from '../errors/showError';
import { type Services } from '../services/services';

export function registerSignOutCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.signOut, async (arg?: unknown) => {
		const c = connectionFromArg(s, arg) ?? (await pickConnection(s, vscode.l10n.t('Sign out of which connection?')));
		// Any scheme; an Online sign-in is also revoked at the provider where it offers that.
		await s.online.forget(c);
		s.log.info(`Signed out of ${c.name}`);
		void s.prompter.notify('info', vscode.l10n.t('Signed out of {0}. Its stored credentials were deleted.', c.name), {});
		return c.id;
	});
}
