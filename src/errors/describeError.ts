// What an error means for people: a short localised message and the actions that help (Sign In, Switch
// Connection, Retry only where safe, Show Log). Used by the command wrapper's toast and the chat view's inline error.
import * as vscode from 'vscode';
import { type ApiError } from '../api';
import { requestTimeoutSeconds } from '../core/config';
import {
	InvalidArgumentError,
	isApiErrorLike,
	isCancellation,
	isErrorNamed,
	NoConnectionError,
	OutboundBlockedError,
	SendBusyError,
	SignInRequiredError,
} from '../util/errors';
import { isOnlineAuthError } from '../online/errors';
import { actionLabel, type ErrorActionId, type ErrorDescription } from './errorActions';
import { describeOnlineError } from './onlineErrors';
import { describeSessionActionError } from './sessionActionErrors';

interface ErrorContext {
	/** Shown in messages ("Demo did not accept your credentials"). */
	connectionName?: string;
	/** The caller can repeat what failed; Retry is offered only when the error also says it is safe. */
	canRetry?: boolean;
	/** More than one connection exists. */
	canSwitch?: boolean;
}

function describe(message: string, ...ids: (ErrorActionId | false | undefined)[]): ErrorDescription {
	const actions = [...ids, 'showLog' as const]
		.filter((id): id is ErrorActionId => typeof id === 'string')
		.map((id) => ({ id, label: actionLabel(id) }));
	return { message, actions };
}

/** The message and actions for an error, or undefined when it is a cancellation (say nothing). */
export function describeError(err: unknown, ctx: ErrorContext = {}): ErrorDescription | undefined {
	if (isCancellation(err)) return undefined;
	if (isErrorNamed(err, NoConnectionError, 'NoConnectionError')) {
		return describe(vscode.l10n.t('There is no SuperOffice connection yet.'), 'addConnection');
	}
	if (isErrorNamed(err, SignInRequiredError, 'SignInRequiredError')) {
		const message =
			err.reason === 'expired'
				? vscode.l10n.t('Your sign-in to {0} has ended and could not be renewed. Sign in again.', err.connectionName)
				: vscode.l10n.t('Sign in to {0} first.', err.connectionName);
		return describe(message, 'signIn', ctx.canSwitch && 'switchConnection');
	}
	if (isOnlineAuthError(err)) {
		const text = describeOnlineError(err, { connectionName: ctx.connectionName });
		return describe(text.message, ...text.actions);
	}
	if (isErrorNamed(err, SendBusyError, 'SendBusyError')) {
		if (err.action) {
			return describe(vscode.l10n.t('{0} is still running for this session; it runs once. Wait for it to finish.', err.action));
		}
		return describe(vscode.l10n.t('A message to this session is still being sent. Wait for it to finish before sending again.'));
	}
	if (isErrorNamed(err, InvalidArgumentError, 'InvalidArgumentError')) return describe(err.message);
	if (isErrorNamed(err, OutboundBlockedError, 'OutboundBlockedError')) {
		return describe(
			vscode.l10n.t(
				'Not sent: the message holds what the outbound guard blocks ({0}). Remove it and send again.',
				err.findings.length === 1 ? err.findings[0] : vscode.l10n.t('{0} items; the log lists them', err.findings.length),
			),
		);
	}
	if (isApiErrorLike(err)) return describeApiError(err, ctx);
	return describe(vscode.l10n.t('Something went wrong. The log has the details.'));
}

function describeApiError(e: ApiError, ctx: ErrorContext): ErrorDescription {
	const action = describeSessionActionError(e);
	if (action) {
		return describe(
			action.message,
			ctx.canRetry && action.retry && 'retry',
			ctx.canSwitch && action.switchConnection && 'switchConnection',
		);
	}
	const server = ctx.connectionName ?? vscode.l10n.t('The server');
	const post = e.method === 'POST';
	const retry = ctx.canRetry && e.retryable && 'retry';
	const sw = ctx.canSwitch && 'switchConnection';
	if (post && e.outcomeUnknown) return outcomeUnknown(e, server);
	if (e.otherHost !== undefined) {
		return describe(
			vscode.l10n.t(
				"Not sent: {0} redirected the message to another host ({1}), and a message never leaves the host you chose. Check the connection's URL.",
				server,
				e.otherHost,
			),
			sw,
		);
	}
	switch (e.kind) {
		case 'cancelled':
			return describe(vscode.l10n.t('Cancelled.'));
		case 'network':
			if (post && !e.retryable) {
				return describe(
					vscode.l10n.t(
						'The connection to the server broke during the send — the message may or may not have been posted; check the conversation before sending again.',
					),
					sw,
				);
			}
			return describe(
				post
					? vscode.l10n.t('Could not reach the server — nothing was posted.')
					: vscode.l10n.t('Could not reach the server. Check the URL and your network.'),
				retry,
				sw,
				'checkConnection',
			);
		case 'timeout': {
			const seconds = requestTimeoutSeconds();
			return describe(
				post
					? vscode.l10n.t(
							'No answer in {0} s — the message may or may not have been posted; check the conversation before retrying.',
							seconds,
						)
					: vscode.l10n.t('No answer from the server in {0} s.', seconds),
				retry,
			);
		}
		case 'unauthorized':
			return describe(vscode.l10n.t('{0} did not accept your credentials. Sign in again.', server), 'signIn', sw);
		case 'forbidden':
			return describe(
				vscode.l10n.t(
					'Access denied. Posting to chat needs a chat user licence and membership of the session\'s chat channel with "Can respond". Ask your SuperOffice administrator.',
				),
				sw,
			);
		case 'notFound':
			return describe(vscode.l10n.t('The chat session was not found — it may have been deleted or moved to another user.'), retry);
		case 'misdirected':
			return describe(
				vscode.l10n.t("The tenant has moved to another host (HTTP 421). Update the connection's URL or add the connection again."),
				sw,
			);
		case 'invalid':
			if (e.status === undefined) return invalidInput(e);
			return describe(vscode.l10n.t('The server rejected the request{0}', e.serverMessage ? `: ${e.serverMessage}` : '.'));
		case 'conflict':
			return describe(vscode.l10n.t('The session changed in the meantime. Reload it and try again.'), retry);
		case 'rateLimited': {
			const wait = e.retryAfterMs !== undefined ? Math.ceil(e.retryAfterMs / 1000) : undefined;
			return describe(
				wait !== undefined
					? vscode.l10n.t('The server is busy. Try again in {0} s.', wait)
					: vscode.l10n.t('The server is busy. Try again in a moment.'),
				retry,
			);
		}
		case 'server':
			return describe(
				post
					? vscode.l10n.t(
							'The server failed (HTTP {0}) — the message may or may not have been posted; check the conversation before retrying.',
							e.status ?? '5xx',
						)
					: vscode.l10n.t('The server failed (HTTP {0}).', e.status ?? '5xx'),
				retry,
			);
		case 'badResponse':
			return describe(vscode.l10n.t('The server sent an unexpected answer. Is the URL a SuperOffice WebAPI?'), sw, 'checkConnection');
		case 'insecure':
			return describe(
				vscode.l10n.t(
					'Refusing to send credentials over plain http:// to a host that is not this machine. Use https://, or set "allowInsecureHttp": true on the connection if the network is private.',
				),
				sw,
			);
	}
}

/** A POST that may have been stored although no confirmation came back: the send path reads the conversation back. */
function outcomeUnknown(e: ApiError, server: string): ErrorDescription {
	const checking = vscode.l10n.t('Checking the conversation…');
	let message: string;
	switch (e.kind) {
		case 'timeout':
			message = vscode.l10n.t('No answer in {0} s — the message may have been posted. {1}', requestTimeoutSeconds(), checking);
			break;
		case 'server':
			message = vscode.l10n.t('{0} failed (HTTP {1}) — the message may have been posted. {2}', server, e.status ?? '5xx', checking);
			break;
		case 'badResponse':
			message = vscode.l10n.t(
				'{0} did not confirm the message (HTTP {1}) — it may have been posted. {2}',
				server,
				e.status ?? '?',
				checking,
			);
			break;
		default:
			message = vscode.l10n.t('The connection broke during the send — the message may have been posted. {0}', checking);
	}
	return describe(message, 'openOutbox');
}

/** A check that failed before any request (the client's validation); nothing was sent. */
function invalidInput(e: ApiError): ErrorDescription {
	if (e.position) {
		return describe(
			vscode.l10n.t(
				'Not sent: {0} has a broken character (not valid Unicode) at line {1}, column {2}. Delete it and type it again.',
				e.field === 'Message' || e.field === undefined ? vscode.l10n.t('the message') : e.field,
				e.position.line,
				e.position.column,
			),
		);
	}
	switch (e.field) {
		case 'Message':
			return describe(vscode.l10n.t('The message is empty.'));
		case 'sessionId':
		case 'id':
			return describe(vscode.l10n.t('The session id must be a whole number from 1 to 2147483647.'));
		case 'baseUrl':
			return describe(vscode.l10n.t("The connection's URL is not an http(s) address. Remove the connection and add it again."));
		case 'userName':
		case 'password':
		case 'ticket':
		case 'appToken':
		case 'token':
			return describe(vscode.l10n.t('The stored credentials cannot be used. Sign in again.'), 'signIn');
		default:
			// Field names (Author, SpecialParam, …) are the API's own; the English detail is in the log.
			return describe(vscode.l10n.t('Not sent: {0} is not valid.', e.field ?? vscode.l10n.t('the message')));
	}
}
