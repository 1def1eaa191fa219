// Builds the ChatClient for a connection: credentials from SecretStorage, locale and timeout from settings, every
// request traced to the log. Clients are cached per connection and rebuilt when any of their inputs change.
import * as vscode from 'vscode';
import { type ChatClient, type ChatClientOptions, type Credentials, secretsOf } from '../api';
import { localeHeaders, requestTimeoutSeconds, Setting, type SettingsWatcher } from '../core/config';
import { type Log } from '../core/log';
import { Disposable } from '../util/disposable';
import { SignInRequiredError } from '../util/errors';
import { type Connection } from './connection';
import { type ConnectionStore } from './connectionStore';
import { isOnlineConnection, type OnlineTokens } from './onlineTokens';
import { credentialsFor, type SecretStore } from './secretStore';

interface ClientInputs {
	connection: Connection;
	credentials: Credentials;
	onMisdirected?: () => Promise<string | undefined>;
}

interface ActiveClient {
	connection: Connection;
	client: ChatClient;
}

export class ClientFactory extends Disposable {
	private readonly cache = new Map<string, { signature: string; client: ChatClient }>();
	private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
	/** Fires when a client would now be built differently (credentials, connection or settings changed). */
	readonly onDidChange = this._onDidChange.event;

	constructor(
		private readonly connections: ConnectionStore,
		private readonly secrets: SecretStore,
		private readonly log: Log,
		private readonly userAgent: string,
		private readonly online: OnlineTokens,
		settings: SettingsWatcher,
	) {
		super();
		this._register(secrets.onDidChange(() => this.invalidate()));
		this._register(connections.onDidChange(() => this.invalidate()));
		this._register(
			settings.on([Setting.language, Setting.culture, Setting.timeZone, Setting.requestTimeoutSeconds], () => this.invalidate()),
		);
	}

	/** The client for a connection. Throws SignInRequiredError when no usable credentials are stored. */
	async forConnection(c: Connection): Promise<ChatClient> {
		const ChatClientClass = await this.clientClass();
		const { connection, credentials, onMisdirected } = c.auth === 'online' ? await this.onlineInputs(c) : await this.storedInputs(c);
		const options: ChatClientOptions = { ...this.options(connection, credentials), ...(onMisdirected ? { onMisdirected } : {}) };
		// A token provider serialises to its scheme only: an Online client is rebuilt when the connection or settings change.
		const signature = JSON.stringify([connection, options.locale, options.timeoutMs, credentials]);
		const cached = this.cache.get(connection.id);
		if (cached && cached.signature === signature) return cached.client;
		const client = new ChatClientClass(options);
		this.cache.set(connection.id, { signature, client });
		return client;
	}

	private async storedInputs(c: Connection): Promise<ClientInputs> {
		const credentials = credentialsFor(c, await this.secrets.get(c.id));
		if (!credentials) throw new SignInRequiredError(c.id, c.name);
		return { connection: c, credentials };
	}

	/**
	 * Online: the token comes from OnlineTokens at each request (refreshed when due, once more after a 401), and a
	 * 421 asks the tenant state API for the new address.
	 */
	private async onlineInputs(c: Connection): Promise<ClientInputs> {
		const stored = await this.secrets.get(c.id);
		if (!isOnlineConnection(c) || !stored?.token) throw new SignInRequiredError(c.id, c.name);
		const connection = await this.online.ensureEndpointFresh(c, stored);
		const id = connection.id;
		return {
			connection,
			credentials: { scheme: 'bearer', tokenProvider: ({ forceRefresh }) => this.online.accessToken(id, forceRefresh) },
			onMisdirected: () => this.online.resolveEndpoint(id),
		};
	}

	/** The active connection and its client. Throws NoConnectionError or SignInRequiredError. */
	async forActive(): Promise<ActiveClient> {
		const connection = this.connections.require();
		return { connection, client: await this.forConnection(connection) };
	}

	/** A client with credentials that are not stored yet (to verify them before saving). Not cached. */
	withCredentials(c: Connection, credentials: Credentials): Promise<ChatClient> {
		return this.create(this.options(c, credentials));
	}

	/** A client without credentials, for `probe()` of a URL being added. */
	anonymous(baseUrl: string, name = baseUrl): Promise<ChatClient> {
		return this.create({
			baseUrl,
			locale: localeHeaders(),
			timeoutMs: requestTimeoutSeconds() * 1000,
			onTrace: (e) => this.log.request(name, e),
			userAgent: this.userAgent,
		});
	}

	/** The client code loads with the first client (dist/features.js), not at activation. */
	private async create(options: ChatClientOptions): Promise<ChatClient> {
		return new (await this.clientClass())(options);
	}

	private async clientClass(): Promise<typeof ChatClient> {
		return (await import('../api')).ChatClient;
	}

	private options(c: Connection, credentials: Credentials): ChatClientOptions {
		this.log.addSecrets(secretsOf(credentials));
		return {
			baseUrl: c.baseUrl,
			credentials,
			locale: localeHeaders(),
			timeoutMs: requestTimeoutSeconds() * 1000,
			allowInsecureHttp: c.allowInsecureHttp === true,
			onTrace: (e) => this.log.request(c.name, e),
			userAgent: this.userAgent,
		};
	}

	private invalidate(): void {
		this.cache.clear();
		this._onDidChange.fire();
	}
}
