// One send per (connection, session) at a time: a second send while the first is in flight is refused, never
// queued, so a double click or an impatient retry cannot post the same message twice.
import { SendBusyError } from '../util/errors';

export function sendKey(connectionId: string, sessionId: number): string {
	return `${connectionId}#${sessionId}`;
}

export class SendGuard {
	private readonly inFlight = new Set<string>();

	isBusy(key: string): boolean {
		return this.inFlight.has(key);
	}

	/** Runs fn unless a send with the same key is in flight; then throws SendBusyError without calling fn. */
	async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
		if (this.inFlight.has(key)) throw new SendBusyError(key);
		this.inFlight.add(key);
		try {
			return await fn();
		} finally {
			this.inFlight.delete(key);
		}
	}
}
