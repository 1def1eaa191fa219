// Open Outbox: the sends that did not go out or whose outcome is unknown, with Retry (reads back first when the
// outcome is unknown), Edit (back into that session's draft in the chat view) and Discard. Nothing is retried
// without the user choosing Retry here or on the chat view's Outbox list, which passes `{ id, action }`.
import * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { type PickItem } from '../core/prompter';
import { registerCommand, showError } from '../errors/showError';
import { appendToDraft } from '../sending/appendToDraft';
import { retryOutboxItem, type RetryOutcome } from '../sending/retryOutboxItem';
import { type Services } from '../services/services';
import { type OutboxItem } from '../shared/outbox';
import { OUTBOX_ACTIONS, type OutboxAction } from '../shared/protocol';
import { CancelledError, InvalidArgumentError } from '../util/errors';

/** Prompt ids of this command's questions (scripted prompters answer by them). */
export const OutboxPromptId = { item: 'outboxItem', action: 'outboxAction', empty: 'outboxEmpty' } as const;

type OutboxResult = RetryOutcome | { kind: 'edited' } | { kind: 'discarded' } | undefined;

const DRAFT_TYPES = new Set(['ToCustomer', 'ToUser']);

/** `{ id, action }` acts on one item at once; anything else given is refused before acting. */
function parseOutboxArgs(arg: unknown): { id: string; action: OutboxAction } | undefined {
	if (arg === undefined || arg === null) return undefined;
	const a = arg as Record<string, unknown>;
	if (typeof arg !== 'object' || typeof a.id !== 'string' || a.id === '' || !(OUTBOX_ACTIONS as readonly unknown[]).includes(a.action)) {
		throw new InvalidArgumentError(vscode.l10n.t('openOutbox takes {0}.', '{ id, action: "retry" | "edit" | "discard" }'), 'id');
	}
	return { id: a.id, action: a.action as OutboxAction };
}

function firstLine(text: string): string {
	const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
	return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function itemRow(s: Services, i: OutboxItem): PickItem<OutboxItem> {
	const reason = i.reason === 'unknownOutcome' ? vscode.l10n.t('may have been posted') : vscode.l10n.t('not sent');
	const connection = s.connections.get(i.connectionId)?.name ?? i.connectionId;
	return {
		label: `${i.customerLabel}: ${firstLine(i.text)}`,
		description: `${reason} · ${vscode.l10n.t('session {0}', i.sessionId)} · ${connection}`,
		detail: new Date(i.created).toLocaleString(),
		icon: i.reason === 'unknownOutcome' ? 'question' : 'error',
		value: i,
	};
}

export function registerOpenOutboxCommand(s: Services): vscode.Disposable {
	const act = async (item: OutboxItem, action: OutboxAction, quiet = false): Promise<OutboxResult> => {
		switch (action) {
			case 'retry':
				try {
					return await retryOutboxItem(s, item);
				} catch (err) {
					showError(s, err, { connection: s.connections.get(item.connectionId), what: `Outbox retry to session ${item.sessionId}` });
					return undefined;
				}
			case 'edit': {
				s.connections.require(item.connectionId);
				// Only what the composer can hold comes along: a ToUser note stays one; other fields stay in the draft.
				const type = DRAFT_TYPES.has(item.type) ? (item.type as 'ToCustomer' | 'ToUser') : undefined;
				await appendToDraft(s.drafts, item.connectionId, item.sessionId, item.text, {
					...(type ? { type } : {}),
					specialType: item.specialType,
					specialParam: item.specialParam ?? '',
					author: item.author ?? '',
				});
				await s.outbox.remove(item.id);
				if (quiet) return { kind: 'edited' };
				void s.prompter.notify(
					'info',
					vscode.l10n.t('The message is back in the draft of {0} (session {1}) in the chat view.', item.customerLabel, item.sessionId),
					{},
				);
				return { kind: 'edited' };
			}
			case 'discard':
				await s.outbox.remove(item.id);
				s.log.info(`Outbox: discarded the message to session ${item.sessionId}`);
				return { kind: 'discarded' };
		}
	};

	return registerCommand(s, CommandId.openOutbox, async (arg?: unknown): Promise<OutboxResult> => {
		const direct = parseOutboxArgs(arg);
		if (direct) {
			// `{ id, action }` (the chat view's Outbox list): no picks; the caller shows the outcome in place
			const item = s.outbox.list().find((i) => i.id === direct.id);
			if (!item) throw new InvalidArgumentError(vscode.l10n.t('This message is no longer in the Outbox.'), 'id');
			return act(item, direct.action, true);
		}
		const items = s.outbox.list().reverse();
		if (items.length === 0) {
			void s.prompter.notify('info', vscode.l10n.t('The Outbox is empty: every message went out.'), { id: OutboxPromptId.empty });
			return undefined;
		}
		const item = await s.prompter.pick(
			items.map((i) => itemRow(s, i)),
			{
				id: OutboxPromptId.item,
				title: vscode.l10n.t('Outbox'),
				placeholder: vscode.l10n.t('Messages that did not go out, or may not have'),
				matchOnDescription: true,
			},
		);
		if (!item) throw new CancelledError();
		const retryDetail =
			item.reason === 'unknownOutcome'
				? vscode.l10n.t('Reads the conversation first; sends only if the message is not there')
				: vscode.l10n.t('Sends the message again');
		const action = await s.prompter.pick<OutboxAction>(
			[
				{ label: vscode.l10n.t('Retry'), detail: retryDetail, icon: 'refresh', value: 'retry' },
				{
					label: vscode.l10n.t('Edit'),
					detail: vscode.l10n.t('Back into the draft of that session in the chat view'),
					icon: 'edit',
					value: 'edit',
				},
				{
					label: vscode.l10n.t('Discard'),
					detail: vscode.l10n.t('Removes it from the Outbox; nothing is sent'),
					icon: 'trash',
					value: 'discard',
				},
			],
			{ id: OutboxPromptId.action, title: itemRow(s, item).label },
		);
		if (!action) throw new CancelledError();
		return act(item, action);
	});
}
