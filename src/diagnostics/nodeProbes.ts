// The network probes of Check Connection on Node's own modules: DNS, a TCP connect, a TLS handshake that reports
// (rather than refuses) an untrusted certificate, and the server's Date header. Each has a timeout.
import * as dns from 'node:dns/promises';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { type TlsInfo } from './connectionCheck';

export const PROBE_TIMEOUT_MS = 10_000;

export async function lookupHost(host: string): Promise<string[]> {
	if (net.isIP(host)) return [host];
	const found = await dns.lookup(host, { all: true });
	return found.map((a) => a.address);
}

export function connectTcp(host: string, port: number, timeoutMs = PROBE_TIMEOUT_MS): Promise<void> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ host, port });
		socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer in ${timeoutMs / 1000} s`)));
		socket.once('connect', () => {
			socket.end();
			resolve();
		});
		socket.once('error', reject);
	});
}

function name(o: unknown): string | undefined {
	const v = (o as Record<string, unknown> | undefined)?.CN ?? (o as Record<string, unknown> | undefined)?.O;
	return typeof v === 'string' ? v : Array.isArray(v) ? v.join(', ') : undefined;
}

/** Handshakes without refusing an untrusted certificate, so the report can say why it is not trusted. */
export function probeTls(host: string, port: number, timeoutMs = PROBE_TIMEOUT_MS): Promise<TlsInfo> {
	return new Promise((resolve, reject) => {
		const socket = tls.connect({ host, port, servername: net.isIP(host) ? undefined : host, rejectUnauthorized: false });
		socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no TLS answer in ${timeoutMs / 1000} s`)));
		socket.once('secureConnect', () => {
			const cert = socket.getPeerCertificate();
			const err = socket.authorizationError as unknown;
			const info: TlsInfo = { authorized: socket.authorized };
			const code = typeof err === 'string' ? err : (err as { code?: unknown } | null)?.code;
			if (!socket.authorized && err) info.errorCode = typeof code === 'string' ? code : String(err);
			const subject = name(cert?.subject);
			const issuer = name(cert?.issuer);
			if (subject) info.subject = subject;
			if (issuer) info.issuer = issuer;
			const validTo = cert?.valid_to ? Date.parse(cert.valid_to) : NaN;
			if (Number.isFinite(validTo)) info.validTo = validTo;
			const protocol = socket.getProtocol();
			if (protocol) info.protocol = protocol;
			socket.end();
			resolve(info);
		});
		socket.once('error', reject);
	});
}

/** The Date header of a plain GET (no credentials), or undefined. Certificate problems are the TLS step's to report. */
export async function fetchServerDate(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<string | undefined> {
	const res = await fetch(url, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
	await res.body?.cancel();
	return res.headers.get('date') ?? undefined;
}
