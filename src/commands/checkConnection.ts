// Check Connection: `checkConnection({ connectionId? })` skips the connection pick; returns the steps and report.
// The checks, their probes (node:dns, node:tls, node:net) and the report load on first use (connectionCheckFlow.ts).
import type * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { registerCommand } from '../errors/showError';
import { type Services } from '../services/services';

export function registerCheckConnectionCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.checkConnection, async (arg?: unknown) =>
		(await import('./connectionCheckFlow')).checkConnectionCommand(s, arg),
	);
}
