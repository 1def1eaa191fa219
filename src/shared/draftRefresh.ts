// What an open composer shows when the host's copy of its draft changed elsewhere (Add Selection to Draft, Outbox
// Edit). Pure. The rules, so that nothing the user typed is ever overwritten:
// - An append (the change says what it added) is applied to what the composer shows now: the added text after a
//   blank line, and the fields the append set (e.g. an internal note's Type). Typing in flight and the added text both
//   stay; the composer then tells the host its result, so the two copies agree again.
// - Any other change replaces the composer only when it still shows what it last exchanged with the host (nothing
//   typed since); otherwise the typing wins and the composer's text goes to the host.
// - A change the view missed while it was closed (`missed`) replaces the view's own copy: the host's copy already
//   holds everything the view sent it before it closed.
import { appendedText } from './draftStore';
import { copyDraft, type DraftAppend, type DraftData, sameDraft } from './draft';

export interface DraftUpdate {
	draft: DraftData;
	appended?: DraftAppend;
	missed?: boolean;
}

/**
 * The draft the composer should show, or undefined to keep what it shows. `shown` is the composer now, `synced` what it
 * last sent to or received from the host for this session (undefined when unknown).
 */
export function refreshedDraft(shown: DraftData, synced: DraftData | undefined, u: DraftUpdate): DraftData | undefined {
	if (u.missed) return sameDraft(shown, u.draft) ? undefined : copyDraft(u.draft);
	if (u.appended) {
		const next = copyDraft(shown);
		for (const [k, v] of Object.entries(u.appended.fields) as [keyof DraftAppend['fields'], string | undefined][]) {
			if (v !== undefined) (next as unknown as Record<string, string>)[k] = v;
		}
		next.text = appendedText(shown.text, u.appended.text);
		return next;
	}
	if (sameDraft(shown, u.draft)) return undefined;
	return synced !== undefined && sameDraft(shown, synced) ? copyDraft(u.draft) : undefined;
}

/** Where the caret goes after the text changed from `before` to `after`: kept where it was if the text before it is
 * unchanged (an append adds at the end), else at the end. */
export function caretAfter(before: string, after: string, caret: number): number {
	return caret <= after.length && after.startsWith(before.slice(0, caret)) ? caret : after.length;
}
