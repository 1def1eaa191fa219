// The session quick pick: recent sessions on top, then open ones, then the rest, and an item to type an id.
// Shows a busy indicator while the sessions load and says so when there are none. A reply flow offers queued
// sessions as "Pick up and reply"; a session action shows only the sessions it applies to (`filter`).
import { MAX_INT32, parseSessionId } from '../shared/ids';
import * as vscode from 'vscode';
import { type ChatClient } from '../api';
import { type Connection } from '../connections/connection';
import { type PickEntry, type Prompter, PromptId } from '../core/prompter';
import { type SessionDirectory, type SessionSummary, statusLabel } from './sessionDirectory';

interface PickedSession {
	sessionId: number;
	/** The customer's name when the session came from the list. */
	customer?: string;
	summary?: SessionSummary;
}

interface SessionPickOptions {
	title?: string;
	placeholder?: string;
	step?: number;
	totalSteps?: number;
	/** Only the sessions this action applies to (e.g. queued ones for Pick Up). */
	filter?: (row: SessionSummary) => boolean;
	/** Shown when no session passes the filter (default: "No chat sessions for you on …"). */
	emptyText?: string;
	/** Queued rows say "Pick up and reply": choosing one picks it up before the reply (the caller does it). */
	offerPickUp?: boolean;
}

const ENTER_ID = 'enterId' as const;
const DETAIL_LENGTH = 120;

export class SessionPicker {
	constructor(
		private readonly prompter: Prompter,
		private readonly directory: SessionDirectory,
	) {}

	/** Undefined when the user cancels. Load errors (401, network, …) reject. */
	async pick(connection: Connection, client: ChatClient, options: SessionPickOptions = {}): Promise<PickedSession | undefined> {
		const entries = this.directory
			.load(connection, client)
			.then((rows) => this.entries(connection, options.filter ? rows.filter(options.filter) : rows, options));
		const chosen = await this.prompter.pick<SessionSummary | typeof ENTER_ID>(entries, {
			id: PromptId.session,
			title: options.title ?? vscode.l10n.t('Post to SuperOffice chat ({0})', connection.name),
			placeholder: options.placeholder ?? vscode.l10n.t('Choose a chat session'),
			step: options.step,
			totalSteps: options.totalSteps,
			matchOnDescription: true,
			matchOnDetail: true,
		});
		if (chosen === undefined) return undefined;
		if (chosen === ENTER_ID) {
			const id = await this.askId(options);
			return id === undefined ? undefined : { sessionId: id };
		}
		return { sessionId: chosen.id, customer: chosen.customer, summary: chosen };
	}

	/** Asks for a session id typed by hand. */
	async askId(options: SessionPickOptions = {}): Promise<number | undefined> {
		const text = await this.prompter.input({
			id: PromptId.sessionId,
			title: options.title,
			prompt: vscode.l10n.t('The chat session id (a whole number)'),
			placeholder: vscode.l10n.t('e.g. 101'),
			step: options.step,
			totalSteps: options.totalSteps,
			validate: (v) => (parseSessionId(v) === undefined ? vscode.l10n.t('Enter a whole number from 1 to {0}.', MAX_INT32) : undefined),
		});
		return text === undefined ? undefined : parseSessionId(text);
	}

	private entries(
		connection: Connection,
		rows: SessionSummary[],
		options: SessionPickOptions,
	): PickEntry<SessionSummary | typeof ENTER_ID>[] {
		const out: PickEntry<SessionSummary | typeof ENTER_ID>[] = [];
		const groups: [string, SessionSummary[]][] = [
			[vscode.l10n.t('Recent'), rows.filter((r) => r.recent)],
			[vscode.l10n.t('Open'), rows.filter((r) => !r.recent && r.open)],
			[vscode.l10n.t('Other'), rows.filter((r) => !r.recent && !r.open)],
		];
		for (const [label, group] of groups) {
			if (group.length === 0) continue;
			out.push({ separator: true, label });
			for (const r of group) out.push(this.item(r, options.offerPickUp === true));
		}
		if (rows.length === 0) {
			out.push({ separator: true, label: options.emptyText ?? vscode.l10n.t('No chat sessions for you on {0}', connection.name) });
		}
		out.push({ label: vscode.l10n.t('Enter a session id…'), icon: 'edit', value: ENTER_ID, alwaysShow: true });
		return out;
	}

	private item(r: SessionSummary, offerPickUp: boolean): PickEntry<SessionSummary> {
		const queued = offerPickUp && r.status === 'InQueue';
		const transfer = r.transferToName ? vscode.l10n.t('transfer to {0} pending', r.transferToName) : '';
		const description = [r.topic, statusLabel(r.status), transfer, `#${r.id}`, queued ? vscode.l10n.t('Pick up and reply') : '']
			.filter(Boolean)
			.join(' · ');
		const last = r.lastMessage ?? '';
		return {
			label: r.customer,
			description,
			detail: last.length > DETAIL_LENGTH ? `${last.slice(0, DETAIL_LENGTH - 1)}…` : last || undefined,
			icon: queued ? 'inbox' : r.recent ? 'history' : r.open ? 'comment-discussion' : 'archive',
			value: r,
		};
	}
}
