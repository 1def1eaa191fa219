// URL checks shared by the client's validation and the webview's form (pure: no vscode, no DOM).

/** True for an absolute http(s) URL, e.g. the SpecialParam of a `Url` message. */
export function isHttpUrl(text: string): boolean {
	try {
		const u = new URL(text);
		return u.protocol === 'https:' || u.protocol === 'http:';
	} catch {
		return false;
	}
}
