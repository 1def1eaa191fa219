// Builds the view's static skeleton once. Only element creation and textContent: no HTML strings anywhere.
import { DRAFT_TYPES, SPECIAL_TYPES } from '../shared/protocol';
import type { StringKey } from '../shared/strings';

type Attrs = Record<string, string>;

export function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attrs: Attrs = {},
	...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
	const e = document.createElement(tag);
	for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
	for (const c of children) e.append(c);
	return e;
}

/**
 * A codicon, hidden from screen readers. Write the name as a literal in the call: the build ships only the icons it
 * finds written so in src/webview (esbuild.js, iconStyles).
 */
export function icon(name: string): HTMLSpanElement {
	return el('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

/** A button that never submits a form. */
export function button(attrs: Attrs, ...children: (Node | string)[]): HTMLButtonElement {
	return el('button', { type: 'button', ...attrs }, ...children);
}

/** Adds a click handler; returns the element. */
export function onClick<E extends HTMLElement>(element: E, handler: (ev: MouseEvent) => void): E {
	element.addEventListener('click', handler);
	return element;
}

function textInput(id: string, attrs: Attrs): HTMLInputElement {
	return el('input', { id, type: 'text', autocomplete: 'off', ...attrs });
}

export interface Elements {
	connectionName: HTMLElement;
	sessionList: HTMLUListElement;
	sessionSelect: HTMLSelectElement;
	refresh: HTMLButtonElement;
	sessionIdInput: HTMLInputElement;
	openId: HTMLButtonElement;
	sessionIdError: HTMLElement;
	summary: HTMLElement;
	messages: HTMLOListElement;
	conversationStatus: HTMLElement;
	text: HTMLTextAreaElement;
	charCount: HTMLElement;
	validation: HTMLElement;
	advanced: HTMLDetailsElement;
	type: HTMLSelectElement;
	author: HTMLInputElement;
	specialType: HTMLSelectElement;
	specialParam: HTMLInputElement;
	sendTarget: HTMLElement;
	send: HTMLButtonElement;
	sendLabel: HTMLElement;
	result: HTMLElement;
}

export function buildSkeleton(root: HTMLElement, t: (k: StringKey) => string): Elements {
	const connectionName = el('span', { id: 'connection-name' });
	const sessionSelect = el('select', { id: 'session-select' });
	const refresh = button(
		{ id: 'refresh', class: 'icon-button', title: t('refreshSessions'), 'aria-label': t('refreshSessions') },
		icon('refresh'),
	);
	const sessionIdInput = textInput('session-id', { inputmode: 'numeric', size: '8' });
	const openId = button({ id: 'open-id', class: 'secondary' }, t('open'));
	const sessionIdError = el('span', { id: 'session-id-error', class: 'field-error', role: 'alert' });
	const summary = el('div', { id: 'recipient-summary', class: 'summary' });
	const sessionList = el('ul', { id: 'session-list', class: 'session-list', role: 'listbox', 'aria-label': t('sessionList') });
	const recipient = el(
		'section',
		{ class: 'recipient', 'aria-label': t('recipient') },
		el('div', { class: 'connection', title: t('connection') }, icon('plug'), connectionName),
		sessionList,
		el('div', { class: 'row' }, el('label', { for: 'session-select' }, t('session')), sessionSelect, refresh),
		el('div', { class: 'row' }, el('label', { for: 'session-id' }, t('sessionId')), sessionIdInput, openId),
		sessionIdError,
		summary,
	);

	// A log: screen readers announce new messages politely, without moving focus.
	const messages = el('ol', { id: 'messages', class: 'messages', role: 'log', 'aria-live': 'polite', 'aria-label': t('conversation') });
	const conversationStatus = el('div', { id: 'conversation-status', class: 'status', role: 'status' });
	const conversation = el('section', { class: 'conversation', 'aria-label': t('conversation') }, messages, conversationStatus);

	const text = el('textarea', {
		id: 'message',
		rows: '5',
		placeholder: t('messagePlaceholder'),
		'aria-describedby': 'char-count validation',
	});
	const charCount = el('span', { id: 'char-count', class: 'count' });
	const validation = el('span', { id: 'validation', class: 'field-error', role: 'alert' });
	const type = select(
		'draft-type',
		DRAFT_TYPES.map((v) => [v, t(v === 'ToCustomer' ? 'typeToCustomer' : 'typeToUser')]),
	);
	const author = textInput('draft-author', { maxlength: '255' });
	const specialType = select(
		'draft-special-type',
		SPECIAL_TYPES.map((v) => [v, v]),
	);
	const specialParam = textInput('draft-special-param', { maxlength: '255' });
	const advanced = el(
		'details',
		{ id: 'advanced' },
		el('summary', {}, t('advanced')),
		field('draft-type', t('type'), type),
		field('draft-author', t('author'), author),
		field('draft-special-type', t('specialType'), specialType),
		field('draft-special-param', t('specialParam'), specialParam),
	);
	const sendLabel = el('span', {}, t('send'));
	const send = button({ id: 'send' }, icon('send'), sendLabel);
	const sendTarget = el('span', { id: 'send-target', class: 'send-target' });
	const result = el('div', { id: 'result', class: 'result', role: 'status', 'aria-live': 'polite' });
	const composer = el(
		'section',
		{ class: 'composer', 'aria-label': t('message') },
		el('label', { for: 'message' }, t('message')),
		text,
		el('div', { class: 'meta' }, validation, charCount),
		advanced,
		el('div', { class: 'send-row' }, sendTarget, send),
		result,
	);
	root.replaceChildren(recipient, conversation, composer);
	return {
		connectionName,
		sessionList,
		sessionSelect,
		refresh,
		sessionIdInput,
		openId,
		sessionIdError,
		summary,
		messages,
		conversationStatus,
		text,
		charCount,
		validation,
		advanced,
		type,
		author,
		specialType,
		specialParam,
		sendTarget,
		send,
		sendLabel,
		result,
	};
}

function select(id: string, options: [string, string][]): HTMLSelectElement {
	const s = el('select', { id });
	for (const [value, label] of options) s.append(el('option', { value }, label));
	return s;
}

function field(id: string, label: string, control: HTMLElement): HTMLElement {
	return el('div', { class: 'field' }, el('label', { for: id }, label), control);
}
