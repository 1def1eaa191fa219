// Registers every palette command. One command per file; each goes through registerCommand() (errors/showError.ts).
// At activation each id gets a stand-in; the command files load (dist/features.js) on the first run of a command,
// then the real command replaces its stand-in and runs (docs/ARCHITECTURE.md "What loads when, and why").
import * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { type Services } from '../services/services';
import { ComposeTargets } from '../targets/composeTargets';

/** Every id commandRegistrations.ts registers. */
const COMMAND_IDS: readonly string[] = [
	CommandId.postMessage,
	CommandId.composeMessage,
	CommandId.sendComposed,
	CommandId.postSelection,
	CommandId.addConnection,
	CommandId.signIn,
	CommandId.signInOnline,
	CommandId.signOut,
	CommandId.removeConnection,
	CommandId.switchConnection,
	CommandId.showLog,
	CommandId.checkConnection,
	CommandId.pickUp,
	CommandId.pickUpNext,
	CommandId.transfer,
	CommandId.acceptTransfer,
	CommandId.rejectTransfer,
	CommandId.resetSession,
	CommandId.openTranscript,
	CommandId.openOutbox,
	CommandId.postQuickReply,
	CommandId.insertQuickReply,
	CommandId.addSelectionToDraft,
	CommandId.openWalkthrough,
];

/**
 * A stand-in for `id` until its first run: then its file loads, the real command is registered in its place (the
 * stand-in goes first: an id can be registered once) and runs.
 */
function registerOnFirstUse(id: string, load: () => Promise<() => vscode.Disposable>, owned: vscode.Disposable[]): void {
	let loading: Promise<void> | undefined;
	let disposed = false;
	const standIn = vscode.commands.registerCommand(id, async (...args: unknown[]) => {
		loading ??= load().then((register) => {
			if (disposed) return;
			standIn.dispose();
			owned.push(register());
		});
		await loading;
		return vscode.commands.executeCommand(id, ...args);
	});
	owned.push(standIn, { dispose: () => (disposed = true) });
}

export function registerCommands(s: Services): vscode.Disposable {
	const composeTargets = new ComposeTargets(s.workspaceState);
	const owned: vscode.Disposable[] = [composeTargets];
	const load = async (id: string): Promise<() => vscode.Disposable> => {
		const { commandRegistrations } = await import('./commandRegistrations');
		const register = commandRegistrations[id];
		if (!register) throw new Error(`no registration for ${id}`);
		return () => register(s, composeTargets);
	};
	for (const id of COMMAND_IDS) registerOnFirstUse(id, () => load(id), owned);
	return { dispose: () => vscode.Disposable.from(...owned.splice(0)).dispose() };
}
