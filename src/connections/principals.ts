// Who is signed in on each connection (GET User/currentPrincipal), asked once until that connection's credentials
// change. The live model (which chats are mine), the agent actions (who to leave out of a transfer) and quick replies
// ({agent}) share the one answer. A failed ask is not kept: the next caller asks again.
import type { ChatClient, CurrentPrincipal, RequestOptions } from '../api';
import { Disposable } from '../util/disposable';
import { type SecretStore } from './secretStore';

export class Principals extends Disposable {
	private readonly known = new Map<string, Promise<CurrentPrincipal>>();

	constructor(secrets: SecretStore) {
		super();
		this._register(secrets.onDidChange((connectionId) => this.known.delete(connectionId)));
	}

	get(connectionId: string, client: ChatClient, o?: RequestOptions): Promise<CurrentPrincipal> {
		const cached = this.known.get(connectionId);
		if (cached) return cached;
		const asked = client.currentPrincipal(o);
		this.known.set(connectionId, asked);
		asked.catch(() => {
			if (this.known.get(connectionId) === asked) this.known.delete(connectionId);
		});
		return asked;
	}

	/** The associate id of whoever is signed in, or undefined when the server does not say. */
	async associateId(connectionId: string, client: ChatClient, o?: RequestOptions): Promise<number | undefined> {
		const p = await this.get(connectionId, client, o);
		return typeof p.AssociateId === 'number' ? p.AssociateId : undefined;
	}
}
