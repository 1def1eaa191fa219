// Uncaught errors and unhandled rejections in the webview would otherwise vanish in its own console: they go to the
// host, which writes them to the log (text only, capped).
import { MAX_WEBVIEW_ERROR_LENGTH, type WebviewMessage } from '../shared/protocol';

export function forwardErrors(post: (m: WebviewMessage) => void): void {
	const report = (message: string, stack?: string): void => {
		const cap = (v: string): string => v.slice(0, MAX_WEBVIEW_ERROR_LENGTH);
		post({ type: 'webviewError', message: cap(message || 'unknown error'), ...(stack ? { stack: cap(stack) } : {}) });
	};
	window.addEventListener('error', (ev: ErrorEvent) => {
		const err: unknown = ev.error;
		report(ev.message, err instanceof Error ? err.stack : undefined);
	});
	window.addEventListener('unhandledrejection', (ev: PromiseRejectionEvent) => {
		const reason: unknown = ev.reason;
		const err = reason instanceof Error ? reason : undefined;
		report(err?.message ?? String(reason), err?.stack);
	});
}
