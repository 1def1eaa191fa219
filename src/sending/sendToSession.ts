// The one way a command posts a message: validated, through the SendGuard (no second send to the same session while
// one is in flight), then the session goes to the recent list and the user sees "Message #id posted to …".
// Errors are left to the caller, which knows whether (and how) a retry makes sense.
import * as vscode from 'vscode';
import { type ChatClient, type ChatMessage, type MessageDraft, validateDraft } from '../api';
import { type Connection } from '../connections/connection';
import { sendKey } from '../sessions/sendGuard';
import { actionLabel } from '../errors/errorActions';
import { type Services } from '../services/services';

export interface SendRequest {
	connection: Connection;
	client: ChatClient;
	sessionId: number;
	/** The customer's name when known, for the confirmation. */
	customer?: string;
	/** The text, or a full draft (Message plus other ChatMessage fields). */
	message: string | MessageDraft;
}

export async function sendMessage(s: Services, r: SendRequest): Promise<ChatMessage> {
	const draft: MessageDraft = typeof r.message === 'string' ? { Message: r.message } : r.message;
	validateDraft(r.sessionId, draft);
	const posted = await s.sendGuard.run(sendKey(r.connection.id, r.sessionId), () => r.client.postMessage(r.sessionId, draft));
	await s.recentSessions.add(r.connection.id, r.sessionId);
	const recipient = r.customer ?? vscode.l10n.t('session {0}', r.sessionId);
	s.log.info(`Message #${posted.ChatMessageId ?? '?'} posted to session ${r.sessionId} (${recipient}) [${r.connection.name}]`);
	const showLog = actionLabel('showLog');
	void s.prompter.notify('info', vscode.l10n.t('Message #{0} posted to {1}.', posted.ChatMessageId ?? '?', recipient), {}, showLog).then(
		(chosen) => {
			if (chosen === showLog) s.log.show();
		},
		() => undefined,
	);
	return posted;
}
