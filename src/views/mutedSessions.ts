// Sessions the agent muted ("Mute this session" on a notification), per connection, in globalState. Bounded: the
// oldest mutes drop off first. Only ids are stored, never server text.
import type * as vscode from 'vscode';

const MUTED_KEY = 'superofficeChat.mutedSessions';
const MAX_PER_CONNECTION = 200;

export class MutedSessions {
	constructor(private readonly state: vscode.Memento) {}

	has(connectionId: string, sessionId: number): boolean {
		return this.list(connectionId).includes(sessionId);
	}

	async mute(connectionId: string, sessionId: number): Promise<void> {
		const all = this.all();
		const ids = this.list(connectionId).filter((id) => id !== sessionId);
		ids.push(sessionId);
		all[connectionId] = ids.slice(-MAX_PER_CONNECTION);
		await this.state.update(MUTED_KEY, all);
	}

	private all(): Record<string, number[]> {
		const raw = this.state.get<unknown>(MUTED_KEY);
		return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Record<string, number[]>) } : {};
	}

	private list(connectionId: string): number[] {
		const v = this.all()[connectionId];
		return Array.isArray(v) ? v.filter((n) => Number.isSafeInteger(n)) : [];
	}
}
