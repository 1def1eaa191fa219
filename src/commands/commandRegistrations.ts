// What registers each palette command, by id. Loaded on the first run of any command (dist/features.js); see
// registerCommands.ts for the stand-ins that are registered at activation.
import type * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { type Services } from '../services/services';
import { type ComposeTargets } from '../targets/composeTargets';
import { registerAcceptTransferCommand } from './acceptTransfer';
import { registerAddConnectionCommand } from './addConnection';
import { registerAddSelectionToDraftCommand } from './addSelectionToDraft';
import { registerCheckConnectionCommand } from './checkConnection';
import { registerComposeMessageCommand } from './composeMessage';
import { registerInsertQuickReplyCommand } from './insertQuickReply';
import { registerOpenOutboxCommand } from './openOutbox';
import { registerOpenWalkthroughCommand } from './openWalkthrough';
import { registerOpenTranscriptCommand } from './openTranscript';
import { registerPickUpCommand } from './pickUp';
import { registerPickUpNextCommand } from './pickUpNext';
import { registerPostMessageCommand } from './postMessage';
import { registerPostQuickReplyCommand } from './postQuickReply';
import { registerPostSelectionCommand } from './postSelection';
import { registerRejectTransferCommand } from './rejectTransfer';
import { registerRemoveConnectionCommand } from './removeConnection';
import { registerResetSessionCommand } from './resetSession';
import { registerSendComposedCommand } from './sendComposed';
import { registerShowLogCommand } from './showLog';
import { registerSignInCommand } from './signIn';
import { registerSignInOnlineCommand } from './signInOnline';
import { registerSignOutCommand } from './signOut';
import { registerSwitchConnectionCommand } from './switchConnection';
import { registerTransferCommand } from './transferSession';

export type Register = (s: Services, composeTargets: ComposeTargets) => vscode.Disposable;

export const commandRegistrations: Readonly<Record<string, Register>> = {
	[CommandId.postMessage]: registerPostMessageCommand,
	[CommandId.composeMessage]: registerComposeMessageCommand,
	[CommandId.sendComposed]: registerSendComposedCommand,
	[CommandId.postSelection]: registerPostSelectionCommand,
	[CommandId.addConnection]: registerAddConnectionCommand,
	[CommandId.signIn]: registerSignInCommand,
	[CommandId.signInOnline]: registerSignInOnlineCommand,
	[CommandId.signOut]: registerSignOutCommand,
	[CommandId.removeConnection]: registerRemoveConnectionCommand,
	[CommandId.switchConnection]: registerSwitchConnectionCommand,
	[CommandId.showLog]: registerShowLogCommand,
	[CommandId.checkConnection]: registerCheckConnectionCommand,
	[CommandId.pickUp]: registerPickUpCommand,
	[CommandId.pickUpNext]: registerPickUpNextCommand,
	[CommandId.transfer]: registerTransferCommand,
	[CommandId.acceptTransfer]: registerAcceptTransferCommand,
	[CommandId.rejectTransfer]: registerRejectTransferCommand,
	[CommandId.resetSession]: registerResetSessionCommand,
	[CommandId.openTranscript]: registerOpenTranscriptCommand,
	[CommandId.openOutbox]: registerOpenOutboxCommand,
	[CommandId.postQuickReply]: registerPostQuickReplyCommand,
	[CommandId.insertQuickReply]: registerInsertQuickReplyCommand,
	[CommandId.addSelectionToDraft]: registerAddSelectionToDraftCommand,
	[CommandId.openWalkthrough]: registerOpenWalkthroughCommand,
};
