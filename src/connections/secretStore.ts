// The credentials of each connection, as one JSON value in SecretStorage under `superofficeChat.secret.<id>`.
// Reading never throws (a broken keyring logs and reads as "signed out"); writing does, so a failed sign-in is seen.
import * as vscode from 'vscode';
import { type Credentials } from '../api';
import { type Log } from '../core/log';
import { Disposable } from '../util/disposable';
import { type Connection } from './connection';

const SECRET_KEY_PREFIX = 'superofficeChat.secret.';
/** An Online application's client secret, shared by the connections signed in with that application. */
const CLIENT_SECRET_KEY_PREFIX = 'superofficeChat.clientSecret.';

/** What is stored for a connection; which fields are used depends on its scheme. */
export interface StoredSecret {
	password?: string;
	ticket?: string;
	appToken?: string;
	/** Bearer: the token pasted. Online: the current access token. */
	token?: string;
	/** Online: the refresh token and the id_token of the sign-in. */
	refreshToken?: string;
	idToken?: string;
	/** Online: epoch ms the access token was received and expires. */
	issuedAt?: number;
	expiresAt?: number;
	/** Online: epoch ms after which the tenant's API address must be asked for again (state API ValidUntil). */
	endpointValidUntil?: number;
}

const STRING_FIELDS = ['password', 'ticket', 'appToken', 'token', 'refreshToken', 'idToken'] as const;
const NUMBER_FIELDS = ['issuedAt', 'expiresAt', 'endpointValidUntil'] as const;

function secretKey(connectionId: string): string {
	return `${SECRET_KEY_PREFIX}${connectionId}`;
}

function clientSecretKey(authority: string, clientId: string): string {
	return `${CLIENT_SECRET_KEY_PREFIX}${encodeURIComponent(authority)}|${encodeURIComponent(clientId)}`;
}

/** Every non-empty secret string in a stored value (for the log's redaction list). */
function secretStrings(s: StoredSecret | undefined): string[] {
	if (!s) return [];
	return STRING_FIELDS.map((k) => s[k]).filter((v): v is string => typeof v === 'string' && v !== '');
}

/** Credentials for the client, or undefined when what is stored does not fit the connection's scheme. */
export function credentialsFor(c: Connection, s: StoredSecret | undefined): Credentials | undefined {
	if (!s) return undefined;
	switch (c.auth) {
		case 'basic':
			return c.userName && typeof s.password === 'string' ? { scheme: 'basic', userName: c.userName, password: s.password } : undefined;
		case 'soticket':
			if (!s.ticket) return undefined;
			return s.appToken ? { scheme: 'soticket', ticket: s.ticket, appToken: s.appToken } : { scheme: 'soticket', ticket: s.ticket };
		case 'bearer':
		case 'online':
			return s.token ? { scheme: 'bearer', token: s.token } : undefined;
	}
}

export class SecretStore extends Disposable {
	private readonly _onDidChange = this._register(new vscode.EventEmitter<string>());
	/** Fires with the connection id when its secret changes, in this window or another. */
	readonly onDidChange = this._onDidChange.event;

	constructor(
		private readonly storage: vscode.SecretStorage,
		private readonly log: Log,
	) {
		super();
		this._register(
			storage.onDidChange((e) => {
				if (e.key.startsWith(SECRET_KEY_PREFIX)) this._onDidChange.fire(e.key.slice(SECRET_KEY_PREFIX.length));
			}),
		);
	}

	async get(connectionId: string): Promise<StoredSecret | undefined> {
		let text: string | undefined;
		try {
			text = await this.storage.get(secretKey(connectionId));
		} catch (e) {
			this.log.warn(`Could not read the stored credentials of connection ${connectionId}: ${e instanceof Error ? e.name : 'error'}`);
			return undefined;
		}
		if (!text) return undefined;
		try {
			const parsed: unknown = JSON.parse(text);
			if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
			const o = parsed as Record<string, unknown>;
			const s: StoredSecret = {};
			for (const k of STRING_FIELDS) if (typeof o[k] === 'string') s[k] = o[k];
			for (const k of NUMBER_FIELDS) if (typeof o[k] === 'number' && Number.isFinite(o[k])) s[k] = o[k];
			this.log.addSecrets(secretStrings(s));
			return s;
		} catch {
			this.log.warn(`The stored credentials of connection ${connectionId} are unreadable; sign in again.`);
			return undefined;
		}
	}

	async has(connectionId: string): Promise<boolean> {
		return (await this.get(connectionId)) !== undefined;
	}

	async set(connectionId: string, secret: StoredSecret): Promise<void> {
		this.log.addSecrets(secretStrings(secret));
		await this.storage.store(secretKey(connectionId), JSON.stringify(secret));
	}

	async delete(connectionId: string): Promise<void> {
		await this.storage.delete(secretKey(connectionId));
	}

	async getClientSecret(authority: string, clientId: string): Promise<string | undefined> {
		try {
			const v = await this.storage.get(clientSecretKey(authority, clientId));
			if (v) this.log.addSecrets([v]);
			return v || undefined;
		} catch {
			return undefined;
		}
	}

	async setClientSecret(authority: string, clientId: string, secret: string): Promise<void> {
		this.log.addSecrets([secret]);
		await this.storage.store(clientSecretKey(authority, clientId), secret);
	}

	async deleteClientSecret(authority: string, clientId: string): Promise<void> {
		await this.storage.delete(clientSecretKey(authority, clientId));
	}
}
