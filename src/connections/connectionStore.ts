// Connection profiles (user settings, application scope, read from the global value only) and which one is active.
import * as vscode from 'vscode';
import { type SettingsWatcher, Setting } from '../core/config';
import {
	readActiveConnectionSetting,
	readConnectionsSetting,
	writeActiveConnectionSetting,
	writeConnectionsSetting,
} from '../core/connectionSettings';
import { Disposable } from '../util/disposable';
import { NoConnectionError } from '../util/errors';
import { type Connection, parseConnection, serializeConnection } from './connection';

export class ConnectionStore extends Disposable {
	private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
	/** Fires when the list or the active connection changes (from this window or another). */
	readonly onDidChange = this._onDidChange.event;

	constructor(settings: SettingsWatcher) {
		super();
		this._register(settings.on([Setting.connections, Setting.activeConnection], () => this._onDidChange.fire()));
	}

	list(): Connection[] {
		const seen = new Set<string>();
		const out: Connection[] = [];
		for (const raw of readConnectionsSetting()) {
			const c = parseConnection(raw);
			if (c && !seen.has(c.id)) {
				seen.add(c.id);
				out.push(c);
			}
		}
		return out;
	}

	get(id: string): Connection | undefined {
		return this.list().find((c) => c.id === id);
	}

	/** The connection with this id, or the active one when no id is given; NoConnectionError when there is none. */
	require(id?: string): Connection {
		const c = id === undefined ? this.active() : this.get(id);
		if (!c) throw new NoConnectionError(id);
		return c;
	}

	/** The active connection; the first one when the setting is empty or names a removed connection. */
	active(): Connection | undefined {
		const list = this.list();
		const id = readActiveConnectionSetting();
		return list.find((c) => c.id === id) ?? list[0];
	}

	/** Adds or replaces (same id) a connection. */
	async add(c: Connection): Promise<void> {
		const raw = readConnectionsSetting();
		const next = raw.filter((r) => parseConnection(r)?.id !== c.id);
		next.push(serializeConnection(c));
		await writeConnectionsSetting(next);
	}

	async update(c: Connection): Promise<void> {
		const raw = readConnectionsSetting();
		const next = raw.map((r) => (parseConnection(r)?.id === c.id ? serializeConnection(c) : r));
		await writeConnectionsSetting(next);
	}

	async remove(id: string): Promise<void> {
		const raw = readConnectionsSetting();
		await writeConnectionsSetting(raw.filter((r) => parseConnection(r)?.id !== id));
		if (readActiveConnectionSetting() === id) {
			await writeActiveConnectionSetting(this.list()[0]?.id);
		}
	}

	async setActive(id: string): Promise<void> {
		if (!this.get(id)) throw new Error(`No connection with id ${id}`);
		await writeActiveConnectionSetting(id);
	}
}
