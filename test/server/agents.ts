// Other users at work on the same server, as the SuperOffice web client would act for them: tests and `npm start`
// use these to lose a pickup race, or to answer a transfer as the colleague. Refusals throw StoreError.
import type { ChatSessionEntity } from '../../src/api/types';
import { type ChatStore, StoreError } from './chatStore';
import { COLLEAGUE, type DemoAssociate } from './seed';

export interface AgentActions {
	readonly associate: DemoAssociate;
	/** Undefined when the session was not in the queue (the API's null). */
	pickUp(sessionId: number): ChatSessionEntity | undefined;
	pickUpNext(): ChatSessionEntity | undefined;
	transferTo(sessionId: number, to: number | string): ChatSessionEntity;
	acceptTransfer(sessionId: number): ChatSessionEntity;
	rejectTransfer(sessionId: number): ChatSessionEntity;
	reset(sessionId: number): ChatSessionEntity;
}

/** `who`: associate id, Name or UserName; default the colleague. */
export function agentActions(store: ChatStore, who: number | string = COLLEAGUE.AssociateId): AgentActions {
	const associate = store.associate(who);
	if (!associate) throw new StoreError(404, 'SoNotFoundException', `Associate '${who}' not found`);
	return {
		associate,
		pickUp: (id) => store.pickUp(id, associate),
		pickUpNext: () => store.pickUpNext(associate),
		transferTo: (id, to) => store.transfer(id, associate, to),
		acceptTransfer: (id) => store.acceptTransfer(id, associate),
		rejectTransfer: (id) => store.rejectTransfer(id, associate),
		reset: (id) => store.resetSession(id, associate),
	};
}
