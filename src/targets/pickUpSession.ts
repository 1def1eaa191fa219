// Picks up a queued chat: the one request (never retried: the first may have taken it), then the chat is the agent's.
// Losing the race (the server answers without a session) is said plainly and the list refreshed; nothing else.
import * as vscode from 'vscode';
import { type ChatClient, type ChatSessionEntity } from '../api';
import { type Connection } from '../connections/connection';
import { type Services } from '../services/services';
import { continueWithSession, guarded, refreshSessionViews, sessionName, withActionProgress } from './sessionActions';

interface PickUpTarget {
	connection: Connection;
	client: ChatClient;
	sessionId: number;
	customer?: string;
}

/** The action's name in "… is still running" and the log. */
export function pickUpActionName(): string {
	return vscode.l10n.t('Pick Up');
}

/**
 * Picks up `t.sessionId`. `next: false` leaves the next step to the caller (a reply flow goes on to the text); by
 * default the chat view opens it, or a toast offers Post Message. Undefined when the race was lost.
 */
export async function pickUpSession(s: Services, t: PickUpTarget, o: { next?: boolean } = {}): Promise<ChatSessionEntity | undefined> {
	const name = sessionName(t.customer, t.sessionId);
	const session = await guarded(s, t.connection, t.sessionId, pickUpActionName(), () =>
		withActionProgress(s, vscode.l10n.t('Picking up the chat with {0} on {1}…', name, t.connection.name), () =>
			t.client.pickUp(t.sessionId),
		),
	);
	if (!session) {
		s.log.info(`Pick up of session ${t.sessionId} [${t.connection.name}]: not in the queue any more (lost the race)`);
		void s.prompter.notify(
			'warning',
			vscode.l10n.t('{0} was not picked up: another agent was faster, or the chat left the queue. Nothing was changed.', name),
			{},
		);
		refreshSessionViews();
		return undefined;
	}
	s.log.info(`Picked up session ${t.sessionId} (${name}) [${t.connection.name}]`);
	if (o.next === false) {
		await s.recentSessions.add(t.connection.id, t.sessionId);
		refreshSessionViews();
	} else {
		await continueWithSession(s, t.connection, t.sessionId);
	}
	return session;
}
