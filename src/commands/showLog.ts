import type * as vscode from 'vscode';
import { CommandId } from './commandIds';
import { registerCommand } from './errorHandling';
import { type Services } from './services';

export function registerShowLogCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.showLog, async () => s.log.show());
}
