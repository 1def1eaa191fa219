// What a failed session action (pick up, transfer, accept, reject, put back, transcript) means for people: the
// message names what did not happen, and why where the server says. The action is read from the request's path.
import * as vscode from 'vscode';
import { type ApiError } from '../api';
import { requestTimeoutSeconds } from '../core/config';

type SessionAction = 'pickUp' | 'pickUpNext' | 'transfer' | 'accept' | 'reject' | 'reset' | 'transcript';

interface ActionErrorText {
	message: string;
	/** Repeating is safe (the request never reached the server). */
	retry: boolean;
	switchConnection: boolean;
}

const PATHS: [RegExp, SessionAction][] = [
	[/\/api\/v1\/ChatSession\/Pickup$/, 'pickUpNext'],
	[/\/api\/v1\/ChatSession\/\d+\/Pickup$/, 'pickUp'],
	[/\/api\/v1\/ChatSession\/\d+\/TransferTo\/[^/]+$/, 'transfer'],
	[/\/api\/v1\/ChatSession\/\d+\/AcceptTransfer$/, 'accept'],
	[/\/api\/v1\/ChatSession\/\d+\/RejectTransfer$/, 'reject'],
	[/\/api\/v1\/ChatSession\/\d+\/Reset$/, 'reset'],
	[/\/api\/v1\/ChatSession\/\d+\/Transcript$/, 'transcript'],
];

function actionOf(e: ApiError): SessionAction | undefined {
	if (e.method !== 'POST' || !e.path) return undefined;
	const path = e.path.split('?')[0];
	return PATHS.find(([re]) => re.test(path))?.[1];
}

/** "The chat was not picked up" — what did not happen. */
function notDone(a: SessionAction): string {
	switch (a) {
		case 'pickUp':
			return vscode.l10n.t('The chat was not picked up');
		case 'pickUpNext':
			return vscode.l10n.t('No chat was picked up');
		case 'transfer':
			return vscode.l10n.t('The chat was not transferred');
		case 'accept':
			return vscode.l10n.t('The transfer was not accepted');
		case 'reject':
			return vscode.l10n.t('The transfer was not rejected');
		case 'reset':
			return vscode.l10n.t('The chat was not put back in the queue');
		case 'transcript':
			return vscode.l10n.t('No transcript was made');
	}
}

/** For an answer that never came: the change may have been made. */
function maybeDone(a: SessionAction): string {
	switch (a) {
		case 'pickUp':
		case 'pickUpNext':
			return vscode.l10n.t('a chat may or may not have been picked up; check your sessions before trying again.');
		case 'transfer':
			return vscode.l10n.t('the transfer may or may not have started; check the session before trying again.');
		case 'accept':
			return vscode.l10n.t('the transfer may or may not have been accepted; check your sessions before trying again.');
		case 'reject':
			return vscode.l10n.t('the transfer may or may not have been rejected; check your sessions before trying again.');
		case 'reset':
			return vscode.l10n.t('the chat may or may not be back in the queue; check your sessions before trying again.');
		case 'transcript':
			return vscode.l10n.t('no transcript arrived. Try again.');
	}
}

function conflictReason(a: SessionAction): string {
	switch (a) {
		case 'pickUp':
			return vscode.l10n.t('it is no longer in the queue (another agent took it, or it ended)');
		case 'pickUpNext':
			return vscode.l10n.t('the queue changed in the meantime');
		case 'transfer':
			return vscode.l10n.t('it changed in the meantime (back in the queue, ended, or already being transferred)');
		case 'accept':
		case 'reject':
			return vscode.l10n.t('it is no longer pending (withdrawn, or answered already)');
		case 'reset':
			return vscode.l10n.t('it is already in the queue, or it has ended');
		case 'transcript':
			return vscode.l10n.t('the session changed in the meantime');
	}
}

function forbiddenReason(a: SessionAction): string {
	switch (a) {
		case 'pickUp':
		case 'pickUpNext':
			return vscode.l10n.t('you cannot respond in its chat topic (ask your SuperOffice administrator for "Can respond")');
		case 'transfer':
		case 'reset':
			return vscode.l10n.t('the chat is not yours');
		case 'accept':
		case 'reject':
			return vscode.l10n.t('the transfer is addressed to someone else');
		case 'transcript':
			return vscode.l10n.t('you may not read this session');
	}
}

function notFoundReason(a: SessionAction): string {
	return a === 'transfer'
		? vscode.l10n.t('the session or the colleague was not found')
		: vscode.l10n.t('the session was not found (it may have been deleted)');
}

/** The text for a failed session action, or undefined when the error is not one (or is better told generally). */
export function describeSessionActionError(e: ApiError): ActionErrorText | undefined {
	const a = actionOf(e);
	if (!a) return undefined;
	const text = (message: string, retry = false, switchConnection = false): ActionErrorText => ({ message, retry, switchConnection });
	const because = (reason: string): string => vscode.l10n.t('{0}: {1}.', notDone(a), reason);
	switch (e.kind) {
		case 'conflict':
			return text(because(conflictReason(a)));
		case 'forbidden':
			return text(because(forbiddenReason(a)));
		case 'notFound':
			return text(because(notFoundReason(a)));
		case 'invalid':
			return e.status === undefined || !e.serverMessage ? undefined : text(because(e.serverMessage.replace(/\.$/, '')));
		case 'network':
			// Refused before it left: nothing happened, so Retry is safe. A broken connection may have done it.
			return e.retryable
				? text(because(vscode.l10n.t('the server could not be reached')), true, true)
				: text(vscode.l10n.t('The connection broke — {0}', maybeDone(a)), false, true);
		case 'timeout':
			return text(vscode.l10n.t('No answer in {0} s — {1}', requestTimeoutSeconds(), maybeDone(a)), a === 'transcript');
		case 'server':
			return text(vscode.l10n.t('The server failed (HTTP {0}) — {1}', e.status ?? '5xx', maybeDone(a)), a === 'transcript');
		default:
			return undefined;
	}
}
