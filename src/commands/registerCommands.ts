// Registers every palette command. One command per file; each goes through registerCommand() (errors/showError.ts).
import * as vscode from 'vscode';
import { ComposeTargets } from '../targets/composeTargets';
import { registerAcceptTransferCommand } from './acceptTransfer';
import { registerAddConnectionCommand } from './addConnection';
import { registerCheckConnectionCommand } from './checkConnection';
import { registerAddSelectionToDraftCommand } from './addSelectionToDraft';
import { registerInsertQuickReplyCommand } from './insertQuickReply';
import { registerOpenOutboxCommand } from './openOutbox';
import { registerOpenWalkthroughCommand } from './openWalkthrough';
import { registerPostQuickReplyCommand } from './postQuickReply';
import { registerComposeMessageCommand } from './composeMessage';
import { registerOpenTranscriptCommand } from './openTranscript';
import { registerPickUpCommand } from './pickUp';
import { registerPickUpNextCommand } from './pickUpNext';
import { registerPostMessageCommand } from './postMessage';
import { registerPostSelectionCommand } from './postSelection';
import { registerRejectTransferCommand } from './rejectTransfer';
import { registerRemoveConnectionCommand } from './removeConnection';
import { registerResetSessionCommand } from './resetSession';
import { registerSendComposedCommand } from './sendComposed';
import { type Services } from '../services/services';
import { registerShowLogCommand } from './showLog';
import { registerSignInCommand } from './signIn';
import { registerSignInOnlineCommand } from './signInOnline';
import { registerSignOutCommand } from './signOut';
import { registerSwitchConnectionCommand } from './switchConnection';
import { registerTransferCommand } from './transferSession';

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
		registerCheckConnectionCommand(s),
		registerPickUpCommand(s),
		registerPickUpNextCommand(s),
		registerTransferCommand(s),
		registerAcceptTransferCommand(s),
		registerRejectTransferCommand(s),
		registerResetSessionCommand(s),
		registerOpenTranscriptCommand(s),
		registerOpenOutboxCommand(s),
		registerPostQuickReplyCommand(s),
		registerInsertQuickReplyCommand(s),
		registerAddSelectionToDraftCommand(s),
		registerOpenWalkthroughCommand(s),
	);
}
