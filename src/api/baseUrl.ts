// Turns whatever a user pastes into one canonical base URL: `https://host[:port]/Site` without `/api`,
// trailing slashes, query or fragment. A missing scheme means https; any scheme but http(s) is refused.
import { ApiError } from './errors';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function invalid(message: string): ApiError {
	return new ApiError('invalid', message, { field: 'baseUrl' });
}

export function normalizeBaseUrl(input: string): string {
	if (typeof input !== 'string') throw invalid('The base URL must be text.');
	let text = input.trim();
	if (text === '') throw invalid('The base URL is empty.');
	if (/\s/.test(text)) throw invalid('The base URL must not contain spaces.');
	if (text.startsWith('//')) {
		text = `https:${text}`;
	} else {
		const scheme = SCHEME.exec(text);
		// `host:8443/Site` also matches the scheme pattern; only a `scheme://` prefix or a known
		// non-web scheme counts as a scheme the user chose.
		if (
			!scheme ||
			(!text.slice(scheme[0].length).startsWith('//') &&
				!/^(https?|javascript|data|file|mailto|ftp|ws|wss|about|blob|vscode)$/i.test(scheme[1]))
		) {
			text = `https://${text}`;
		}
	}
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw invalid('The base URL is not a valid URL.');
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('The base URL must start with https:// or http://.');
	if (url.username !== '' || url.password !== '') throw invalid('The base URL must not contain a user name or password.');
	if (text.includes('?') || text.includes('#')) throw invalid('The base URL must not contain a query or fragment.');
	if (url.hostname === '') throw invalid('The base URL has no host.');

	const segments = url.pathname.split('/').filter((s) => s !== '');
	// Cut at `/api` when it is the last segment or followed by a version (`/api/v1/...` pasted from docs).
	const apiAt = segments.findIndex((s, i) => s.toLowerCase() === 'api' && (i === segments.length - 1 || /^v\d+$/i.test(segments[i + 1])));
	const kept = apiAt >= 0 ? segments.slice(0, apiAt) : segments;
	const path = kept.length > 0 ? `/${kept.join('/')}` : '';
	// URL already lower-cases the host and drops default ports.
	return `${url.protocol}//${url.host}${path}`;
}

/** 127.0.0.0/8, ::1 and `localhost`: the only hosts credentials may reach over plain http by default. */
export function isLoopbackHost(hostname: string): boolean {
	const h = hostname.toLowerCase();
	if (h === 'localhost' || h === '[::1]' || h === '::1') return true;
	return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** True when credentials must not be sent to this URL (plain http to a host that is not loopback). */
export function isInsecureForCredentials(url: string, allowInsecureHttp: boolean): boolean {
	if (allowInsecureHttp || !url.startsWith('http:')) return false;
	return !isLoopbackHost(new URL(url).hostname);
}
