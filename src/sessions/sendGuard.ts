// One send per (connection, session) at a time: a second send while the first is in flight is refused, never
// queued, so a double click or an impatient retry cannot post the same message twice. Pick up, transfer and put back
// take the same lock (with their name for the refusal): nothing is posted into a session while its owner changes.
import { SendBusyError } from '../util/errors';

export function sendKey(connectionId: string, sessionId: number): string {
	return `${connectionId}#${sessionId}`;
}

export class SendGuard {
	private readonly inFlight = new Map<string, string>();

	isBusy(key: string): boolean {
		return this.inFlight.has(key);
	}

	/**
	 * Runs fn unless something with the same key is in flight; then throws SendBusyError (naming what is running)
	 * without calling fn. `action`: a session action's name for people ("Pick Up"); absent for a send.
	 */
	async run<T>(key: string, fn: () => Promise<T>, action?: string): Promise<T> {
		const running = this.inFlight.get(key);
		if (running !== undefined) throw new SendBusyError(key, running || undefined);
		this.inFlight.set(key, action ?? '');
		try {
			return await fn();
		} finally {
			this.inFlight.delete(key);
		}
	}
}
