// Registers every palette command. One command per file; each goes through registerCommand() (errors/showError.ts).
import * as vscode from 'vscode';
import { ComposeTargets } from '../targets/composeTargets';
import { registerAddConnectionCommand } from './addConnection';
import { registerAddSelectionToDraftCommand } from './addSelectionToDraft';
import { registerInsertQuickReplyCommand } from './insertQuickReply';
import { registerOpenOutboxCommand } from './openOutbox';
import { registerPostQuickReplyCommand } from './postQuickReply';
import { registerComposeMessageCommand } from './composeMessage';
import { registerPostMessageCommand } from './postMessage';
import { registerPostSelectionCommand } from './postSelection';
import { registerRemoveConnectionCommand } from './removeConnection';
import { registerSendComposedCommand } from './sendComposed';
import { type Services } from '../services/services';
import { registerShowLogCommand } from './showLog';
import { registerSignInCommand } from './signIn';
import { registerSignInOnlineCommand } from './signInOnline';
import { registerSignOutCommand } from './signOut';
import { registerSwitchConnectionCommand } from './switchConnection';

export function registerCommands(s: Services): vscode.Disposable {
	const composeTargets = new ComposeTargets(s.workspaceState);
	return vscode.Disposable.from(
		composeTargets,
		registerPostMessageCommand(s),
		registerComposeMessageCommand(s, composeTargets),
		registerSendComposedCommand(s, composeTargets),
		registerPostSelectionCommand(s),
		registerAddConnectionCommand(s),
		registerSignInCommand(s),
		registerSignInOnlineCommand(s),
		registerSignOutCommand(s),
		registerRemoveConnectionCommand(s),
		registerSwitchConnectionCommand(s),
		registerShowLogCommand(s),
		registerOpenOutboxCommand(s),
		registerPostQuickReplyCommand(s),
		registerInsertQuickReplyCommand(s),
		registerAddSelectionToDraftCommand(s),
	);
}
