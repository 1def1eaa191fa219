// The one error path of every command: cancellation is silent; anything else becomes a short localised toast with
// actions (Sign In, Switch Connection, Retry only where safe, Show Log) and the full detail goes to the log.
// `describeError` is also what the sidebar view shows inline.
import * as vscode from 'vscode';
import { type ApiError } from '../api';
import { requestTimeoutSeconds } from '../config';
import { type Connection } from '../connections/connection';
import {
	InvalidArgumentError,
	isApiErrorLike,
	isCancellation,
	isErrorNamed,
	NoConnectionError,
	SendBusyError,
	SignInRequiredError,
} from '../util/errors';
import { isOnlineAuthError } from '../online';
import { CommandId } from './commandIds';
import { describeOnlineError } from './onlineErrors';
import { type Services } from './services';

export type ErrorActionId = 'signIn' | 'signInOnline' | 'switchConnection' | 'addConnection' | 'retry' | 'showLog';

export interface ErrorAction {
	id: ErrorActionId;
	label: string;
}

export interface ErrorDescription {
	message: string;
	actions: ErrorAction[];
}

export interface ErrorContext {
	/** Shown in messages ("Demo did not accept your credentials"). */
	connectionName?: string;
	/** The caller can repeat what failed; Retry is offered only when the error also says it is safe. */
	canRetry?: boolean;
	/** More than one connection exists. */
	canSwitch?: boolean;
}

export function actionLabel(id: ErrorActionId): string {
	switch (id) {
		case 'signIn':
			return vscode.l10n.t('Sign In');
		case 'signInOnline':
			return vscode.l10n.t('Try Again');
		case 'switchConnection':
			return vscode.l10n.t('Switch Connection');
		case 'addConnection':
			return vscode.l10n.t('Add Connection');
		case 'retry':
			return vscode.l10n.t('Retry');
		case 'showLog':
			return vscode.l10n.t('Show Log');
	}
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
		return describe(vscode.l10n.t('A message to this session is still being sent. Wait for it to finish before sending again.'));
	}
	if (isErrorNamed(err, InvalidArgumentError, 'InvalidArgumentError')) return describe(err.message);
	if (isApiErrorLike(err)) return describeApiError(err, ctx);
	return describe(vscode.l10n.t('Something went wrong. The log has the details.'));
}

function describeApiError(e: ApiError, ctx: ErrorContext): ErrorDescription {
	const server = ctx.connectionName ?? vscode.l10n.t('The server');
	const post = e.method === 'POST';
	const retry = ctx.canRetry && e.retryable && 'retry';
	const sw = ctx.canSwitch && 'switchConnection';
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
			return describe(vscode.l10n.t('The server sent an unexpected answer. Is the URL a SuperOffice WebAPI?'), sw);
		case 'insecure':
			return describe(
				vscode.l10n.t(
					'Refusing to send credentials over plain http:// to a host that is not this machine. Use https://, or set "allowInsecureHttp": true on the connection if the network is private.',
				),
				sw,
			);
	}
}

/** A check that failed before any request (the client's validation); nothing was sent. */
function invalidInput(e: ApiError): ErrorDescription {
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

export interface ShowErrorOptions {
	connection?: Connection;
	/** Repeats what failed; offered as Retry only when the error says repeating is safe. */
	retry?: () => unknown;
	/** What failed, for the log ("Post Message"). */
	what?: string;
}

/** Logs the full detail and shows the toast; its actions run when chosen (the caller does not wait for them). */
export function showError(s: Services, err: unknown, o: ShowErrorOptions = {}): void {
	if (isCancellation(err)) {
		s.log.debug(`${o.what ?? 'Command'} cancelled`);
		return;
	}
	s.log.failure(o.what ?? 'Command failed', err);
	const connection =
		o.connection ?? (isErrorNamed(err, SignInRequiredError, 'SignInRequiredError') ? s.connections.get(err.connectionId) : undefined);
	const d = describeError(err, {
		connectionName: connection?.name,
		canRetry: o.retry !== undefined,
		canSwitch: s.connections.list().length > 1,
	});
	if (!d) return;
	void s.prompter.notify('error', d.message, {}, ...d.actions.map((a) => a.label)).then(
		(label) => {
			const action = d.actions.find((a) => a.label === label);
			if (action) void runAction(s, action.id, connection, o);
		},
		() => undefined,
	);
}

async function runAction(s: Services, id: ErrorActionId, connection: Connection | undefined, o: ShowErrorOptions): Promise<void> {
	try {
		switch (id) {
			case 'signIn':
				await vscode.commands.executeCommand(CommandId.signIn, connection ? { connectionId: connection.id } : undefined);
				return;
			case 'signInOnline':
				await vscode.commands.executeCommand(CommandId.signInOnline);
				return;
			case 'switchConnection':
				await vscode.commands.executeCommand(CommandId.switchConnection);
				return;
			case 'addConnection':
				await vscode.commands.executeCommand(CommandId.addConnection);
				return;
			case 'showLog':
				s.log.show();
				return;
			case 'retry':
				await o.retry?.();
				return;
		}
	} catch (e) {
		showError(s, e, o);
	}
}

/** Wraps a command handler: errors are shown (or silently dropped when cancelled) and the command resolves undefined. */
export function runCommand<A extends unknown[], R>(
	s: Services,
	id: string,
	fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R | undefined> {
	return async (...args: A) => {
		try {
			return await fn(...args);
		} catch (e) {
			showError(s, e, { what: id });
			return undefined;
		}
	};
}

export function registerCommand<A extends unknown[], R>(s: Services, id: string, fn: (...args: A) => Promise<R>): vscode.Disposable {
	return vscode.commands.registerCommand(id, runCommand(s, id, fn) as (...args: unknown[]) => unknown);
}
