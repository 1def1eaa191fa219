// Retry of an Outbox item, only ever on the user's action. A notSent item is posted again (once). An item whose
// outcome is unknown is read back first: found → marked posted, nothing sent; provably absent → posted once; an
// earlier message with the same text when no id was known before the send → the user decides.
import * as vscode from 'vscode';
import { type ChatMessage, type MessageDraft } from '../api';
import { type Services } from '../services/services';
import { type OutboxItem } from '../shared/outbox';
import { readBack, settleReadBack } from './outboxRecorder';
import { sendToSession } from './sendToSession';

/** The id of the question asked when a read-back cannot prove either way (scripted prompters answer by it). */
export const OUTBOX_MAYBE_PROMPT_ID = 'outboxMaybePosted';

export type RetryOutcome = { kind: 'alreadyPosted'; messageId?: number } | { kind: 'posted'; message: ChatMessage } | { kind: 'kept' };

export function draftOf(item: OutboxItem): MessageDraft {
	const d: MessageDraft = { Message: item.text, Type: item.type, SpecialType: item.specialType };
	if (item.specialParam !== undefined) d.SpecialParam = item.specialParam;
	if (item.author !== undefined) d.Author = item.author;
	return d;
}

export async function retryOutboxItem(s: Services, item: OutboxItem): Promise<RetryOutcome> {
	const connection = s.connections.require(item.connectionId);
	const client = await s.clients.forConnection(connection);
	let lastKnown = item.lastKnownMessageId;
	if (item.reason === 'unknownOutcome') {
		const r = await readBack(client, item);
		await settleReadBack(s, item, r);
		if (r.kind === 'found') {
			void s.prompter.notify(
				'info',
				vscode.l10n.t('Already posted to {0} as message #{1} — not sent again.', item.customerLabel, r.message.ChatMessageId ?? '?'),
				{ id: 'outboxAlreadyPosted' },
			);
			return { kind: 'alreadyPosted', messageId: r.message.ChatMessageId };
		}
		if (r.kind === 'maybe') {
			const markPosted = vscode.l10n.t('Mark as Posted');
			const sendAgain = vscode.l10n.t('Send Again');
			const chosen = await s.prompter.notify(
				'warning',
				vscode.l10n.t(
					'The conversation with {0} already has a message with this text (#{1}). Is it this one?',
					item.customerLabel,
					r.message.ChatMessageId ?? '?',
				),
				{
					id: OUTBOX_MAYBE_PROMPT_ID,
					modal: true,
					detail: vscode.l10n.t(
						'No message id was known before the send, so the read-back cannot tell an earlier message with the same text from this one.',
					),
				},
				markPosted,
				sendAgain,
			);
			if (chosen === markPosted) {
				await s.outbox.remove(item.id);
				return { kind: 'alreadyPosted', messageId: r.message.ChatMessageId };
			}
			if (chosen !== sendAgain) return { kind: 'kept' };
		} else {
			lastKnown = r.newestId;
		}
	}
	const message = await sendToSession(s, {
		connection,
		client,
		sessionId: item.sessionId,
		customer: item.customerLabel,
		message: draftOf(item),
		source: 'Outbox',
		lastKnownMessageId: lastKnown,
		outboxItemId: item.id,
	});
	await s.outbox.remove(item.id);
	return { kind: 'posted', message };
}
