// Check Connection: the steps between this machine and a working chat, each ✓/!/✗ with the fix a person can act on —
// name resolution, TCP, TLS (and whether a corporate CA is in the way), the API version document, the credentials,
// the chat rights, the Online tenant's state and the clock. Later steps that cannot work after a failure are skipped.
// Pure: the probes (DNS, sockets, HTTP) are passed in, so a test can run every step against real local servers.
import { type ApiError, type ApiInfo, type CurrentPrincipal, isApiError } from '../api';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skipped';
export type CheckStepId = 'dns' | 'tcp' | 'tls' | 'api' | 'credentials' | 'chat' | 'tenant' | 'clock';

export interface CheckStep {
	id: CheckStepId;
	status: CheckStatus;
	/** What was found, for people (English: the report goes to a support ticket). */
	detail: string;
	/** What to do about it, when something is wrong. */
	fix?: string;
	ms?: number;
}

export interface TlsInfo {
	authorized: boolean;
	/** Node's error code when the certificate was not accepted (e.g. SELF_SIGNED_CERT_IN_CHAIN). */
	errorCode?: string;
	subject?: string;
	issuer?: string;
	/** Milliseconds since the epoch. */
	validTo?: number;
	protocol?: string;
}

export interface CheckProbes {
	lookup(host: string): Promise<string[]>;
	connect(host: string, port: number): Promise<void>;
	tls(host: string, port: number): Promise<TlsInfo>;
	/** The `Date` header of an unauthenticated answer from the server, if any. */
	serverDate(url: string): Promise<string | undefined>;
	probe(): Promise<ApiInfo>;
	/** Absent when no credentials are stored: the step says to sign in. */
	principal?(): Promise<CurrentPrincipal>;
	/** The number of chat sessions the user can see. */
	sessions?(): Promise<number>;
	/** Online only: the tenant's state from the tenant state service. */
	tenant?(): Promise<{ state: string; running: boolean }>;
	now(): number;
}

export interface CheckTarget {
	name: string;
	baseUrl: string;
	online: boolean;
}

/** A clock further off than this makes sign-in tokens look expired or not yet valid. */
export const MAX_CLOCK_SKEW_MS = 2 * 60 * 1000;
const CERT_EXPIRY_WARNING_MS = 14 * 24 * 3600 * 1000;
const CA_ERRORS = new Set([
	'SELF_SIGNED_CERT_IN_CHAIN',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
]);

function message(e: unknown): string {
	if (isApiError(e)) return e.status ? `HTTP ${e.status}: ${e.message}` : e.message;
	const code = (e as { code?: unknown } | null)?.code;
	const text = e instanceof Error ? e.message : String(e);
	return typeof code === 'string' && !text.includes(code) ? `${code}: ${text}` : text;
}

async function timed<T>(now: () => number, fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
	const start = now();
	try {
		const value = await fn();
		return { value, ms: now() - start };
	} catch (error) {
		return { error, ms: now() - start };
	}
}

function apiFix(e: unknown, what: string): string | undefined {
	if (!isApiError(e)) return undefined;
	const kind: ApiError['kind'] = e.kind;
	switch (kind) {
		case 'unauthorized':
			return 'Sign in again (SuperOffice Chat: Sign In / Update Credentials).';
		case 'forbidden':
			return `The user lacks the rights for ${what}: chat needs the chat licence and membership of a chat channel with "Can respond".`;
		case 'misdirected':
			return 'The tenant moved to another host: sign in again, or update the connection URL.';
		case 'badResponse':
			return 'The URL does not lead to a SuperOffice WebAPI: use the web client address, e.g. https://crm.example.com/SuperOffice.';
		case 'timeout':
		case 'network':
			return 'The server did not answer: check the URL, VPN and proxy settings (http.proxy).';
		default:
			return undefined;
	}
}

/** Runs every step in order; `onStep` sees each result as it comes (for progress). */
export async function checkConnection(target: CheckTarget, p: CheckProbes, onStep?: (s: CheckStep) => void): Promise<CheckStep[]> {
	const steps: CheckStep[] = [];
	const add = (s: CheckStep): boolean => {
		steps.push(s);
		onStep?.(s);
		return s.status !== 'fail';
	};
	const skip = (id: CheckStepId, why: string): void => void add({ id, status: 'skipped', detail: why });
	const url = new URL(target.baseUrl);
	const host = url.hostname.replace(/^\[|\]$/g, '');
	const https = url.protocol === 'https:';
	const port = Number(url.port) || (https ? 443 : 80);

	const dns = await timed(p.now, () => p.lookup(host));
	const dnsOk = add(
		dns.error !== undefined || !dns.value?.length
			? {
					id: 'dns',
					status: 'fail',
					detail: `${host} could not be resolved (${message(dns.error ?? 'no address')}).`,
					fix: 'Check the host name in the URL, and your VPN or DNS.',
					ms: dns.ms,
				}
			: { id: 'dns', status: 'ok', detail: `${host} → ${dns.value.join(', ')}`, ms: dns.ms },
	);
	let reachable = false;
	if (dnsOk) {
		const tcp = await timed(p.now, () => p.connect(host, port));
		reachable = add(
			tcp.error !== undefined
				? {
						id: 'tcp',
						status: 'fail',
						detail: `No connection to ${host}:${port} (${message(tcp.error)}).`,
						fix: 'Check that the server runs and that a firewall or proxy lets this machine reach the port.',
						ms: tcp.ms,
					}
				: { id: 'tcp', status: 'ok', detail: `${host}:${port} accepts connections`, ms: tcp.ms },
		);
	} else skip('tcp', 'needs the host name');

	if (!https) skip('tls', 'plain http: no TLS');
	else if (!reachable) skip('tls', 'needs a connection');
	else add(tlsStep(await timed(p.now, () => p.tls(host, port)), p.now()));

	const api = await timed(p.now, () => p.probe());
	const apiOk = add(
		api.error !== undefined
			? {
					id: 'api',
					status: 'fail',
					detail: `GET ${url.pathname.replace(/\/$/, '')}/api failed (${message(api.error)}).`,
					fix: apiFix(api.error, 'the API'),
					ms: api.ms,
				}
			: {
					id: 'api',
					status: 'ok',
					detail: `SuperOffice WebAPI ${String(api.value?.NetServerVersion ?? api.value?.Version ?? api.value?.v1 ?? 'version unknown')}`,
					ms: api.ms,
				},
	);

	let signedIn = false;
	if (!apiOk) skip('credentials', 'needs the API');
	else if (!p.principal) {
		add({
			id: 'credentials',
			status: 'fail',
			detail: 'No credentials are stored for this connection.',
			fix: 'Sign in (SuperOffice Chat: Sign In / Update Credentials).',
		});
	} else {
		const who = await timed(p.now, () => p.principal!());
		const name = who.value ? (who.value.FullName ?? who.value.Associate ?? who.value.UserName) : undefined;
		signedIn = add(
			who.error !== undefined
				? {
						id: 'credentials',
						status: 'fail',
						detail: `The credentials were not accepted (${message(who.error)}).`,
						fix: apiFix(who.error, 'the API') ?? 'Sign in again.',
						ms: who.ms,
					}
				: {
						id: 'credentials',
						status: 'ok',
						detail: `signed in as ${typeof name === 'string' && name ? name : 'an unnamed user'}`,
						ms: who.ms,
					},
		);
	}

	if (!signedIn || !p.sessions) skip('chat', 'needs a sign-in');
	else {
		const chat = await timed(p.now, () => p.sessions!());
		add(
			chat.error !== undefined
				? {
						id: 'chat',
						status: 'fail',
						detail: `The chat sessions could not be listed (${message(chat.error)}).`,
						fix: apiFix(chat.error, 'chat'),
						ms: chat.ms,
					}
				: { id: 'chat', status: 'ok', detail: `${chat.value ?? 0} chat session(s) visible`, ms: chat.ms },
		);
	}

	if (!target.online || !p.tenant) skip('tenant', target.online ? 'no tenant state service' : 'Onsite: no tenant state');
	else {
		const t = await timed(p.now, () => p.tenant!());
		add(
			t.error !== undefined
				? { id: 'tenant', status: 'warn', detail: `The tenant state service did not answer (${message(t.error)}).`, ms: t.ms }
				: t.value?.running
					? { id: 'tenant', status: 'ok', detail: `tenant ${t.value.state}`, ms: t.ms }
					: {
							id: 'tenant',
							status: 'fail',
							detail: `tenant ${t.value?.state ?? 'unknown'}: not running`,
							fix: 'Wait for the maintenance to end, or ask your SuperOffice administrator.',
							ms: t.ms,
						},
		);
	}

	if (!reachable) skip('clock', 'needs a connection');
	else add(clockStep(await timed(p.now, () => p.serverDate(`${target.baseUrl.replace(/\/$/, '')}/api`)), p.now()));
	return steps;
}

function tlsStep(r: { value?: TlsInfo; error?: unknown; ms: number }, now: number): CheckStep {
	if (r.error !== undefined || !r.value) {
		return {
			id: 'tls',
			status: 'fail',
			detail: `The TLS handshake failed (${message(r.error)}).`,
			fix: 'Check that the port speaks https.',
			ms: r.ms,
		};
	}
	const t = r.value;
	const who = `${t.subject ?? 'certificate'}${t.issuer ? `, issued by ${t.issuer}` : ''}`;
	if (!t.authorized) {
		const fix =
			t.errorCode && CA_ERRORS.has(t.errorCode)
				? 'The certificate is signed by a CA this machine does not trust — often a corporate proxy or an internal CA. Give Node the CA with NODE_EXTRA_CA_CERTS=/path/to/ca.pem (or let VS Code use the system certificates: http.systemCertificates).'
				: "The server presents a certificate that is not valid for this host or has expired: ask the server's administrator.";
		return { id: 'tls', status: 'fail', detail: `${who} not trusted (${t.errorCode ?? 'unknown reason'})`, fix, ms: r.ms };
	}
	if (t.validTo !== undefined && t.validTo - now < CERT_EXPIRY_WARNING_MS) {
		const days = Math.max(0, Math.floor((t.validTo - now) / (24 * 3600 * 1000)));
		return {
			id: 'tls',
			status: 'warn',
			detail: `${who}, ${t.protocol ?? 'TLS'}; expires in ${days} day(s)`,
			fix: 'Renew the server certificate soon.',
			ms: r.ms,
		};
	}
	return { id: 'tls', status: 'ok', detail: `${who}, ${t.protocol ?? 'TLS'}`, ms: r.ms };
}

function clockStep(r: { value?: string; error?: unknown; ms: number }, now: number): CheckStep {
	const at = r.value ? Date.parse(r.value) : NaN;
	if (r.error !== undefined || !Number.isFinite(at)) {
		return { id: 'clock', status: 'skipped', detail: 'the server sent no Date header', ms: r.ms };
	}
	// An HTTP date has whole seconds; half the round trip is the best guess of when it was written.
	const skew = now - r.ms / 2 - at;
	const seconds = Math.round(skew / 1000);
	if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) {
		return {
			id: 'clock',
			status: 'warn',
			detail: `this machine's clock is ${Math.abs(seconds)} s ${skew > 0 ? 'ahead of' : 'behind'} the server's`,
			fix: 'Sync the clock (NTP): sign-in tokens are checked against it.',
			ms: r.ms,
		};
	}
	return { id: 'clock', status: 'ok', detail: `within ${Math.max(1, Math.abs(seconds))} s of the server`, ms: r.ms };
}
