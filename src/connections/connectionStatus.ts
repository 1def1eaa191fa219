// Whether there is a connection and whether the active one is signed in, kept current from settings and
// SecretStorage changes (also those made by another window), and mirrored into the context keys.
import * as vscode from 'vscode';
import { ContextKey, setContextKey } from '../core/contextKeys';
import { Disposable } from '../util/disposable';
import { type Connection } from './connection';
import { type ConnectionStore } from './connectionStore';
import { type SecretStore } from './secretStore';

export interface ConnectionStatusSnapshot {
	active?: Connection;
	signedIn: boolean;
	count: number;
}

export class ConnectionStatus extends Disposable {
	private snapshot: ConnectionStatusSnapshot = { signedIn: false, count: 0 };
	private generation = 0;
	private readonly _onDidChange = this._register(new vscode.EventEmitter<ConnectionStatusSnapshot>());
	readonly onDidChange = this._onDidChange.event;

	constructor(
		private readonly connections: ConnectionStore,
		private readonly secrets: SecretStore,
	) {
		super();
		this._register(connections.onDidChange(() => void this.refresh()));
		this._register(secrets.onDidChange(() => void this.refresh()));
	}

	get current(): ConnectionStatusSnapshot {
		return this.snapshot;
	}

	/** Re-reads settings and secrets; a newer refresh wins over a slower older one. */
	async refresh(): Promise<ConnectionStatusSnapshot> {
		const mine = ++this.generation;
		const active = this.connections.active();
		const count = this.connections.list().length;
		const signedIn = active ? await this.secrets.has(active.id) : false;
		const anySignedIn = signedIn || (await Promise.all(this.connections.list().map((c) => this.secrets.has(c.id)))).some(Boolean);
		if (mine !== this.generation || this.isDisposed) return this.snapshot;
		this.snapshot = { active, signedIn, count };
		await Promise.all([
			setContextKey(ContextKey.hasConnection, count > 0),
			setContextKey(ContextKey.signedIn, signedIn),
			setContextKey(ContextKey.anySignedIn, anySignedIn),
		]);
		this._onDidChange.fire(this.snapshot);
		return this.snapshot;
	}
}
