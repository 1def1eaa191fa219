// Loads the user's chat sessions and topic names for pickers (the palette and the sidebar share it).
import * as vscode from 'vscode';
import { type ChatClient, type RequestOptions } from '../api';
import { type Connection } from '../connections/connection';
import { type RecentSessions } from './recentSessions';
import { type SessionSummary, summarizeSessions } from './sessionSummary';

export type { SessionSummary } from './sessionSummary';

export class SessionDirectory {
	constructor(private readonly recent: RecentSessions) {}

	/** Sessions ForCurrentUser with topic names; sorted recent first, then open, then the rest. */
	async load(connection: Connection, client: ChatClient, o?: RequestOptions): Promise<SessionSummary[]> {
		const [sessions, topics] = await Promise.all([
			client.listSessions(o),
			// Topic names only decorate the rows: a failure here must not hide the sessions.
			client.listTopics(o).catch(() => []),
		]);
		return summarizeSessions(sessions, topics, this.recent.list(connection.id), unnamedSession);
	}
}

function unnamedSession(id: number): string {
	return vscode.l10n.t('Session {0}', id);
}

export function statusLabel(status: string | undefined): string {
	switch (status) {
		case 'InQueue':
			return vscode.l10n.t('in queue');
		case 'CustomerLast':
			return vscode.l10n.t('customer waiting');
		case 'UserLast':
			return vscode.l10n.t('answered');
		case 'Closed':
			return vscode.l10n.t('closed');
		case 'Finished':
			return vscode.l10n.t('finished');
		case undefined:
			return '';
		default:
			return status;
	}
}
