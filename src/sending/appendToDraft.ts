// Appends text to a session's draft in the one DraftStore (globalState) that the chat view's composer reads, so a
// selection or an Outbox item lands where the user writes, never sent by itself. A draft that would grow past the
// composer's limit is refused, never cut.
import * as vscode from 'vscode';
import { type DraftStore } from '../shared/draftStore';
import { type DraftData, type DraftType, emptyDraft, MAX_MESSAGE_LENGTH } from '../shared/protocol';
import { InvalidArgumentError } from '../util/errors';

/** The draft text with `text` added after a blank line (or alone when the draft was empty). */
export function appendedText(current: string, text: string): string {
	if (current.trim() === '') return text;
	return `${current.replace(/\s+$/, '')}\n\n${text}`;
}

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
	await drafts.set(connectionId, sessionId, next);
	return next;
}
