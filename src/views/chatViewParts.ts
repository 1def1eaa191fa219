// Parts of the chat view host kept apart from the provider: its HTML, and a send from the webview (the target shown
// is the target sent to; a stale view is refused, never redirected).
import * as vscode from 'vscode';
import { type DraftStore } from '../shared/draftStore';
import { type ErrorInfo, type HostMessage, type WebviewMessage } from '../shared/protocol';
import { sendToSession } from '../sending/sendToSession';
import { type Services } from '../services/services';
import { type Connection } from '../connections/connection';
import { type SessionItem } from '../shared/protocol';
import { customerOf } from '../sessions/sessionSummary';
import { withStatusText } from './liveItems';
import { sessionItemFromEntity, toMessageDraft } from './viewModel';
import { FROM_CHAT_VIEW } from './composerBridge';
import { buildWebviewHtml } from './webviewHtml';
import { webviewStrings } from './webviewStrings';

export function chatViewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
	return buildWebviewHtml({
		webview,
		extensionUri,
		title: vscode.l10n.t('SuperOffice Chat'),
		script: 'dist/webview.js',
		styles: ['dist/chatView.css'],
		lang: vscode.env.language,
		strings: webviewStrings(),
	});
}

/** Posts the webview's draft and answers with sendSucceeded or sendFailed; the draft is cleared only after success. */
export async function sendFromView(
	deps: Services,
	drafts: DraftStore,
	msg: Extract<WebviewMessage, { type: 'send' }>,
	selected: number | undefined,
	errorInfo: (err: unknown) => ErrorInfo,
	/** The newest message id the view has seen in that session: the read-back's starting point if the outcome is unknown. */
	lastKnownMessageId?: number,
): Promise<HostMessage> {
	const fail = (error: ErrorInfo): HostMessage => ({ type: 'sendFailed', requestId: msg.requestId, sessionId: msg.sessionId, error });
	const connection = deps.connections.active();
	if (!connection || connection.id !== msg.connectionId || selected !== msg.sessionId) {
		return fail({ message: vscode.l10n.t('The recipient changed. Check the session and send again.'), retryable: true });
	}
	try {
		const posted = await sendToSession(deps, {
			connection,
			sessionId: msg.sessionId,
			message: toMessageDraft(msg.draft),
			source: 'chat view',
			announce: false,
			lastKnownMessageId,
		});
		await drafts.clear(connection.id, msg.sessionId, FROM_CHAT_VIEW); // the webview clears its own copy
		const messageId = posted.ChatMessageId ?? 0;
		return { type: 'sendSucceeded', requestId: msg.requestId, sessionId: msg.sessionId, messageId, whenPosted: posted.WhenPosted };
	} catch (err) {
		deps.log.failure(`chat view: sending to session ${msg.sessionId}`, err);
		return fail(errorInfo(err));
	}
}

/** A session typed in by id: what the view shows, and what a quick reply fills in (the customer's name, the topic). */
export interface TypedSession {
	item: SessionItem;
	customer?: string;
	topicId?: number;
}

/** A session typed in by id, read from the server; undefined (logged) when it cannot be read. */
export async function describeTypedSession(deps: Services, connection: Connection, sessionId: number): Promise<TypedSession | undefined> {
	try {
		const client = await deps.clients.forConnection(connection);
		const session = await client.getSession(sessionId);
		return { item: withStatusText(sessionItemFromEntity(session)), customer: customerOf(session), topicId: session.TopicId };
	} catch (err) {
		deps.log.failure(`chat view: loading session ${sessionId}`, err);
		return undefined;
	}
}
