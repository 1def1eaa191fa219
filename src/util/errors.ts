// Conditions the extension raises itself (as opposed to ApiError from the client). The error wrapper maps each
// to a short message and actions; `describeError` in errors/describeError.ts is the one place that does it.
import { type ApiError } from '../api';

/** The user closed a prompt or pressed Escape: commands end silently. */
export class CancelledError extends Error {
	constructor() {
		super('Cancelled');
		this.name = 'CancelledError';
	}
}

/** There is no connection yet (or the requested id does not exist). */
export class NoConnectionError extends Error {
	constructor(readonly connectionId?: string) {
		super(connectionId ? `No connection with id ${connectionId}` : 'No connection');
		this.name = 'NoConnectionError';
	}
}

/** The connection has no stored credentials (or, `expired`, an Online sign-in could not be renewed). */
export class SignInRequiredError extends Error {
	constructor(
		readonly connectionId: string,
		readonly connectionName: string,
		readonly reason?: 'expired',
	) {
		super(`Not signed in to ${connectionName}`);
		this.name = 'SignInRequiredError';
	}
}

/** A send (or, `action`, a session action such as Pick Up) on the same session is still in flight (SendGuard). */
export class SendBusyError extends Error {
	constructor(
		readonly key: string,
		readonly action?: string,
	) {
		super(`${action ?? 'A send'} is already in flight for ${key}`);
		this.name = 'SendBusyError';
	}
}

/** An argument given to a command (automation) is not usable. `field` names it. */
export class InvalidArgumentError extends Error {
	constructor(
		message: string,
		readonly field?: string,
	) {
		super(message);
		this.name = 'InvalidArgumentError';
	}
}

export function isCancellation(err: unknown): boolean {
	if (err instanceof CancelledError) return true;
	// ApiError('cancelled') and vscode.CancellationError both mean the user stopped it.
	if (err instanceof Error && (err.name === 'Canceled' || err.name === 'AbortError' || err.name === 'CancelledError')) return true;
	return typeof err === 'object' && err !== null && (err as { kind?: unknown }).kind === 'cancelled';
}

/**
 * Matches by `name` as well as by class: a test (or another bundle) that loads these modules a second time has its
 * own copies of the classes, and an error must still be recognised.
 */
export function isErrorNamed<T extends Error>(err: unknown, cls: abstract new (...args: never[]) => T, name: string): err is T {
	// `name` is passed as text: a minified bundle renames classes, but not the names they set.
	return err instanceof cls || (err instanceof Error && err.name === name);
}

/** An ApiError from this or another copy of src/api (see isErrorNamed). */
export function isApiErrorLike(err: unknown): err is ApiError {
	return err instanceof Error && err.name === 'ApiError' && typeof (err as { kind?: unknown }).kind === 'string';
}

/** The outbound guard refused the message (mode `block`). Holds the masked findings only, never a found value. */
export class OutboundBlockedError extends Error {
	constructor(readonly findings: readonly string[]) {
		super(`Not sent: the outbound guard found ${findings.length} item(s): ${findings.join('; ')}`);
		this.name = 'OutboundBlockedError';
	}
}
