// The loopback redirect listener of a native-app sign-in (RFC 8252 §7.3): http://127.0.0.1:<random port>/.
// It waits for the one callback whose `state` matches; anything else gets a 400/404 page and is ignored, so a
// stray or forged request can neither finish nor break the sign-in.
import * as http from 'node:http';
import { type AddressInfo } from 'node:net';
import { OnlineAuthError } from './errors';

export interface CallbackPages {
	/** Plain text for the browser tab after a successful callback. */
	success: string;
	/** Plain text when the provider reported an error. */
	failure: string;
	/** Plain text for a request that is not this sign-in's callback. */
	unexpected: string;
}

export interface LoopbackListener {
	/** http://127.0.0.1:<port> — no path, as the Developer Portal's native-app template registers (`^http://127.0.0.1\:\d{4,10}$`). */
	readonly redirectUri: string;
	/** The authorization code, or a rejection (denied, cancelled, timeout). */
	readonly code: Promise<string>;
	close(): void;
}

function page(status: number, text: string, res: http.ServerResponse): void {
	const escaped = text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
	const body = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>SuperOffice Chat</title></head><body style="font-family:system-ui,sans-serif;margin:3em"><p>${escaped}</p></body></html>`;
	res.writeHead(status, {
		'Content-Type': 'text/html; charset=utf-8',
		'Cache-Control': 'no-store',
		'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
		'Referrer-Policy': 'no-referrer',
	});
	res.end(body);
}

export async function startLoopbackListener(o: {
	expectedState: string;
	pages: CallbackPages;
	signal?: AbortSignal;
}): Promise<LoopbackListener> {
	let settle: { resolve: (code: string) => void; reject: (e: unknown) => void } | undefined;
	const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
	// The caller may stop awaiting (e.g. on cancel) before the promise settles; never an unhandled rejection.
	code.catch(() => undefined);
	let done = false;
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		if (req.method !== 'GET' || url.pathname !== '/' || done) return page(404, o.pages.unexpected, res);
		const q = url.searchParams;
		if (q.get('state') !== o.expectedState) return page(400, o.pages.unexpected, res);
		done = true;
		const error = q.get('error');
		const received = q.get('code');
		if (error || !received) {
			page(400, o.pages.failure, res);
			const description = q.get('error_description')?.slice(0, 300);
			settle?.reject(
				new OnlineAuthError('denied', `The sign-in was not completed (${error ?? 'no code'}).`, {
					oauthError: error ?? 'no_code',
					...(description ? { description } : {}),
				}),
			);
		} else {
			page(200, o.pages.success, res);
			settle?.resolve(received);
		}
		res.on('finish', () => close());
	});
	const close = (): void => {
		done = true;
		server.close();
		server.closeIdleConnections();
	};
	const onAbort = (): void => {
		const timedOut = (o.signal?.reason as { name?: unknown } | undefined)?.name === 'TimeoutError';
		settle?.reject(
			timedOut
				? new OnlineAuthError('timeout', 'No answer came from the browser in time.')
				: new OnlineAuthError('cancelled', 'The sign-in was cancelled.'),
		);
		close();
	};
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	if (o.signal?.aborted) onAbort();
	else o.signal?.addEventListener('abort', onAbort, { once: true });
	return {
		redirectUri: `http://127.0.0.1:${port}`,
		code,
		close: () => {
			o.signal?.removeEventListener('abort', onAbort);
			close();
		},
	};
}
