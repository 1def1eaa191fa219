// Recently used chat session ids per connection, newest first (globalState; ids only, never text or secrets).
import type * as vscode from 'vscode';

const KEY = 'superofficeChat.recentSessions';
const MAX_RECENT_SESSIONS = 10;

type Stored = Record<string, number[]>;

export class RecentSessions {
	constructor(private readonly state: vscode.Memento) {}

	list(connectionId: string): number[] {
		const ids = this.read()[connectionId];
		return Array.isArray(ids) ? ids.filter((n) => Number.isSafeInteger(n) && n > 0) : [];
	}

	async add(connectionId: string, sessionId: number): Promise<void> {
		const all = this.read();
		all[connectionId] = [sessionId, ...this.list(connectionId).filter((n) => n !== sessionId)].slice(0, MAX_RECENT_SESSIONS);
		await this.state.update(KEY, all);
	}

	async clear(connectionId: string): Promise<void> {
		const all = this.read();
		delete all[connectionId];
		await this.state.update(KEY, all);
	}

	private read(): Stored {
		const v = this.state.get<unknown>(KEY);
		return v !== null && typeof v === 'object' && !Array.isArray(v) ? { ...(v as Stored) } : {};
	}
}
