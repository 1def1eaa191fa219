// The status-bar item: the active connection's name with a signed-in/out icon; a click switches connection.
import * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { type ConnectionStatus, type ConnectionStatusSnapshot } from '../connections/connectionStatus';
import { Disposable } from '../util/disposable';

const STATUS_BAR_ID = 'superofficeChat.connection';

export class ConnectionStatusBar extends Disposable {
	private readonly item: vscode.StatusBarItem;

	constructor(status: ConnectionStatus) {
		super();
		this.item = this._register(vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 50));
		this.item.name = vscode.l10n.t('SuperOffice Chat connection');
		this.item.command = CommandId.switchConnection;
		this._register(status.onDidChange((s) => this.render(s)));
		this.render(status.current);
	}

	private render(s: ConnectionStatusSnapshot): void {
		if (!s.active) {
			this.item.hide();
			return;
		}
		const state = s.signedIn ? vscode.l10n.t('signed in') : vscode.l10n.t('signed out');
		this.item.text = `$(${s.signedIn ? 'comment-discussion' : 'debug-disconnect'}) ${s.active.name}`;
		this.item.tooltip = vscode.l10n.t(
			'SuperOffice Chat: {0} ({1}) — {2}. Click to switch connection.',
			s.active.name,
			state,
			s.active.baseUrl,
		);
		this.item.accessibilityInformation = { label: vscode.l10n.t('SuperOffice Chat connection {0}, {1}', s.active.name, state) };
		this.item.backgroundColor = s.signedIn ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
		this.item.show();
	}
}
