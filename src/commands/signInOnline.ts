// Sign In to SuperOffice Online: the browser sign-in (signIn/onlineSignIn.ts, loaded on first use), then a short confirmation.
import * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { registerCommand } from '../errors/showError';
import { type Services } from '../services/services';

export function registerSignInOnlineCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.signInOnline, async () => {
		// The browser sign-in, its loopback listener and id_token checks load on first use (dist/features.js).
		const { signInOnline } = await import('../signIn/onlineSignIn');
		const c = await signInOnline(s);
		void s.prompter.notify('info', vscode.l10n.t('Signed in to {0} as {1}.', c.name, c.userName ?? '?'), {});
		return c.id;
	});
}
