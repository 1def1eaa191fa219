// `POST .../Transcript`: the stored messages of a session as plain text or as HTML. In HTML every piece of
// server text is escaped, so a customer's `<script>` arrives as text.
import type { ChatMessage, ChatSessionEntity } from '../../src/api/types';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** `2026-07-01 10:15` (UTC) for a WhenPosted. */
function when(iso: string | undefined): string {
	return (iso ?? '').replace('T', ' ').slice(0, 16);
}

function author(m: ChatMessage): string {
	return m.Author || (m.Type === 'ToUser' ? 'Customer' : 'Agent');
}

export function buildTranscript(session: ChatSessionEntity, messages: ChatMessage[], html: boolean): string {
	const title = `Chat ${session.ChatSessionId} with ${session.CustomerName ?? 'a customer'}`;
	if (!html) {
		return [title, '', ...messages.map((m) => `[${when(m.WhenPosted)}] ${author(m)}: ${m.Message ?? ''}`)].join('\n') + '\n';
	}
	const rows = messages.map(
		(m) =>
			`<p class="${m.Type === 'ToUser' ? 'customer' : 'agent'}"><span class="when">${escapeHtml(when(m.WhenPosted))}</span> ` +
			`<b>${escapeHtml(author(m))}</b>: ${escapeHtml(m.Message ?? '').replace(/\r?\n/g, '<br>')}</p>`,
	);
	return `<div class="chat-transcript"><h3>${escapeHtml(title)}</h3>${rows.join('')}</div>`;
}
