// Toasts for the live sessions: "Grace Hopper (#102): Can I change…" with Reply and Mute this session. The reducer
// decided which events deserve one (mode, burst, own messages, on screen); here they are shown as text only.
import * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { truncate } from '../live';
import { type Services } from '../services/services';
import { showError } from '../errors/showError';
import { Disposable } from '../util/disposable';
import { type LiveAlert, type LiveSessions } from './liveSessions';

const TOAST_TEXT_LENGTH = 120;

export class LiveNotifier extends Disposable {
	constructor(
		private readonly deps: Services,
		private readonly live: LiveSessions,
		private readonly reply: (sessionId: number) => Promise<void>,
	) {
		super();
		this._register(live.onDidNotify((n) => void this.show(n)));
		// One prompt per refusal: polling waits until the credentials change, so this cannot repeat every interval.
		this._register(live.onDidNeedSignIn((err) => showError(deps, err, { what: 'Live sessions' })));
	}

	private async show(n: LiveAlert): Promise<void> {
		const who = n.customer ? `${n.customer} (#${n.sessionId})` : `#${n.sessionId}`;
		const text = truncate(n.text, TOAST_TEXT_LENGTH);
		if (n.kind === 'transfer') return this.showTransfer(n, who, text);
		const message =
			n.kind === 'queue'
				? vscode.l10n.t('New chat in the queue — {0}: {1}', who, text || vscode.l10n.t('(no message yet)'))
				: `${who}: ${text}`;
		const replyLabel = vscode.l10n.t('Reply');
		const muteLabel = vscode.l10n.t('Mute this session');
		this.deps.log.debug(`live sessions: notified about session ${n.sessionId} (${n.kind})`);
		const choice = await this.deps.prompter.notify('info', message, {}, replyLabel, muteLabel);
		if (n.connectionId !== this.deps.connections.active()?.id) return;
		if (choice === replyLabel) await this.reply(n.sessionId);
		else if (choice === muteLabel) await this.live.mute(n.sessionId);
	}

	/** A colleague transfers a chat to the agent: Accept / Reject run the commands for exactly that session. */
	private async showTransfer(n: LiveAlert, who: string, text: string): Promise<void> {
		const message = vscode.l10n.t('Transfer to you — {0}: {1}', who, text || vscode.l10n.t('(no message yet)'));
		const accept = vscode.l10n.t('Accept');
		const reject = vscode.l10n.t('Reject');
		this.deps.log.debug(`live sessions: notified about the transfer of session ${n.sessionId}`);
		const choice = await this.deps.prompter.notify('info', message, {}, accept, reject);
		const target = { connectionId: n.connectionId, sessionId: n.sessionId };
		if (choice === accept) await vscode.commands.executeCommand(CommandId.acceptTransfer, target);
		else if (choice === reject) await vscode.commands.executeCommand(CommandId.rejectTransfer, target);
	}
}
