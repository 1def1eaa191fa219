// Renders ViewState into the skeleton. Server text (names, messages) goes in through textContent only.
import type { ConversationMessage, ErrorInfo, SessionAction, SessionItem } from '../shared/protocol';
import { FALLBACK_STRINGS, format, type StringKey } from '../shared/strings';
import { type TextPosition } from '../shared/unicode';
import { isSending, selectedSession, type ViewState } from '../shared/viewState';
import { el, type Elements } from './dom';

type T = (k: StringKey, ...args: (string | number)[]) => string;

// Dates in VS Code's display language (the page's lang), like the relative times below, not the browser's locale.
const timeFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'short', timeStyle: 'short' });

function formatTime(iso: string | undefined): string {
	if (!iso) return '';
	const d = new Date(iso);
	return Number.isNaN(d.getTime()) ? '' : timeFormat.format(d);
}

function sessionLabel(s: SessionItem): string {
	return `#${s.id} ${s.customer}${s.topic ? ` · ${s.topic}` : ''}${s.status ? ` · ${s.statusText ?? s.status}` : ''}`;
}

function recipientName(s: ViewState, sessionId: number): string {
	const session = s.sessions.find((x) => x.id === sessionId);
	return session ? `${session.customer} (#${sessionId})` : `#${sessionId}`;
}

const relative = new Intl.RelativeTimeFormat(document.documentElement.lang || undefined, { numeric: 'auto', style: 'short' });

/** "5 min. ago": how long a customer waits (or since the last activity). */
function ago(ms: number | undefined, now: number): string {
	if (ms === undefined) return '';
	const s = Math.round((ms - now) / 1000);
	if (s > -60) return relative.format(Math.min(0, s), 'second');
	if (s > -3600) return relative.format(Math.round(s / 60), 'minute');
	if (s > -86400) return relative.format(Math.round(s / 3600), 'hour');
	return relative.format(Math.round(s / 86400), 'day');
}

interface ListActions {
	select(sessionId: number): void;
	pickUp(sessionId: number): void;
	sessionAction(action: SessionAction, sessionId: number): void;
}

/** A small button on a row; its click does not also select the row. */
function rowButton(label: string, ariaLabel: string, className: string, onClick: () => void): HTMLButtonElement {
	const b = el('button', { type: 'button', class: `secondary ${className}`, 'aria-label': ariaLabel }, label);
	b.addEventListener('click', (ev) => {
		ev.stopPropagation();
		onClick();
	});
	return b;
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
					el('span', { class: 'topic' }, session.topic ? ` · ${session.topic}` : ''),
					el('span', { class: 'state' }, state ? ` · ${state}` : ''),
					el('time', { class: 'ago' }, ago(session.since, now)),
				),
				el('div', { class: 'snippet' }, session.snippet ?? ''),
			),
		);
		if (session.inQueue) {
			li.append(rowButton(t('pickUp'), t('pickUpSession', session.customer), 'pick-up', () => actions.pickUp(session.id)));
		}
		if (session.transfer === 'incoming') {
			li.append(
				rowButton(t('accept'), t('acceptSession', session.customer), 'accept-transfer', () =>
					actions.sessionAction('acceptTransfer', session.id),
				),
				rowButton(t('reject'), t('rejectSession', session.customer), 'reject-transfer', () =>
					actions.sessionAction('rejectTransfer', session.id),
				),
			);
		}
		li.addEventListener('click', () => actions.select(session.id));
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
	e.connectionName.textContent = s.connection ? s.connection.name : t('noConnection');
	e.connectionName.title = s.connection ? s.connection.baseUrl : '';
	const options: HTMLOptionElement[] = [
		el('option', { value: '' }, s.sessionsLoading ? t('loadingSessions') : s.sessions.length ? t('chooseSession') : t('noSessions')),
	];
	for (const session of s.sessions) options.push(el('option', { value: String(session.id) }, sessionLabel(session)));
	e.sessionSelect.replaceChildren(...options);
	e.sessionSelect.value =
		s.selectedSessionId !== undefined && s.sessions.some((x) => x.id === s.selectedSessionId) ? String(s.selectedSessionId) : '';
	e.refresh.disabled = s.sessionsLoading;
	const session = selectedSession(s);
	if (s.sessionsError) {
		e.summary.textContent = s.sessionsError.message;
		e.summary.className = 'summary error';
	} else if (session) {
		e.summary.className = 'summary';
		e.summary.replaceChildren(
			el('strong', { class: 'customer' }, session.customer),
			el('span', {}, ` · #${session.id}`),
			el('span', {}, session.topic ? ` · ${session.topic}` : ''),
			el('span', { class: `badge ${session.open ? 'open' : 'closed'}` }, session.statusText ?? session.status ?? t('statusUnknown')),
		);
	} else {
		e.summary.className = 'summary';
		e.summary.textContent = s.selectedSessionId !== undefined ? `#${s.selectedSessionId}` : '';
	}
}

export function renderConversation(e: Elements, s: ViewState, t: T): void {
	const atBottom = e.messages.scrollHeight - e.messages.scrollTop - e.messages.clientHeight < 24;
	e.messages.replaceChildren(...s.messages.map((m) => messageItem(m, t)));
	if (s.conversationError) e.conversationStatus.textContent = s.conversationError.message;
	else if (s.selectedSessionId !== undefined && s.messages.length === 0) e.conversationStatus.textContent = t('noMessages');
	else e.conversationStatus.textContent = '';
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
	const session = selectedSession(s);
	const sending = isSending(s);
	e.send.disabled = sending || !s.connection || s.selectedSessionId === undefined;
	e.send.setAttribute('aria-busy', String(sending));
	e.sendLabel.textContent = sending ? t('sending') : t('send');
	e.sendTarget.textContent =
		s.selectedSessionId !== undefined ? t('sendTo', session ? `${session.customer} (#${session.id})` : `#${s.selectedSessionId}`) : '';
	const r = s.send;
	switch (r.status) {
		case 'idle':
		case 'sending':
			e.result.replaceChildren();
			e.result.className = 'result';
			return;
		case 'sent':
			e.result.className = 'result ok';
			e.result.replaceChildren(
				el('span', { class: 'codicon codicon-check', 'aria-hidden': 'true' }),
				el(
					'span',
					{},
					// the user switched sessions meanwhile: say where it went
					r.sessionId === s.selectedSessionId
						? t('sent', r.messageId, formatTime(r.whenPosted))
						: t('sentElsewhere', r.messageId, formatTime(r.whenPosted), recipientName(s, r.sessionId)),
				),
			);
			return;
		case 'failed':
			e.result.className = 'result error';
			e.result.replaceChildren(...errorParts(r.error, t, actions));
			return;
	}
}

function errorParts(error: ErrorInfo, t: T, actions: RenderActions): Node[] {
	const retry = el('button', { id: 'retry', type: 'button', class: 'secondary' }, t('retry'));
	retry.addEventListener('click', actions.retry);
	const showLog = el('button', { id: 'show-log', type: 'button', class: 'secondary' }, t('showLog'));
	showLog.addEventListener('click', actions.showLog);
	// Retry is the user's own decision (never automatic); the message says when the first try may have arrived.
	return [
		el('span', { class: 'codicon codicon-error', 'aria-hidden': 'true' }),
		el('span', { class: 'error-text' }, error.message),
		el('span', { class: 'actions' }, retry, showLog),
	];
}

export function problemText(problem: string, t: T, position?: TextPosition): string {
	switch (problem) {
		case 'empty':
			return t('errEmpty');
		case 'unicode':
			return t('errUnicode', position?.line ?? '?', position?.column ?? '?');
		case 'url':
			return t('errUrl');
		default:
			return t('errTooLong');
	}
}

export function makeT(strings: Partial<Record<StringKey, string>>): T {
	return (k, ...args) => format(strings[k] ?? (FALLBACK_STRINGS as Partial<Record<StringKey, string>>)[k] ?? k, ...args);
}
