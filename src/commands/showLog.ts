import type * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { registerCommand } from '../errors/showError';
import { type Services } from '../services/services';

export function registerShowLogCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.showLog, async () => s.log.show());
}
