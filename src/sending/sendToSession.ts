// The one send path of every entry point (palette, selection, compose editor, chat view, quick replies, Outbox):
// validated before any request, then the outbound guard, then the SendGuard (no second send to the same session while
// one is in flight), posted once. A send that never arrived or whose outcome is unknown goes to the Outbox (and an
// unknown outcome is read back at once). Errors are left to the caller; the caller's draft is never touched here.
import * as vscode from 'vscode';
import { type ChatClient, type ChatMessage, type MessageDraft, validateDraft } from '../api';
import { type Connection } from '../connections/connection';
import { type Services } from '../services/services';
import { sendKey } from '../sessions/sendGuard';
import { confirmSent, withSendProgress } from './announceSend';
import { checkOutbound } from './outboundGuard';
import { checkUnknownOutcome, dropSentFromOutbox, keepInOutbox, outboxReason } from './outboxRecorder';

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
	/** Show progress and "Posted to …" (default; see announceSend.ts); the chat view shows the result in place instead. */
	announce?: boolean;
	/** The newest message id the caller has seen in this session (for a later read-back); else what this window saw. */
	lastKnownMessageId?: number;
	/** A retry from the Outbox: a new failure updates that item instead of adding another. */
	outboxItemId?: string;
}

export async function sendToSession(s: Services, r: SendRequest): Promise<ChatMessage> {
	const draft: MessageDraft = typeof r.message === 'string' ? { Message: r.message } : { ...r.message };
	validateDraft(r.sessionId, draft);
	const recipient = r.customer ?? vscode.l10n.t('session {0}', r.sessionId);
	draft.Message = await checkOutbound(s, draft.Message, recipient);
	const known = r.lastKnownMessageId ?? s.knownMessageIds.get(r.connection.id, r.sessionId);
	let posted: ChatMessage;
	try {
		const post = (): Promise<ChatMessage> =>
			s.sendGuard.run(sendKey(r.connection.id, r.sessionId), async () => {
				const client = r.client ?? (await s.clients.forConnection(r.connection));
				return client.postMessage(r.sessionId, draft);
			});
		posted = r.announce !== false ? await withSendProgress(s, recipient, post) : await post();
	} catch (err) {
		await afterFailure(s, r, draft, known, err);
		throw err;
	}
	s.knownMessageIds.see(r.connection.id, r.sessionId, posted.ChatMessageId);
	await dropSentFromOutbox(s, r.connection.id, r.sessionId, draft.Message);
	await s.recentSessions.add(r.connection.id, r.sessionId);
	s.log.info(
		`${r.source ? `${r.source}: m` : 'M'}essage #${posted.ChatMessageId ?? '?'} posted to session ${r.sessionId} (${recipient}) [${r.connection.name}]`,
	);
	confirmSent(s, posted, recipient, r.announce !== false);
	return posted;
}

async function afterFailure(s: Services, r: SendRequest, draft: MessageDraft, known: number | undefined, err: unknown): Promise<void> {
	const reason = outboxReason(err);
	if (!reason) return;
	let item = r.outboxItemId !== undefined ? s.outbox.list().find((i) => i.id === r.outboxItemId) : undefined;
	if (item) {
		item = await s.outbox.update(item.id, { reason, ...(known !== undefined ? { lastKnownMessageId: known } : {}) });
	} else {
		const failed = { connection: r.connection, sessionId: r.sessionId, customer: r.customer, draft, lastKnownMessageId: known };
		item = await keepInOutbox(s, failed, reason);
	}
	// Reading back is not sending again: it only tells the user what happened ("checking…" in the error's text).
	if (item && reason === 'unknownOutcome') void checkUnknownOutcome(s, r.connection, item);
}
