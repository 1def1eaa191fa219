// The chat view's session rows from the live model's rows: customer, topic name, localised status, need, unread,
// snippet and since. Order as the model sorted them (needs you, then the queue, then the rest).
import * as vscode from 'vscode';
import { OPEN_SESSION_STATUSES } from '../api';
import { type LiveRow } from '../live';
import { type SessionItem } from '../shared/protocol';
import { statusLabel } from '../sessions/sessionDirectory';

export function withStatusText(s: SessionItem): SessionItem {
	const text = statusLabel(s.status);
	return text ? { ...s, statusText: text } : s;
}

export function liveSessionItems(rows: readonly LiveRow[], topicName: (id: number | undefined) => string | undefined): SessionItem[] {
	return rows.map((r) => {
		const item: SessionItem = {
			id: r.id,
			customer: r.customer ?? vscode.l10n.t('Session {0}', r.id),
			status: r.status,
			open: OPEN_SESSION_STATUSES.includes(r.status),
			needsYou: r.needsYou,
			inQueue: r.inQueue,
			unread: r.others ? 0 : r.unread,
			snippet: r.snippet,
		};
		const topic = topicName(r.topicId);
		if (topic) item.topic = topic;
		if (r.since !== undefined) item.since = r.since;
		if (r.transfer) item.transfer = r.transfer;
		return withStatusText(item);
	});
}
