// The `superoffice` AuthenticationProvider: each Online connection with stored tokens is a session, so accounts show
// in VS Code's Accounts menu and other extensions can ask for one. Sessions carry a fresh access token (refreshed
// when due); signing out from the Accounts menu forgets the connection's tokens like Sign Out does.
import * as vscode from 'vscode';
import { type Services } from '../services/services';
import { type Connection } from '../connections/connection';
import { isOnlineConnection } from '../connections/onlineTokens';
import { Disposable } from '../util/disposable';

const AUTH_PROVIDER_ID = 'superoffice';
const AUTH_PROVIDER_LABEL = 'SuperOffice';
/** The only scope SuperOffice knows; it grants every API the user may use. */
const SCOPES = ['openid'];

function sessionOf(c: Connection, accessToken: string): vscode.AuthenticationSession {
	return {
		id: c.id,
		accessToken,
		account: { id: `${c.tenant ?? ''}/${c.subject ?? c.id}`, label: `${c.userName ?? c.name} (${c.tenant ?? c.name})` },
		scopes: SCOPES,
	};
}

class SuperOfficeAuthProvider extends Disposable implements vscode.AuthenticationProvider {
	private readonly _onDidChangeSessions = this._register(
		new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>(),
	);
	readonly onDidChangeSessions = this._onDidChangeSessions.event;
	/** The sessions last reported, by id, to tell added, removed and changed apart. */
	private known = new Map<string, vscode.AuthenticationSession>();
	private syncing: Promise<void> = Promise.resolve();

	constructor(private readonly s: Services) {
		super();
		this._register(s.secrets.onDidChange(() => this.sync()));
		this._register(s.connections.onDidChange(() => this.sync()));
		this.sync();
	}

	async getSessions(
		_scopes?: readonly string[],
		options?: vscode.AuthenticationProviderSessionOptions,
	): Promise<vscode.AuthenticationSession[]> {
		const sessions = await this.current();
		return options?.account ? sessions.filter((x) => x.account.id === options.account?.id) : sessions;
	}

	async createSession(_scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
		// Thin at activation: the sign-in flow loads when an extension first asks for a new session.
		const { signInOnline } = await import('../signIn/onlineSignIn');
		const c = await signInOnline(this.s);
		const session = sessionOf(c, await this.s.online.accessToken(c.id));
		this.sync();
		return session;
	}

	async removeSession(sessionId: string): Promise<void> {
		const c = this.s.connections.get(sessionId);
		if (!c) return;
		await this.s.online.forget(c);
		this.s.log.info(`Signed out of ${c.name} (Accounts menu)`);
	}

	/** Sessions of every Online connection whose tokens are stored (tokens that cannot be renewed drop out). */
	private async current(): Promise<vscode.AuthenticationSession[]> {
		const out: vscode.AuthenticationSession[] = [];
		for (const c of this.s.connections.list()) {
			if (!isOnlineConnection(c) || !(await this.s.secrets.get(c.id))?.token) continue;
			try {
				out.push(sessionOf(c, await this.s.online.accessToken(c.id)));
			} catch {
				// Signed out meanwhile, or the sign-in ended: not a session.
			}
		}
		return out;
	}

	/** Reports what changed since the last report; runs one at a time so events stay in order. */
	private sync(): void {
		this.syncing = this.syncing.then(
			async () => {
				const now = new Map<string, vscode.AuthenticationSession>();
				for (const c of this.s.connections.list()) {
					const token = isOnlineConnection(c) ? (await this.s.secrets.get(c.id))?.token : undefined;
					if (token) now.set(c.id, sessionOf(c, token));
				}
				const added = [...now.values()].filter((x) => !this.known.has(x.id));
				const removed = [...this.known.values()].filter((x) => !now.has(x.id));
				const changed = [...now.values()].filter((x) => {
					const before = this.known.get(x.id);
					return before !== undefined && (before.accessToken !== x.accessToken || before.account.label !== x.account.label);
				});
				this.known = now;
				if (added.length + removed.length + changed.length > 0) this._onDidChangeSessions.fire({ added, removed, changed });
			},
			() => undefined,
		);
	}
}

export function registerAuthProvider(s: Services): vscode.Disposable {
	const provider = new SuperOfficeAuthProvider(s);
	const registration = vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, AUTH_PROVIDER_LABEL, provider, {
		supportsMultipleAccounts: true,
	});
	return vscode.Disposable.from(registration, provider);
}
