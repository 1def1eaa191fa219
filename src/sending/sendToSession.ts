// The one send path of every entry point (palette, selection, compose editor, chat view): validated before any
// request, through the SendGuard (no second send to the same session while one is in flight), posted once, then the
// session goes to the recent list and the log. Errors are left to the caller, which knows whether and how a retry
// makes sense; the draft is the caller's and is never touched here.
import * as vscode from 'vscode';
import { type ChatClient, type ChatMessage, type MessageDraft, validateDraft } from '../api';
import { type Connection } from '../connections/connection';
import { actionLabel } from '../errors/errorActions';
import { type Services } from '../services/services';
import { sendKey } from '../sessions/sendGuard';

interface SendRequest {
	connection: Connection;
	sessionId: number;
	/** The customer's name when known, for the confirmation. */
	customer?: string;
	/** The text, or a full draft (Message plus other ChatMessage fields). */
	message: string | MessageDraft;
	/** The client to post with; built for the connection when absent (after validation, so bad input needs none). */
	client?: ChatClient;
	/** Where the send came from, for the log ("chat view"). */
	source?: string;
	/** Show "Message #id posted to …" (default); the chat view shows the result in place instead. */
	announce?: boolean;
}

export async function sendToSession(s: Services, r: SendRequest): Promise<ChatMessage> {
	const draft: MessageDraft = typeof r.message === 'string' ? { Message: r.message } : r.message;
	validateDraft(r.sessionId, draft);
	const posted = await s.sendGuard.run(sendKey(r.connection.id, r.sessionId), async () => {
		const client = r.client ?? (await s.clients.forConnection(r.connection));
		return client.postMessage(r.sessionId, draft);
	});
	await s.recentSessions.add(r.connection.id, r.sessionId);
	const recipient = r.customer ?? vscode.l10n.t('session {0}', r.sessionId);
	s.log.info(
		`${r.source ? `${r.source}: m` : 'M'}essage #${posted.ChatMessageId ?? '?'} posted to session ${r.sessionId} (${recipient}) [${r.connection.name}]`,
	);
	if (r.announce !== false) {
		const showLog = actionLabel('showLog');
		void s.prompter.notify('info', vscode.l10n.t('Message #{0} posted to {1}.', posted.ChatMessageId ?? '?', recipient), {}, showLog).then(
			(chosen) => {
				if (chosen === showLog) s.log.show();
			},
			() => undefined,
		);
	}
	return posted;
}
