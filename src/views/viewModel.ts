// Pure mapping from wire types to what the chat view shows, and from the composer draft to the client's MessageDraft.
import { type ChatMessage, type ChatSessionEntity, type MessageDraft, OPEN_SESSION_STATUSES } from '../api';
import type { ConversationMessage, DraftData, SessionItem } from '../shared/protocol';
import { customerOf } from '../sessions/sessionSummary';
import { MAX_CONVERSATION } from '../shared/viewState';

function toConversationMessage(m: ChatMessage): ConversationMessage | undefined {
	if (typeof m.ChatMessageId !== 'number') return undefined;
	const out: ConversationMessage = {
		id: m.ChatMessageId,
		from: m.Type === 'ToUser' ? 'customer' : m.Type === 'ToCustomer' ? 'agent' : 'system',
		author: typeof m.Author === 'string' ? m.Author : '',
		text: typeof m.Message === 'string' ? m.Message : '',
	};
	if (typeof m.WhenPosted === 'string') out.when = m.WhenPosted;
	if (typeof m.SpecialType === 'string' && m.SpecialType !== 'None') out.specialType = m.SpecialType;
	if (typeof m.SpecialParam === 'string' && m.SpecialParam !== '') out.specialParam = m.SpecialParam;
	return out;
}

/** The newest messages, oldest first, at most MAX_CONVERSATION. */
export function toConversation(messages: readonly ChatMessage[]): ConversationMessage[] {
	const out = messages.map(toConversationMessage).filter((m): m is ConversationMessage => m !== undefined);
	out.sort((a, b) => a.id - b.id);
	return out.length > MAX_CONVERSATION ? out.slice(out.length - MAX_CONVERSATION) : out;
}

export function toMessageDraft(d: DraftData): MessageDraft {
	const draft: MessageDraft = { Message: d.text, Type: d.type, SpecialType: d.specialType };
	if (d.author.trim() !== '') draft.Author = d.author.trim();
	if (d.specialParam.trim() !== '' || d.specialType !== 'None') draft.SpecialParam = d.specialParam.trim();
	return draft;
}

/** Anything with the fields of a session summary (Contract 3's SessionSummary) becomes a SessionItem. */
export function toSessionItem(s: {
	id: number;
	customer: string;
	topic?: string;
	status?: SessionItem['status'];
	open: boolean;
}): SessionItem {
	const item: SessionItem = { id: s.id, customer: s.customer, open: s.open };
	if (s.topic) item.topic = s.topic;
	if (s.status) item.status = s.status;
	return item;
}

export function sessionItemFromEntity(e: ChatSessionEntity): SessionItem {
	const item: SessionItem = {
		id: e.ChatSessionId,
		customer: customerOf(e) ?? `#${e.ChatSessionId}`,
		open: e.Status !== undefined && OPEN_SESSION_STATUSES.includes(e.Status),
	};
	if (e.Status) item.status = e.Status;
	return item;
}
