// Appends text to a session's draft in the one DraftStore (globalState) that the chat view's composer reads, so a
// selection or an Outbox item lands where the user writes, never sent by itself. A draft that would grow past the
// composer's limit is refused, never cut.
import * as vscode from 'vscode';
import { appendedText, type DraftStore } from '../shared/draftStore';
import { type DraftData, type DraftType, emptyDraft, MAX_MESSAGE_LENGTH } from '../shared/protocol';
import { InvalidArgumentError } from '../util/errors';

export { appendedText };

export async function appendToDraft(
	drafts: DraftStore,
	connectionId: string,
	sessionId: number,
	text: string,
	fields: Partial<Pick<DraftData, 'author' | 'specialType' | 'specialParam'>> & { type?: DraftType } = {},
): Promise<DraftData> {
	const current = drafts.get(connectionId, sessionId) ?? emptyDraft();
	const next: DraftData = { ...current, ...fields, text: appendedText(current.text, text) };
	if (next.text.length > MAX_MESSAGE_LENGTH) {
		throw new InvalidArgumentError(
			vscode.l10n.t('The draft would be longer than {0} characters; nothing was added.', MAX_MESSAGE_LENGTH),
			'text',
		);
	}
	// `appended` lets an open composer apply the same step to what is typed there (chat view's draft refresh)
	await drafts.set(connectionId, sessionId, next, { appended: { text, fields: { ...fields } } });
	return next;
}
