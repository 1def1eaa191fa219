// How a send from the palette, a selection or the compose editor tells its outcome: a spinner in the status bar while
// it posts, then a passing status-bar message (default) or a toast (`superofficeChat.confirmations`). Quiet on
// purpose: an agent sends many messages a day; failures still raise a notification through the caller.
import * as vscode from 'vscode';
import { type ChatMessage } from '../api';
import { confirmationPlace } from '../core/config';
import { ContextKey, setContextKey } from '../core/contextKeys';
import { actionLabel } from '../errors/errorActions';
import { type Services } from '../services/services';

/** Runs the post under window progress ("Posting to Grace Hopper…") in the status bar. */
export function withSendProgress<T>(s: Services, recipient: string, post: () => Promise<T>): Promise<T> {
	return s.prompter.windowProgress(vscode.l10n.t('Posting to {0}…', recipient), post);
}

/** After every confirmed send; `announce` is false for the chat view, which shows the result in place. */
export function confirmSent(s: Services, posted: ChatMessage, recipient: string, announce: boolean): void {
	void setContextKey(ContextKey.hasSent, true);
	if (!announce) return;
	const id = posted.ChatMessageId ?? '?';
	if (confirmationPlace() === 'statusBar') {
		s.prompter.statusMessage(vscode.l10n.t('$(check) Posted to {0} (message #{1})', recipient, id));
		return;
	}
	const showLog = actionLabel('showLog');
	void s.prompter.notify('info', vscode.l10n.t('Message #{0} posted to {1}.', id, recipient), {}, showLog).then(
		(chosen) => {
			if (chosen === showLog) s.log.show();
		},
		() => undefined,
	);
}
