// Plays the user's browser for a sign-in at the local OpenID Provider: follows the authorize URL with manual
// redirects and a small cookie jar, submits the provider's own login and consent forms (parsed from the HTML),
// and finally opens the redirect target (the extension's loopback listener) like the browser would.

export interface LoginResult {
	/** The final redirect target the provider sent the "browser" to (the loopback redirect_uri with code+state, or error=...). */
	redirectedTo: string;
	/** Status and body text of the GET to that redirect target (the extension's "you can close this tab" page). */
	callbackStatus: number;
	callbackBody: string;
}

export interface LoginOptions {
	/** Any login name; default 'agent@example.com'. */
	login?: string;
	/** May change the authorize URL before it is opened (e.g. swap the nonce). */
	rewrite?: (u: URL) => void;
	/** Stop before requesting the redirect target. */
	skipCallback?: boolean;
}

const MAX_STEPS = 20;
const STEP_TIMEOUT_MS = 10_000;

interface Cookie {
	name: string;
	value: string;
	path: string;
}

/** Host-only cookies of one origin, matched by path (RFC 6265 5.1.4). */
class CookieJar {
	private readonly cookies = new Map<string, Cookie>();

	constructor(private readonly origin: string) {}

	store(url: URL, setCookies: string[]): void {
		if (url.origin !== this.origin) return;
		for (const line of setCookies) {
			const [pair, ...attrs] = line.split(';').map((s) => s.trim());
			const eq = pair.indexOf('=');
			if (eq <= 0) continue;
			const name = pair.slice(0, eq);
			const value = pair.slice(eq + 1);
			let path = url.pathname.slice(0, url.pathname.lastIndexOf('/')) || '/';
			let expired = false;
			for (const attr of attrs) {
				const [k, ...rest] = attr.split('=');
				const v = rest.join('=');
				const lower = k.toLowerCase();
				if (lower === 'path' && v.startsWith('/')) path = v;
				if (lower === 'max-age' && Number(v) <= 0) expired = true;
				if (lower === 'expires' && Date.parse(v) <= Date.now()) expired = true;
			}
			const id = `${name};${path}`;
			if (expired) this.cookies.delete(id);
			else this.cookies.set(id, { name, value, path });
		}
	}

	header(url: URL): string | undefined {
		if (url.origin !== this.origin) return undefined;
		const matches = [...this.cookies.values()].filter(
			(c) => url.pathname === c.path || (url.pathname.startsWith(c.path) && (c.path.endsWith('/') || url.pathname[c.path.length] === '/')),
		);
		// Longer paths first, as browsers send them.
		matches.sort((a, b) => b.path.length - a.path.length);
		return matches.length > 0 ? matches.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
	}
}

const unescapeHtml = (s: string): string =>
	s
		.replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
		.replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

function attributes(tag: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const m of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
		out[m[1].toLowerCase()] = unescapeHtml(m[2] ?? m[3] ?? m[4] ?? '');
	}
	return out;
}

interface HtmlForm {
	action: string;
	method: string;
	inputs: Record<string, string>[];
}

function firstForm(html: string): HtmlForm | undefined {
	const m = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
	if (!m) return undefined;
	const attrs = attributes(m[1]);
	const inputs = [...m[2].matchAll(/<input\b([^>]*)>/gi)].map((i) => attributes(i[1]));
	return { action: attrs.action ?? '', method: (attrs.method ?? 'get').toUpperCase(), inputs };
}

/** A short, secret-free description of a page the driver could not handle. */
function describePage(html: string): string {
	const text = html
		.replace(/<head[\s\S]*?<\/head>|<style[\s\S]*?<\/style>/gi, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return unescapeHtml(text).slice(0, 300);
}

async function request(url: URL, jar: CookieJar, init: { method: string; body?: URLSearchParams }): Promise<Response> {
	const cookie = jar.header(url);
	const res = await fetch(url, {
		method: init.method,
		redirect: 'manual',
		headers: {
			Accept: 'text/html,application/xhtml+xml',
			...(cookie ? { Cookie: cookie } : {}),
			...(init.body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
		},
		...(init.body ? { body: init.body.toString() } : {}),
		signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
	});
	jar.store(url, res.headers.getSetCookie());
	return res;
}

/**
 * Follows `authorizeUrl`, submits the provider's login form (with `login`, any password) and its consent form,
 * then GETs the final redirect target (the first redirect that leaves the provider's origin). Throws when the
 * provider shows a page it cannot handle (e.g. an error page for a bad redirect_uri), with the page's text.
 */
export async function completeLogin(authorizeUrl: string, o: LoginOptions = {}): Promise<LoginResult> {
	let url = new URL(authorizeUrl);
	o.rewrite?.(url);
	const providerOrigin = url.origin;
	const jar = new CookieJar(providerOrigin);
	let method = 'GET';
	let body: URLSearchParams | undefined;

	for (let step = 0; step < MAX_STEPS; step++) {
		const res = await request(url, jar, { method, ...(body ? { body } : {}) });
		const location = res.headers.get('location');
		if (res.status >= 300 && res.status < 400 && location) {
			await res.body?.cancel();
			const next = new URL(location, url);
			if (next.origin !== providerOrigin) return finish(next.href, o);
			// 303 (and 301/302 after POST, as browsers do) continue with GET.
			if (res.status !== 307 && res.status !== 308) {
				method = 'GET';
				body = undefined;
			}
			url = next;
			continue;
		}
		const html = await res.text();
		const form = res.status === 200 ? firstForm(html) : undefined;
		if (!form) throw new Error(`The sign-in stopped at ${res.status} ${url.pathname}: ${describePage(html)}`);
		const fields = new URLSearchParams();
		for (const input of form.inputs) {
			if (!input.name || input.type === 'submit') continue;
			if (input.name === 'login') fields.set('login', o.login ?? 'agent@example.com');
			else if (input.type === 'password') fields.set(input.name, 'any-password');
			else fields.set(input.name, input.value ?? '');
		}
		const action = new URL(form.action || url.href, url);
		if (action.origin !== providerOrigin) {
			throw new Error(`The provider posts a form to ${action.origin} (response_mode form_post is not supported by this driver).`);
		}
		if (form.method === 'POST') {
			method = 'POST';
			body = fields;
			url = action;
		} else {
			method = 'GET';
			body = undefined;
			action.search = fields.toString();
			url = action;
		}
	}
	throw new Error(`The sign-in did not reach a redirect target within ${MAX_STEPS} steps.`);
}

async function finish(redirectedTo: string, o: LoginOptions): Promise<LoginResult> {
	if (o.skipCallback) return { redirectedTo, callbackStatus: 0, callbackBody: '' };
	const res = await fetch(redirectedTo, {
		redirect: 'manual',
		headers: { Accept: 'text/html' },
		signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
	});
	return { redirectedTo, callbackStatus: res.status, callbackBody: await res.text() };
}
