// Demo data for the local server: two chat topics, three users, six sessions in different states and a few messages each.
// Times are relative to the moment of seeding so "recent" means recent whenever the server starts.
import type {
	ChatMessage,
	ChatMessageType,
	ChatSessionEntity,
	ChatSessionStatus,
	ChatTopicAgent,
	ChatTopicEntity,
} from '../../src/api/types';

/** The signed-in demo user, as `GET /api/v1/User/currentPrincipal` and `ChatSessionEntity.User` show it. */
export const DEMO_USER = {
	AssociateId: 5,
	Name: 'DEMO',
	FullName: 'Demo Agent',
	EjUserId: 7,
	UserName: 'demo',
	PersonId: 15,
	ContactId: 2,
	Email: 'demo.agent@example.com',
} as const;

/** A colleague of the demo user: takes transfers, and can win the race for a queued session. */
export const COLLEAGUE = {
	AssociateId: 6,
	Name: 'COL',
	FullName: 'Colin Colleague',
	EjUserId: 8,
	UserName: 'colleague',
	PersonId: 16,
} as const;

/** A user who may only listen in on Sales: listed as a topic user, but cannot take a transfer. */
export const LISTENER = {
	AssociateId: 7,
	Name: 'LIS',
	FullName: 'Lena Listener',
	EjUserId: 9,
	UserName: 'listener',
	PersonId: 17,
} as const;

export type DemoAssociate = NonNullable<ChatSessionEntity['User']>;

/** Every user the server knows, the signed-in demo user first. */
export function demoAssociates(): DemoAssociate[] {
	const { AssociateId, Name, FullName, EjUserId, UserName, PersonId } = DEMO_USER;
	return [{ AssociateId, Name, FullName, EjUserId, UserName, PersonId }, { ...COLLEAGUE }, { ...LISTENER }];
}

/** Topic membership (the channel's Agents tab): who may respond, listen, manage, be notified. */
export function seedTopicAgents(): ChatTopicAgent[] {
	const [demo, colleague, listener] = demoAssociates();
	const roles = (TopicId: number, User: DemoAssociate, CanRespond: boolean, CanManage = false): ChatTopicAgent => ({
		TopicId,
		User,
		CanListen: true,
		CanRespond,
		CanManage,
		CanNotify: CanRespond,
	});
	return [
		roles(1, demo, true, true),
		roles(1, colleague, true),
		roles(2, demo, true),
		roles(2, colleague, true),
		roles(2, listener, false),
	];
}

export interface SeedData {
	topics: ChatTopicEntity[];
	sessions: ChatSessionEntity[];
	messages: ChatMessage[];
}

interface SessionSeed {
	id: number;
	topic: number;
	customer: string;
	email: string;
	status: ChatSessionStatus;
	minutesAgo: number;
	lines: [ChatMessageType, string][];
}

const SESSIONS: SessionSeed[] = [
	{
		id: 101,
		topic: 1,
		customer: 'Ada Lovelace',
		email: 'ada@example.com',
		status: 'CustomerLast',
		minutesAgo: 12,
		lines: [
			['ToUser', 'Hello, my invoice export stopped working after the update.'],
			['ToCustomer', 'Hi Ada, sorry about that. Which version are you on?'],
			['ToUser', 'Version 10.3, and the export button is greyed out.'],
		],
	},
	{
		id: 102,
		topic: 1,
		customer: 'Grace Hopper',
		email: 'grace@example.com',
		status: 'UserLast',
		minutesAgo: 30,
		lines: [
			['ToUser', 'Can I change the compiler settings for my project?'],
			['ToCustomer', 'Yes: open Settings, then Build. I will send you the page.'],
		],
	},
	{
		id: 103,
		topic: 2,
		customer: 'Linus T.',
		email: 'linus@example.com',
		status: 'InQueue',
		minutesAgo: 3,
		lines: [['ToUser', 'Do you offer a discount for open source projects?']],
	},
	{
		id: 104,
		topic: 1,
		customer: 'Margaret Hamilton',
		email: 'margaret@example.com',
		status: 'Closed',
		minutesAgo: 60 * 26,
		lines: [
			['ToUser', 'The login page shows an error.'],
			['ToCustomer', 'Fixed now, please try again.'],
			['ToUser', 'Works, thanks!'],
		],
	},
	{
		id: 105,
		topic: 2,
		customer: 'Katherine Johnson',
		email: 'katherine@example.com',
		status: 'Finished',
		minutesAgo: 60 * 5,
		lines: [
			['ToUser', 'I would like a quote for 20 seats.'],
			['ToCustomer', 'Sent to your e-mail address.'],
		],
	},
	{
		id: 106,
		topic: 2,
		customer: 'Alan Turing',
		email: 'alan@example.com',
		status: 'Deleted',
		minutesAgo: 60 * 48,
		lines: [['ToUser', 'Test message, please ignore.']],
	},
];

const OPEN_OR_ANSWERED: ChatSessionStatus[] = ['CustomerLast', 'UserLast', 'Closed', 'Finished', 'Deleted'];

export function demoUserAssociate(): NonNullable<ChatSessionEntity['User']> {
	const { AssociateId, Name, FullName, EjUserId, UserName, PersonId } = DEMO_USER;
	return { AssociateId, Name, FullName, EjUserId, UserName, PersonId };
}

/** Fresh seed data; message ids start at 1 and follow posting order. */
export function seedData(now = Date.now()): SeedData {
	const iso = (msAgo: number): string => new Date(now - msAgo).toISOString();
	const topics: ChatTopicEntity[] = [
		{ ChatTopicId: 1, Name: 'Support', Description: 'Product support', WelcomeMessage: 'Welcome to Support! How can we help?' },
		{ ChatTopicId: 2, Name: 'Sales', Description: 'Quotes and licences', WelcomeMessage: 'Welcome to Sales!' },
	];
	const sessions: ChatSessionEntity[] = [];
	const drafts: ChatMessage[] = [];
	for (const s of SESSIONS) {
		const started = s.minutesAgo * 60_000;
		const times = s.lines.map((_, i) => started - i * 60_000);
		for (const [i, [type, text]] of s.lines.entries()) {
			drafts.push({
				ChatSessionId: s.id,
				Type: type,
				Message: text,
				Author: type === 'ToUser' ? s.customer : DEMO_USER.FullName,
				ReadByCustomer: type === 'ToCustomer' ? 1 : 0,
				SpecialType: 'None',
				SpecialParam: '',
				WhenPosted: iso(times[i]),
			});
		}
		const last = s.lines[s.lines.length - 1];
		const ended = s.status === 'Closed' || s.status === 'Finished' || s.status === 'Deleted';
		sessions.push({
			ChatSessionId: s.id,
			TopicId: s.topic,
			// Sessions still in the queue have no agent yet; the document has no null, so the field is left out.
			...(OPEN_OR_ANSWERED.includes(s.status) ? { User: demoUserAssociate() } : {}),
			CustomerAlias: s.customer.split(' ')[0],
			CustomerHost: '203.0.113.10',
			CustomerName: s.customer,
			CustomerEmail: s.email,
			CustomerPhone: '',
			CustomerCompanyName: '',
			Status: s.status,
			FirstMessage: s.lines[0][1],
			LastMessage: last[1],
			WhenRequested: iso(started + 30_000),
			...(s.status === 'InQueue' ? {} : { WhenStarted: iso(started) }),
			...(ended ? { WhenEnded: iso(times[times.length - 1] - 60_000) } : {}),
			WhenIdle: iso(times[times.length - 1]),
			SessionKey: `demo-session-key-${s.id}`,
		});
	}
	// Ids follow the time of posting across all sessions, like an auto-increment column.
	drafts.sort((a, b) => Date.parse(a.WhenPosted ?? '') - Date.parse(b.WhenPosted ?? ''));
	const messages = drafts.map((m, i) => ({ ChatMessageId: i + 1, ...m }));
	return { topics, sessions, messages };
}
