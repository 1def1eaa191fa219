// Sign In / Update Credentials: asks for the credentials of a connection, checks them, stores them.
import { hasTypedCredentials } from '../connections/connection';
import * as vscode from 'vscode';
import { collectCredentials, saveCredentials } from '../signIn/credentialPrompts';
import { isOnlineConnection } from '../connections/onlineTokens';
import { connectionFromArg, pickConnection } from '../targets/targetArgs';
import { CommandId } from '../core/commandIds';
import { registerCommand } from '../errors/showError';
import { type Services } from '../services/services';

export function registerSignInCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.signIn, async (arg?: unknown) => {
		const c = connectionFromArg(s, arg) ?? (await pickConnection(s, vscode.l10n.t('Sign in to which connection?')));
		if (!hasTypedCredentials(c)) {
			// Online connections sign in through the browser again (same environment, application and tenant).
			const { signInOnline } = await import('../signIn/onlineSignIn');
			const signedIn = await signInOnline(s, isOnlineConnection(c) ? { connection: c } : {});
			void s.prompter.notify('info', vscode.l10n.t('Signed in to {0} as {1}.', signedIn.name, signedIn.userName ?? '?'), {});
			return signedIn.id;
		}
		const { entered, who } = await collectCredentials(s, c, { title: vscode.l10n.t('Sign in to {0}', c.name) });
		await saveCredentials(s, c, entered);
		s.log.info(`Signed in to ${c.name}${who ? ` as ${who}` : ''}`);
		void s.prompter.notify(
			'info',
			who ? vscode.l10n.t('Signed in to {0} as {1}.', c.name, who) : vscode.l10n.t('Credentials for {0} saved.', c.name),
			{},
		);
		return c.id;
	});
}
