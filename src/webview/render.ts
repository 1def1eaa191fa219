// Renders ViewState into the skeleton. Server text (names, messages) goes in through textContent only.
import type { ConversationMessage, ErrorInfo, SessionAction, SessionItem } from '../shared/protocol';
import { FALLBACK_STRINGS, format, type StringKey } from '../shared/strings';
import { type TextPosition } from '../shared/unicode';
import { isSending, selectedSession, type ViewState } from '../shared/viewState';
import { button, el, type Elements, icon, onClick } from './dom';

type T = (k: StringKey, ...args: (string | number)[]) => string;

// Dates and relative times in VS Code's display language (the page's lang), not the browser's locale.
const lang = document.documentElement.lang || undefined;
const timeFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' });

function formatTime(iso: string | undefined): string {
	if (!iso) return '';
	const d = new Date(iso);
	return Number.isNaN(d.getTime()) ? '' : timeFormat.format(d);
}

/** " · text" after what comes before it, or nothing when there is no text. */
function separated(text: string | undefined): string {
	return text ? ` · ${text}` : '';
}

function sessionLabel(s: SessionItem): string {
	return `#${s.id} ${s.customer}${separated(s.topic)}${s.status ? ` · ${s.statusText ?? s.status}` : ''}`;
}

/** "Customer (#12)", or "#12" for a session not in the list. */
function recipientName(s: ViewState, sessionId: number): string {
	const session = s.sessions.find((x) => x.id === sessionId);
	return session ? `${session.customer} (#${sessionId})` : `#${sessionId}`;
}

const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' });

/** "5 min. ago": how long a customer waits (or since the last activity). */
function ago(ms: number | undefined, now: number): string {
	if (ms === undefined) return '';
	const s = Math.round((ms - now) / 1000);
	if (s > -60) return relative.format(Math.min(0, s), 'second');
	const [seconds, unit] = s > -3600 ? [60, 'minute' as const] : s > -86400 ? [3600, 'hour' as const] : [86400, 'day' as const];
	return relative.format(Math.round(s / seconds), unit);
}

interface ListActions {
	select(sessionId: number): void;
	pickUp(sessionId: number): void;
	sessionAction(action: SessionAction, sessionId: number): void;
}

/** A small button on a row; its click does not also select the row. */
function rowButton(label: string, ariaLabel: string, className: string, run: () => void): HTMLButtonElement {
	return onClick(button({ class: `secondary ${className}`, 'aria-label': ariaLabel }, label), (ev) => {
		ev.stopPropagation();
		run();
	});
}

function rowState(session: SessionItem, t: T): string {
	const need = session.needsYou ? t('needsYou') : session.inQueue ? t('inQueue') : (session.statusText ?? '');
	const transfer = session.transfer === 'incoming' ? t('transferIncoming') : session.transfer === 'pending' ? t('transferPending') : '';
	return [need, transfer].filter(Boolean).join(' · ');
}

/** The sessions as rows, sorted by need (the host's order): unread dot, customer, topic, snippet, how long ago. */
export function renderSessionList(e: Elements, s: ViewState, t: T, actions: ListActions): void {
	const now = Date.now();
	const rows = s.sessions.map((session) => {
		const selected = session.id === s.selectedSessionId;
		const unread = session.unread ?? 0;
		const state = rowState(session, t);
		const li = el('li', {
			role: 'option',
			class: `session-row${session.needsYou ? ' needs-you' : ''}${session.inQueue ? ' in-queue' : ''}${unread > 0 ? ' unread' : ''}${session.transfer ? ` transfer-${session.transfer}` : ''}`,
			'data-id': String(session.id),
			'aria-selected': String(selected),
			tabindex: selected || (s.selectedSessionId === undefined && session === s.sessions[0]) ? '0' : '-1',
		});
		li.append(
			el('span', unread > 0 ? { class: 'dot', title: t('unread', unread), 'aria-label': t('unread', unread) } : { class: 'dot none' }),
			el(
				'div',
				{ class: 'row-main' },
				el(
					'div',
					{ class: 'row-head' },
					el('strong', { class: 'customer' }, session.customer),
					el('span', { class: 'topic' }, separated(session.topic)),
					el('span', { class: 'state' }, separated(state)),
					el('time', { class: 'ago' }, ago(session.since, now)),
				),
				el('div', { class: 'snippet' }, session.snippet ?? ''),
			),
		);
		if (session.inQueue) {
			li.append(rowButton(t('pickUp'), t('pickUpSession', session.customer), 'pick-up', () => actions.pickUp(session.id)));
		}
		if (session.transfer === 'incoming') {
			for (const answer of ['accept', 'reject'] as const) {
				li.append(
					rowButton(t(answer), t(`${answer}Session`, session.customer), `${answer}-transfer`, () =>
						actions.sessionAction(`${answer}Transfer`, session.id),
					),
				);
			}
		}
		onClick(li, () => actions.select(session.id));
		li.addEventListener('keydown', (ev) => {
			if (ev.target !== li) return;
			if (ev.key === 'Enter' || ev.key === ' ') {
				ev.preventDefault();
				actions.select(session.id);
			} else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
				ev.preventDefault();
				const sibling = (ev.key === 'ArrowDown' ? li.nextElementSibling : li.previousElementSibling) as HTMLElement | null;
				sibling?.focus();
			}
		});
		return li;
	});
	const hadFocus = e.sessionList.contains(document.activeElement);
	e.sessionList.replaceChildren(...rows);
	e.sessionList.hidden = rows.length === 0;
	if (hadFocus) (e.sessionList.querySelector<HTMLElement>('[aria-selected="true"]') ?? rows[0])?.focus();
}

interface RenderActions {
	retry(): void;
	showLog(): void;
}

export function renderRecipient(e: Elements, s: ViewState, t: T): void {
	e.connectionName.textContent = s.connection?.name ?? t('noConnection');
	e.connectionName.title = s.connection?.baseUrl ?? '';
	const session = selectedSession(s);
	e.sessionSelect.replaceChildren(
		el('option', { value: '' }, t(s.sessionsLoading ? 'loadingSessions' : s.sessions.length ? 'chooseSession' : 'noSessions')),
		...s.sessions.map((x) => el('option', { value: String(x.id) }, sessionLabel(x))),
	);
	e.sessionSelect.value = session ? String(session.id) : '';
	e.refresh.disabled = s.sessionsLoading;
	e.summary.className = s.sessionsError ? 'summary error' : 'summary';
	if (s.sessionsError) {
		e.summary.textContent = s.sessionsError.message;
	} else if (session) {
		e.summary.replaceChildren(
			el('strong', { class: 'customer' }, session.customer),
			el('span', {}, ` · #${session.id}`),
			el('span', {}, separated(session.topic)),
			el('span', { class: `badge ${session.open ? 'open' : 'closed'}` }, session.statusText ?? session.status ?? t('statusUnknown')),
		);
	} else {
		e.summary.textContent = s.selectedSessionId !== undefined ? `#${s.selectedSessionId}` : '';
	}
}

export function renderConversation(e: Elements, s: ViewState, t: T): void {
	const atBottom = e.messages.scrollHeight - e.messages.scrollTop - e.messages.clientHeight < 24;
	e.messages.replaceChildren(...s.messages.map((m) => messageItem(m, t)));
	e.conversationStatus.textContent = s.conversationError
		? s.conversationError.message
		: s.selectedSessionId !== undefined && s.messages.length === 0
			? t('noMessages')
			: '';
	if (atBottom) e.messages.scrollTop = e.messages.scrollHeight;
}

function messageItem(m: ConversationMessage, t: T): HTMLLIElement {
	const who = m.author || t(m.from);
	const head = el(
		'div',
		{ class: 'head' },
		el('span', { class: 'author' }, who),
		el('time', m.when ? { datetime: m.when } : {}, formatTime(m.when)),
	);
	const body = el('div', { class: 'text' }, m.text);
	const li = el('li', { class: `message from-${m.from}`, 'data-id': String(m.id) }, head, body);
	if (m.specialType && m.specialType !== 'None') {
		li.append(el('div', { class: 'special' }, `${m.specialType}${m.specialParam ? `: ${m.specialParam}` : ''}`));
	}
	return li;
}

export function renderSend(e: Elements, s: ViewState, t: T, actions: RenderActions): void {
	const sending = isSending(s);
	e.send.disabled = sending || !s.connection || s.selectedSessionId === undefined;
	e.send.setAttribute('aria-busy', String(sending));
	e.sendLabel.textContent = sending ? t('sending') : t('send');
	e.sendTarget.textContent = s.selectedSessionId !== undefined ? t('sendTo', recipientName(s, s.selectedSessionId)) : '';
	const show = (className: string, ...parts: Node[]): void => {
		e.result.className = className;
		e.result.replaceChildren(...parts);
	};
	const r = s.send;
	switch (r.status) {
		case 'idle':
		case 'sending':
			return show('result');
		case 'sent':
			return show(
				'result ok',
				icon('check'),
				el(
					'span',
					{},
					// the user switched sessions meanwhile: say where it went
					r.sessionId === s.selectedSessionId
						? t('sent', r.messageId, formatTime(r.whenPosted))
						: t('sentElsewhere', r.messageId, formatTime(r.whenPosted), recipientName(s, r.sessionId)),
				),
			);
		case 'failed':
			return show('result error', ...errorParts(r.error, t, actions));
	}
}

function errorParts(error: ErrorInfo, t: T, actions: RenderActions): Node[] {
	const retry = onClick(button({ id: 'retry', class: 'secondary' }, t('retry')), actions.retry);
	const showLog = onClick(button({ id: 'show-log', class: 'secondary' }, t('showLog')), actions.showLog);
	// Retry is the user's own decision (never automatic); the message says when the first try may have arrived.
	return [icon('error'), el('span', { class: 'error-text' }, error.message), el('span', { class: 'actions' }, retry, showLog)];
}

export function problemText(problem: string, t: T, position?: TextPosition): string {
	if (problem === 'unicode') return t('errUnicode', position?.line ?? '?', position?.column ?? '?');
	return t(problem === 'empty' ? 'errEmpty' : problem === 'url' ? 'errUrl' : 'errTooLong');
}

export function makeT(strings: Partial<Record<StringKey, string>>): T {
	return (k, ...args) => format(strings[k] ?? (FALLBACK_STRINGS as Partial<Record<StringKey, string>>)[k] ?? k, ...args);
}
