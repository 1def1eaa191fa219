// What an action acts on: the connection (named by id, else the active one), its client, and the chat session
// (given, or picked) with the customer's name. A session given by id is read once, which proves it exists
// before anything is sent to it. Every command that targets a session resolves it here. In a reply flow a queued
// session chosen from the picker ("Pick up and reply") is picked up first.
import { type ChatClient } from '../api';
import { type Connection } from '../connections/connection';
import { type Services } from '../services/services';
import { customerOf, type SessionSummary } from '../sessions/sessionSummary';
import { CancelledError } from '../util/errors';
import { pickUpSession } from './pickUpSession';

interface ResolvedConnection {
	connection: Connection;
	client: ChatClient;
}

interface Target extends ResolvedConnection {
	sessionId: number;
	customer?: string;
	topic?: string;
}

interface TargetQuery {
	connectionId?: string;
	sessionId?: number;
	/** Known already (a retry): skips reading the session. */
	customer?: string;
	/** Title of the session picker when no session is given. */
	title: string;
	step?: number;
	totalSteps?: number;
	/** Also name the session's topic (costs a topic list request). */
	withTopic?: boolean;
	/** The picker offers only these sessions (a session action); then queued ones are not picked up. */
	filter?: (row: SessionSummary) => boolean;
	/** What the picker says when no session passes the filter. */
	emptyText?: string;
}

/** The connection with this id (NoConnectionError when unknown), or the active one, with its client. */
async function resolveConnection(s: Services, connectionId?: string): Promise<ResolvedConnection> {
	const connection = s.connections.require(connectionId);
	return { connection, client: await s.clients.forConnection(connection) };
}

export async function resolveTarget(s: Services, q: TargetQuery): Promise<Target> {
	const { connection, client } = await resolveConnection(s, q.connectionId);
	if (q.sessionId !== undefined) {
		if (q.customer !== undefined) return { connection, client, sessionId: q.sessionId, customer: q.customer };
		return { connection, client, sessionId: q.sessionId, ...(await describeSession(client, q.sessionId, q.withTopic)) };
	}
	const replying = q.filter === undefined;
	const picked = await s.sessionPicker.pick(connection, client, {
		title: q.title,
		step: q.step,
		totalSteps: q.totalSteps,
		filter: q.filter,
		emptyText: q.emptyText,
		offerPickUp: replying,
	});
	if (!picked) throw new CancelledError();
	if (replying && picked.summary?.status === 'InQueue') {
		// "Pick up and reply": lost races and failures have been told; the reply does not go on.
		const taken = await pickUpSession(s, { connection, client, sessionId: picked.sessionId, customer: picked.customer }, { next: false });
		if (!taken) throw new CancelledError();
	}
	if (picked.customer === undefined) {
		// A typed id: read it like a given one.
		return { connection, client, sessionId: picked.sessionId, ...(await describeSession(client, picked.sessionId, q.withTopic)) };
	}
	return { connection, client, sessionId: picked.sessionId, customer: picked.customer, topic: picked.summary?.topic };
}

async function describeSession(client: ChatClient, sessionId: number, withTopic = false): Promise<{ customer?: string; topic?: string }> {
	if (!withTopic) return { customer: customerOf(await client.getSession(sessionId)) };
	const [session, topics] = await Promise.all([client.getSession(sessionId), client.listTopics().catch(() => [])]);
	const topic = topics.find((t) => t.ChatTopicId === session.TopicId)?.Name;
	return { customer: customerOf(session), topic: topic || undefined };
}
