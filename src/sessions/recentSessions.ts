// Recently used chat session ids per connection, newest first (globalState; ids only, never text or secrets).
import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';

const KEY = 'superofficeChat.recentSessions';
export const MAX_RECENT_SESSIONS = 10;

type Stored = Record<string, number[]>;

export class RecentSessions extends Disposable {
	private readonly _onDidChange = this._register(new vscode.EventEmitter<string>());
	/** Fires with the connection id. */
	readonly onDidChange = this._onDidChange.event;

	constructor(private readonly state: vscode.Memento) {
		super();
	}

	list(connectionId: string): number[] {
		const ids = this.read()[connectionId];
		return Array.isArray(ids) ? ids.filter((n) => Number.isSafeInteger(n) && n > 0) : [];
	}

	async add(connectionId: string, sessionId: number): Promise<void> {
		const all = this.read();
		all[connectionId] = [sessionId, ...this.list(connectionId).filter((n) => n !== sessionId)].slice(0, MAX_RECENT_SESSIONS);
		await this.state.update(KEY, all);
		this._onDidChange.fire(connectionId);
	}

	async remove(connectionId: string, sessionId: number): Promise<void> {
		const all = this.read();
		all[connectionId] = this.list(connectionId).filter((n) => n !== sessionId);
		await this.state.update(KEY, all);
		this._onDidChange.fire(connectionId);
	}

	async clear(connectionId: string): Promise<void> {
		const all = this.read();
		delete all[connectionId];
		await this.state.update(KEY, all);
		this._onDidChange.fire(connectionId);
	}

	private read(): Stored {
		const v = this.state.get<unknown>(KEY);
		return v !== null && typeof v === 'object' && !Array.isArray(v) ? { ...(v as Stored) } : {};
	}
}
