// The newest message id this window has seen per session (from its own sends and the chat view's reads), so a send
// whose outcome is unknown can later be looked for among the messages after it without an extra request per send.
export class KnownMessageIds {
	private readonly ids = new Map<string, number>();

	private static key(connectionId: string, sessionId: number): string {
		return `${connectionId}#${sessionId}`;
	}

	get(connectionId: string, sessionId: number): number | undefined {
		return this.ids.get(KnownMessageIds.key(connectionId, sessionId));
	}

	/** Keeps the larger id: reads and sends may finish out of order. */
	see(connectionId: string, sessionId: number, messageId: number | undefined): void {
		if (typeof messageId !== 'number' || !Number.isInteger(messageId) || messageId < 1) return;
		const key = KnownMessageIds.key(connectionId, sessionId);
		if (messageId > (this.ids.get(key) ?? 0)) this.ids.set(key, messageId);
	}
}
