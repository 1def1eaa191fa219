// The chat view's webview: DOM only, talks to the host through postMessage, never to the network.
// Drafts: the same DraftStore as the host's, kept in webview state (setState, on every change) so hide/show restores
// at once; they reach the host debounced, where the DraftStore over globalState survives Reload Window.
import {
	type DraftData,
	draftProblem,
	emptyDraft,
	type HostMessage,
	isSessionId,
	type SessionAction,
	type WebviewMessage,
} from '../shared/protocol';
import { DRAFTS_KEY, DraftStore } from '../shared/draftStore';
import { initialViewState, reduce, type ViewAction, type ViewState } from '../shared/viewState';
import { buildSkeleton, type Elements, onClick } from './dom';
import { readFields, writeFields } from './composerFields';
import { forwardErrors } from './errorForwarding';
import { parseStrings, type PersistedState, restore } from './persisted';
import { makeT, problemText, renderConversation, renderRecipient, renderSend, renderSessionList } from './render';
import { recipientActions } from './recipientActions';
import { setupComposer } from './composer';

interface VsCodeApi {
	postMessage(message: WebviewMessage): void;
	getState(): unknown;
	setState(state: PersistedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const DRAFT_DEBOUNCE_MS = 300;
const vscode = acquireVsCodeApi();
const root = document.getElementById('app') as HTMLElement;
const t = makeT(parseStrings(root.dataset.strings));
const e: Elements = buildSkeleton(root, t);
const persisted = restore(vscode.getState());
const post = (message: WebviewMessage): void => vscode.postMessage(message);
const sessionAction = (action: SessionAction, sessionId: number): void => post({ type: 'sessionAction', action, sessionId });
const sessionActions = recipientActions(t, sessionAction);
e.summary.after(sessionActions.root);
const drafts = new DraftStore({
	get: (key) => (key === DRAFTS_KEY ? persisted.drafts : undefined),
	update: (key, value) => {
		if (key === DRAFTS_KEY) persisted.drafts = value;
		persist();
		return Promise.resolve();
	},
});
let state: ViewState = initialViewState();
let draftTimer: ReturnType<typeof setTimeout> | undefined;
let lastSent: { requestId: string; connectionId: string; sessionId: number; text: string } | undefined;
const composer = setupComposer({
	e,
	t,
	post,
	state: () => state,
	drafts,
	readComposer,
	writeComposer,
	draftChanged,
	updateCount,
});

/** The connection and session the composer writes to, while a session is selected. */
function target(): { connectionId: string; sessionId: number } | undefined {
	return state.connection && state.selectedSessionId !== undefined
		? { connectionId: state.connection.id, sessionId: state.selectedSessionId }
		: undefined;
}

/** The selected session's own draft in webview state, if any. */
function localDraft(): DraftData | undefined {
	const to = target();
	return to && drafts.get(to.connectionId, to.sessionId);
}

function readComposer(): DraftData {
	return readFields(e);
}

function writeComposer(d: DraftData): void {
	writeFields(e, d);
	updateCount();
}

function persist(): void {
	vscode.setState({ ...persisted, connectionId: state.connection?.id, selectedSessionId: state.selectedSessionId });
}

/** Keeps the draft in webview state now and tells the host after a pause (or at once when `flush`). */
function draftChanged(flush = false): void {
	const to = target();
	if (!to) return;
	const draft = readComposer();
	void drafts.set(to.connectionId, to.sessionId, draft);
	const msg: WebviewMessage = { type: 'draftChanged', ...to, draft };
	const tell = (): void => {
		composer.synced(msg.connectionId, msg.sessionId, msg.draft);
		post(msg);
	};
	clearTimeout(draftTimer);
	if (flush) tell();
	else draftTimer = setTimeout(tell, DRAFT_DEBOUNCE_MS);
}

function flushDraft(): void {
	if (draftTimer !== undefined) {
		clearTimeout(draftTimer);
		draftTimer = undefined;
		draftChanged(true);
	}
}

function updateCount(): void {
	e.charCount.textContent = t('charCount', e.text.value.length);
	e.validation.textContent = '';
}

function dispatch(action: ViewAction): void {
	const before = state;
	state = reduce(state, action);
	const changed = (...keys: (keyof ViewState)[]): boolean => keys.some((k) => before[k] !== state[k]);
	if (changed('connection', 'sessions', 'selectedSessionId', 'sessionsLoading', 'sessionsError')) {
		renderRecipient(e, state, t);
		renderSessionList(e, state, t, {
			select: selectSession,
			pickUp: (sessionId) => post({ type: 'pickUp', sessionId }),
			sessionAction,
		});
		sessionActions.render(state);
	}
	if (changed('messages', 'conversationError', 'selectedSessionId')) {
		renderConversation(e, state, t);
	}
	renderSend(e, state, t, { retry: send, showLog: () => post({ type: 'showLog' }) });
}

/** Shows the draft of the selected session: the webview's own copy first (newest), else the host's. */
function showDraftFor(hostDraft: DraftData | undefined): void {
	writeComposer(localDraft() ?? hostDraft ?? emptyDraft());
}

function selectSession(sessionId: number): void {
	if (state.selectedSessionId === sessionId) return;
	flushDraft();
	dispatch({ type: 'local.select', sessionId });
	showDraftFor(undefined);
	persist();
	post({ type: 'selectSession', sessionId });
}

function send(): void {
	const to = target();
	if (state.send.status === 'sending' || !to) return;
	const draft = readComposer();
	const problem = draftProblem(draft);
	if (problem) {
		e.validation.textContent = problemText(problem.message, t, problem.position);
		(problem.field === 'text' ? e.text : problem.field === 'author' ? e.author : e.specialParam).focus();
		if (problem.field !== 'text') e.advanced.open = true;
		return;
	}
	flushDraft();
	const requestId = crypto.randomUUID();
	lastSent = { requestId, ...to, text: draft.text };
	dispatch({ type: 'local.sendStarted', requestId, sessionId: to.sessionId });
	post({ type: 'send', requestId, ...to, draft });
}

/** The server confirmed: drop that session's draft; clear the box only if it still holds what was sent. */
function onSent(requestId: string): void {
	if (!lastSent || lastSent.requestId !== requestId) return;
	const shown = state.connection?.id === lastSent.connectionId && state.selectedSessionId === lastSent.sessionId;
	if (!shown || e.text.value === lastSent.text) void drafts.clear(lastSent.connectionId, lastSent.sessionId);
	if (shown && e.text.value === lastSent.text) {
		const keep = readComposer();
		writeComposer({ ...emptyDraft(), type: keep.type, author: keep.author });
	}
	persist();
	lastSent = undefined;
}

function onHostMessage(msg: HostMessage): void {
	if (composer.observe(msg)) return;
	switch (msg.type) {
		case 'init':
			dispatch(msg);
			showDraftFor(msg.draft);
			persist();
			break;
		case 'sessionSelected': {
			const wasSelected = state.selectedSessionId === msg.sessionId;
			dispatch(msg);
			// never overwrite what the user has typed meanwhile
			if (!wasSelected || (!localDraft() && e.text.value === '')) showDraftFor(msg.draft);
			persist();
			break;
		}
		case 'sendSucceeded':
			onSent(msg.requestId);
			dispatch(msg);
			break;
		case 'sendFailed':
			dispatch(msg);
			if (msg.error.field) e.validation.textContent = msg.error.message;
			break;
		case 'focusComposer':
			if (state.selectedSessionId === msg.sessionId) e.text.focus();
			break;
		case 'sessionsLoading':
		case 'sessionsLoaded':
		case 'sessionsFailed':
		case 'messagesLoaded':
		case 'messagesFailed':
			dispatch(msg);
			break;
		default: {
			const never: never = msg;
			void never;
		}
	}
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
	const msg = event.data as HostMessage | undefined;
	if (msg && typeof msg === 'object' && typeof msg.type === 'string') onHostMessage(msg);
});

e.text.addEventListener('input', () => {
	updateCount();
	draftChanged();
});
for (const c of [e.type, e.author, e.specialType, e.specialParam]) {
	c.addEventListener(c instanceof HTMLSelectElement ? 'change' : 'input', () => draftChanged());
}
e.text.addEventListener('keydown', (ev) => {
	// Ctrl/Cmd+Enter sends; Enter is a newline unless the sendKey setting is `enter` (then Shift+Enter is)
	if (composer.isSendKey(ev)) {
		ev.preventDefault();
		send();
	}
});
onClick(e.send, send);
onClick(e.refresh, () => post({ type: 'refresh' }));
e.sessionSelect.addEventListener('change', () => {
	const id = Number(e.sessionSelect.value);
	if (isSessionId(id)) selectSession(id);
});
function openTypedId(): void {
	const raw = e.sessionIdInput.value.trim();
	const id = /^\d+$/.test(raw) ? Number(raw) : NaN;
	if (!isSessionId(id)) {
		e.sessionIdError.textContent = t('invalidSessionId');
		return;
	}
	e.sessionIdError.textContent = '';
	e.sessionIdInput.value = '';
	selectSession(id);
}
onClick(e.openId, openTypedId);
e.sessionIdInput.addEventListener('keydown', (ev) => {
	if (ev.key === 'Enter') {
		ev.preventDefault();
		openTypedId();
	}
});
e.advanced.open = persisted.advancedOpen;
e.advanced.addEventListener('toggle', () => {
	persisted.advancedOpen = e.advanced.open;
	persist();
});
window.addEventListener('blur', () => {
	flushDraft();
	post({ type: 'focusChanged', focused: false });
});
// The view's own shortcuts (next/previous session that needs a reply) apply only while focus is in here.
window.addEventListener('focus', () => post({ type: 'focusChanged', focused: true }));
forwardErrors(post);

// Show what we had before the host answers (hide/show restores instantly), then hand over.
if (persisted.connectionId && persisted.selectedSessionId !== undefined) {
	const d = drafts.get(persisted.connectionId, persisted.selectedSessionId);
	if (d) writeComposer(d);
}
updateCount();
dispatch({ type: 'local.dismissResult' });
post({ type: 'ready', interactiveMs: performance.now() });
