// Switch Connection: from the palette, the status bar or the view title; `switchConnection('<id>')` for automation.
import * as vscode from 'vscode';
import { type Connection } from '../connections/connection';
import { type PickEntry, PromptId } from '../core/prompter';
import { CancelledError, NoConnectionError } from '../util/errors';
import { connectionFromArg, connectionPickItems } from '../targets/targetArgs';
import { CommandId } from '../core/commandIds';
import { registerCommand } from '../errors/showError';
import { type Services } from '../services/services';

const ADD = 'add' as const;

export function registerSwitchConnectionCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.switchConnection, async (arg?: unknown) => {
		let target = connectionFromArg(s, arg);
		if (!target) {
			const list = s.connections.list();
			if (list.length === 0) throw new NoConnectionError();
			const active = s.connections.active();
			const items: PickEntry<Connection | typeof ADD>[] = [
				...(await connectionPickItems(s, list)),
				{ separator: true as const, label: '' },
				{ label: vscode.l10n.t('Add Connection…'), icon: 'add', value: ADD, alwaysShow: true },
			];
			const chosen = await s.prompter.pick(items, {
				id: PromptId.pickConnection,
				placeholder: vscode.l10n.t('Switch the SuperOffice connection (active: {0})', active?.name ?? '-'),
			});
			if (chosen === undefined) throw new CancelledError();
			if (chosen === ADD) {
				await vscode.commands.executeCommand(CommandId.addConnection);
				return undefined;
			}
			target = chosen;
		}
		await s.connections.setActive(target.id);
		s.log.info(`Active connection: ${target.name} (${target.baseUrl})`);
		return target.id;
	});
}
