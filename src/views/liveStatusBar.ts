// The status-bar item of the live sessions: how many chats need the agent (a reply, a pick-up, a transfer); a click
// opens the chat view at the oldest waiting one, or picks up the next chat when only the queue waits. While polling
// fails or waits for a sign-in it says so, once, here.
import * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { Disposable } from '../util/disposable';
import { type LiveSessions, type LiveSnapshot } from './liveSessions';

const STATUS_BAR_ID = 'superofficeChat.waiting';

export class LiveStatusBar extends Disposable {
	private readonly item: vscode.StatusBarItem;

	constructor(live: LiveSessions) {
		super();
		this.item = this._register(vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 49));
		this.item.name = vscode.l10n.t('SuperOffice Chat sessions waiting');
		this._register(live.onDidChange((s) => this.render(s)));
		this.render(live.snapshot);
	}

	/** What the item shows now (for tests): text, tooltip and the click's command id, or undefined when hidden. */
	get shown(): { text: string; tooltip: string; command?: string } | undefined {
		const c = this.item.command;
		const command = typeof c === 'string' ? c : c?.command;
		return this.visible ? { text: this.item.text, tooltip: String(this.item.tooltip ?? ''), ...(command ? { command } : {}) } : undefined;
	}

	private visible = false;

	private render(s: LiveSnapshot): void {
		const v = s.view;
		if (s.status === 'authPaused' || s.status === 'failing') {
			this.item.text = `$(warning) ${v.badge}`;
			this.item.tooltip =
				s.status === 'authPaused'
					? vscode.l10n.t('SuperOffice Chat: the server refused the sign-in. Live updates are paused until you sign in again.')
					: vscode.l10n.t('SuperOffice Chat: checking for new messages fails; trying again later. Click to refresh now.');
			this.item.command = s.status === 'authPaused' ? CommandId.signIn : CommandId.refreshView;
			this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
			this.item.accessibilityInformation = { label: String(this.item.tooltip) };
			return this.show(true);
		}
		this.item.backgroundColor = undefined;
		if (s.status !== 'running' || v.badge === 0) return this.show(false);
		this.item.text = `$(comment-unresolved) ${v.badge}`;
		this.item.accessibilityInformation = {
			label: vscode.l10n.t('{0} chat sessions need you: {1} need a reply, {2} in queue', v.badge, v.needsYou, v.inQueue),
		};
		if (v.needsYou === 0 && v.incoming === 0 && s.connectionId !== undefined) {
			// Only the queue waits: the click takes the next chat in it.
			this.item.tooltip = vscode.l10n.t('SuperOffice Chat: {0} in queue. Click to pick up the next chat.', v.inQueue);
			const title = vscode.l10n.t('Pick Up Next Chat');
			this.item.command = { command: CommandId.pickUpNext, title, arguments: [{ connectionId: s.connectionId }] };
			return this.show(true);
		}
		this.item.tooltip =
			v.incoming > 0
				? vscode.l10n.t(
						'SuperOffice Chat: {0} need a reply, {1} in queue, {2} transferred to you. Click to open the oldest waiting session.',
						v.needsYou,
						v.inQueue,
						v.incoming,
					)
				: vscode.l10n.t(
						'SuperOffice Chat: {0} need a reply, {1} in queue. Click to open the oldest waiting session.',
						v.needsYou,
						v.inQueue,
					);
		this.item.command = CommandId.openWaitingSession;
		this.show(true);
	}

	private show(on: boolean): void {
		this.visible = on;
		if (on) this.item.show();
		else this.item.hide();
	}
}
