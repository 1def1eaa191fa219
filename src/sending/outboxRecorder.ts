// What the one send path does with a send that failed: a send that provably never reached the server (notSent) or
// whose outcome is unknown goes to the Outbox; for an unknown outcome the conversation is read back at once (a GET,
// never a second POST) to tell whether it arrived. Text that holds a secret is not kept (the caller keeps its draft).
import * as vscode from 'vscode';
import { type ChatClient, type ChatMessage, matchReadBack, type MessageDraft, normalizeForReadBack } from '../api';
import { type Connection } from '../connections/connection';
import { CommandId } from '../core/commandIds';
import { scanText } from '../guard';
import { type Services } from '../services/services';
import { type OutboxItem, type OutboxReason } from '../shared/outbox';
import { isApiErrorLike, isErrorNamed, SignInRequiredError } from '../util/errors';

/** Why a failed send belongs in the Outbox, or undefined when it does not (bad input, refused, cancelled). */
export function outboxReason(err: unknown): OutboxReason | undefined {
	if (isErrorNamed(err, SignInRequiredError, 'SignInRequiredError')) return 'notSent';
	if (!isApiErrorLike(err) || err.method !== 'POST') return undefined;
	if (err.outcomeUnknown) return 'unknownOutcome';
	if (err.kind === 'cancelled' || err.kind === 'invalid' || err.otherHost !== undefined) return undefined;
	// Provably not processed: never left the machine, or refused before storing (credentials, rate limit, moved tenant).
	if (err.retryable || err.kind === 'unauthorized' || err.kind === 'rateLimited' || err.kind === 'misdirected') return 'notSent';
	return undefined;
}

export interface FailedSend {
	connection: Connection;
	sessionId: number;
	customer?: string;
	draft: MessageDraft;
	lastKnownMessageId?: number;
}

/** Adds the failed send to the Outbox; undefined when it does not belong there or holds a secret. */
export async function keepInOutbox(s: Services, f: FailedSend, reason: OutboxReason): Promise<OutboxItem | undefined> {
	if (scanText(f.draft.Message).some((x) => x.category === 'secret')) {
		s.log.warn(
			`Not kept in the Outbox: the message to session ${f.sessionId} holds what looks like a secret (the draft stays where it was written)`,
		);
		return undefined;
	}
	try {
		const item = await s.outbox.add({
			connectionId: f.connection.id,
			sessionId: f.sessionId,
			customerLabel: (f.customer ?? vscode.l10n.t('Session {0}', f.sessionId)).slice(0, 200),
			text: f.draft.Message,
			type: f.draft.Type ?? 'ToCustomer',
			specialType: f.draft.SpecialType ?? 'None',
			...(f.draft.SpecialParam !== undefined ? { specialParam: f.draft.SpecialParam } : {}),
			...(f.draft.Author !== undefined ? { author: f.draft.Author } : {}),
			reason,
			...(f.lastKnownMessageId !== undefined ? { lastKnownMessageId: f.lastKnownMessageId } : {}),
		});
		s.log.info(`Outbox: kept the message to session ${f.sessionId} (${reason}) [${f.connection.name}]`);
		return item;
	} catch (e) {
		s.log.failure('Outbox: could not keep the message', e);
		return undefined;
	}
}

/** Outbox items of that session with the same text: a later confirmed send of it makes them obsolete. */
export async function dropSentFromOutbox(s: Services, connectionId: string, sessionId: number, text: string): Promise<void> {
	const want = normalizeForReadBack(text);
	for (const i of s.outbox.forSession(connectionId, sessionId)) {
		if (normalizeForReadBack(i.text) === want) await s.outbox.remove(i.id);
	}
}

export type ReadBackResult =
	| { kind: 'found'; message: ChatMessage }
	/** No id was known before the send, and an earlier message with the same text exists: only the user can tell. */
	| { kind: 'maybe'; message: ChatMessage }
	/** Not stored: every message up to `newestId` was read. */
	| { kind: 'absent'; newestId: number };

/** Reads the session's messages after the last id known before the send and looks for the item's text. */
export async function readBack(client: ChatClient, item: OutboxItem): Promise<ReadBackResult> {
	const after = item.lastKnownMessageId;
	const messages = await client.getMessages(item.sessionId, after);
	const found = matchReadBack(messages, { text: item.text, lastKnownMessageId: after ?? 0, type: item.type, author: item.author });
	const newestId = messages.reduce((n, m) => Math.max(n, m.ChatMessageId ?? 0), after ?? 0);
	if (!found) return { kind: 'absent', newestId };
	return after === undefined ? { kind: 'maybe', message: found } : { kind: 'found', message: found };
}

/** Applies a read-back to the item: found → removed; absent → the newest id read is remembered for the next check. */
export async function settleReadBack(s: Services, item: OutboxItem, r: ReadBackResult): Promise<void> {
	if (r.kind === 'found') {
		await s.outbox.remove(item.id);
		s.knownMessageIds.see(item.connectionId, item.sessionId, r.message.ChatMessageId);
		s.log.info(`Outbox: the message to session ${item.sessionId} was posted after all (#${r.message.ChatMessageId ?? '?'})`);
	} else if (r.kind === 'absent') {
		await s.outbox.update(item.id, { lastKnownMessageId: r.newestId });
	}
}

/** After an unknown outcome: read back once at once and say what it showed. Never posts. */
export async function checkUnknownOutcome(s: Services, connection: Connection, item: OutboxItem): Promise<ReadBackResult | undefined> {
	try {
		const client = await s.clients.forConnection(connection);
		const r = await readBack(client, item);
		await settleReadBack(s, item, r);
		const open = vscode.l10n.t('Open Outbox');
		const say = (level: 'info' | 'warning', text: string, ...actions: string[]): void =>
			void s.prompter.notify(level, text, { id: 'outboxCheck' }, ...actions).then(
				(chosen) => (chosen === open ? vscode.commands.executeCommand(CommandId.openOutbox) : undefined),
				() => undefined,
			);
		if (r.kind === 'found') {
			say(
				'info',
				vscode.l10n.t('The message to {0} was posted after all (message #{1}).', item.customerLabel, r.message.ChatMessageId ?? '?'),
			);
		} else if (r.kind === 'maybe') {
			say(
				'warning',
				vscode.l10n.t(
					'The conversation with {0} has a message with the same text; it may be this one. The Outbox keeps it until you decide.',
					item.customerLabel,
				),
				open,
			);
		} else {
			say(
				'warning',
				vscode.l10n.t(
					'The message to {0} is not in the conversation (yet). It is in the Outbox: Retry there checks again before sending.',
					item.customerLabel,
				),
				open,
			);
		}
		return r;
	} catch (e) {
		s.log.failure(`Outbox: reading back session ${item.sessionId}`, e);
		return undefined;
	}
}
