// Turns the server's sessions and topics into picker rows: recent first (in recent order), then open, then the
// rest; deleted sessions are left out. No vscode import, so it stays easy to test.
import { type ChatSessionEntity, type ChatSessionStatus, type ChatTopicEntity, OPEN_SESSION_STATUSES } from '../api';

export interface SessionSummary {
	id: number;
	customer: string;
	topic?: string;
	status?: ChatSessionStatus;
	lastMessage?: string;
	open: boolean;
	recent: boolean;
	/** The agent the session is assigned to (absent while it waits in the queue). */
	ownerId?: number;
	/** A pending transfer: to whom. */
	transferToId?: number;
	transferToName?: string;
}

function associateName(a: { FullName?: string; Name?: string } | null | undefined): string | undefined {
	return a?.FullName?.trim() || a?.Name?.trim() || undefined;
}

const HIDDEN: readonly ChatSessionStatus[] = ['Deleted', 'Invalid'];

export function customerOf(s: ChatSessionEntity): string | undefined {
	for (const v of [s.CustomerName, s.CustomerAlias, s.CustomerEmail, s.CustomerCompanyName]) {
		if (typeof v === 'string' && v.trim() !== '') return v.trim();
	}
	return undefined;
}

export function summarizeSessions(
	sessions: readonly ChatSessionEntity[],
	topics: readonly ChatTopicEntity[],
	recentIds: readonly number[],
	unnamed: (id: number) => string,
): SessionSummary[] {
	const topicNames = new Map<number, string>();
	for (const t of topics) if (t.Name) topicNames.set(t.ChatTopicId, t.Name);
	const rows = sessions
		.filter((s) => !s.Status || !HIDDEN.includes(s.Status))
		.map((s): SessionSummary => {
			const row: SessionSummary = {
				id: s.ChatSessionId,
				customer: customerOf(s) ?? unnamed(s.ChatSessionId),
				open: s.Status !== undefined && OPEN_SESSION_STATUSES.includes(s.Status),
				recent: recentIds.includes(s.ChatSessionId),
			};
			const topic = s.TopicId !== undefined ? topicNames.get(s.TopicId) : undefined;
			if (topic) row.topic = topic;
			if (s.Status) row.status = s.Status;
			const last = (s.LastMessage ?? '').replace(/\s+/g, ' ').trim();
			if (last) row.lastMessage = last;
			if (typeof s.User?.AssociateId === 'number') row.ownerId = s.User.AssociateId;
			if (typeof s.TransferTo?.AssociateId === 'number') {
				row.transferToId = s.TransferTo.AssociateId;
				const name = associateName(s.TransferTo);
				if (name) row.transferToName = name;
			}
			return row;
		});
	const rank = (r: SessionSummary): number => (r.recent ? 0 : r.open ? 1 : 2);
	return rows
		.map((r, i) => ({ r, i }))
		.sort((a, b) => {
			const d = rank(a.r) - rank(b.r);
			if (d !== 0) return d;
			if (a.r.recent && b.r.recent) return recentIds.indexOf(a.r.id) - recentIds.indexOf(b.r.id);
			return a.i - b.i;
		})
		.map((x) => x.r);
}
