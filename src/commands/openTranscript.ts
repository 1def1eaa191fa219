// Open Transcript: a session's conversation (given, or picked) as the server writes it, in a new untitled editor
// headed with customer, topic and date, ready to save or copy. Plain text, or HTML for pasting into a ticket:
// `openTranscript({ connectionId?, sessionId?, format?: 'text' | 'html' })` → the document; without `format` it asks.
import * as vscode from 'vscode';
import { type TranscriptFormat } from '../api';
import { CommandId } from '../core/commandIds';
import { PromptId } from '../core/prompter';
import { registerCommand, showError } from '../errors/showError';
import { type Services } from '../services/services';
import { resolveTarget } from '../targets/resolveTarget';
import { sessionName } from '../targets/sessionActions';
import { parseTargetArgs } from '../targets/targetArgs';
import { CancelledError, InvalidArgumentError } from '../util/errors';

function formatArg(arg: unknown): TranscriptFormat | undefined {
	const format = arg !== null && typeof arg === 'object' ? (arg as Record<string, unknown>).format : undefined;
	if (format === undefined) return undefined;
	if (format !== 'text' && format !== 'html') throw new InvalidArgumentError(vscode.l10n.t('format must be "text" or "html".'), 'format');
	return format;
}

const escapeHtml = (t: string): string =>
	t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** `2026-07-01` of the session's start (or request), in the user's own terms: the ISO date is unambiguous. */
function dateOf(when: string | undefined): string {
	return when && !Number.isNaN(Date.parse(when)) ? new Date(when).toISOString().slice(0, 10) : '';
}

export function registerOpenTranscriptCommand(s: Services): vscode.Disposable {
	return registerCommand(s, CommandId.openTranscript, async (arg?: unknown): Promise<vscode.TextDocument | undefined> => {
		const args = parseTargetArgs(arg, CommandId.openTranscript);
		let format = formatArg(arg);
		const connection = s.connections.require(args.connectionId);
		const title = vscode.l10n.t('Open Transcript ({0})', connection.name);
		const target = await resolveTarget(s, {
			connectionId: connection.id,
			sessionId: args.sessionId,
			title,
			withTopic: true,
			filter: (r) => r.status !== 'PreChatForm' && r.status !== 'OfflineForm',
		});
		format ??= await s.prompter.pick<TranscriptFormat>(
			[
				{
					label: vscode.l10n.t('Plain text'),
					description: vscode.l10n.t('to save or copy'),
					value: 'text',
					icon: 'file-text',
					picked: true,
				},
				{ label: vscode.l10n.t('HTML'), description: vscode.l10n.t('to paste into a ticket'), value: 'html', icon: 'code' },
			],
			{
				id: PromptId.transcriptFormat,
				title,
				placeholder: vscode.l10n.t('Transcript of {0} as…', sessionName(target.customer, target.sessionId)),
			},
		);
		if (!format) throw new CancelledError();
		const chosen = format;
		const { client, sessionId } = target;
		try {
			const [text, session] = await s.prompter.withProgress(
				vscode.l10n.t('Reading the transcript of {0} on {1}…', sessionName(target.customer, sessionId), connection.name),
				(signal) => Promise.all([client.transcript(sessionId, chosen, { signal }), client.getSession(sessionId, { signal })]),
			);
			const heading = [
				vscode.l10n.t('Chat transcript: {0}', target.customer ?? vscode.l10n.t('session {0}', sessionId)),
				target.topic,
				dateOf(session.WhenStarted ?? session.WhenRequested),
			]
				.filter(Boolean)
				.join(' · ');
			const source = vscode.l10n.t('Session {0} on {1}', sessionId, connection.name);
			const content =
				chosen === 'html' ? `<h2>${escapeHtml(heading)}</h2>\n<p>${escapeHtml(source)}</p>\n${text}\n` : `${heading}\n${source}\n\n${text}`;
			const doc = await vscode.workspace.openTextDocument({ content, language: chosen === 'html' ? 'html' : 'plaintext' });
			await vscode.window.showTextDocument(doc, { preview: false });
			s.log.info(`Opened the ${chosen} transcript of session ${sessionId} [${connection.name}]`);
			return doc;
		} catch (err) {
			// Reading a transcript changes nothing: Retry is safe.
			showError(s, err, {
				connection,
				what: `Open Transcript of session ${sessionId}`,
				retry: () => vscode.commands.executeCommand(CommandId.openTranscript, { connectionId: connection.id, sessionId, format: chosen }),
			});
			return undefined;
		}
	});
}
