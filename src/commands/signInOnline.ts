// Sign In to SuperOffice Online: the browser sign-in (connections/onlineSignIn.ts), then a short confirmation.
import * as vscode from 'vscode';
import { signInOnline } from '../signIn/onlineSignIn';
import { CommandId } from '../core/commandIds';
import { registerCommand } from '../errors/showError';
import { type Services } from '../services/services';

export function registerSignInOnlineCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.signInOnline, async () => {
		const c = await signInOnline(s);
		void s.prompter.notify('info', vscode.l10n.t('Signed in to {0} as {1}.', c.name, c.userName ?? '?'), {});
		return c.id;
	});
}
