// The one place that builds webview HTML and its Content Security Policy. Scripts run only with a fresh crypto
// nonce; styles, fonts and images come only from the extension's own resources (webview.cspSource).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

function createNonce(): string {
	return randomBytes(18).toString('base64').replace(/[+/=]/g, '');
}

function contentSecurityPolicy(cspSource: string, nonce: string): string {
	return [
		`default-src 'none'`,
		`script-src 'nonce-${nonce}'`,
		`style-src ${cspSource}`,
		`font-src ${cspSource}`,
		`img-src ${cspSource} data:`,
	].join('; ');
}

/** The roots the webview may load from: media/ and dist/ only. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
	return [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')];
}

interface WebviewHtmlOptions {
	webview: vscode.Webview;
	extensionUri: vscode.Uri;
	title: string;
	/** Script (in dist/) and stylesheets (paths relative to the extension root). */
	script: string;
	styles: string[];
	lang?: string;
	/** Localised UI strings, handed to the webview as a JSON data attribute (it cannot call vscode.l10n). */
	strings: Record<string, string>;
}

function escapeAttr(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function buildWebviewHtml(o: WebviewHtmlOptions): string {
	const nonce = createNonce();
	const uri = (p: string) => o.webview.asWebviewUri(vscode.Uri.joinPath(o.extensionUri, ...p.split('/'))).toString();
	const links = o.styles.map((s) => `<link rel="stylesheet" href="${escapeAttr(uri(s))}">`).join('\n\t');
	return `<!DOCTYPE html>
<html lang="${escapeAttr(o.lang ?? 'en')}">
<head>
	<meta charset="UTF-8">
	<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(o.webview.cspSource, nonce))}">
	<meta name="viewport" content="width=device-width, initial-scale=1.0">
	${links}
	<title>${escapeAttr(o.title)}</title>
</head>
<body>
	<div id="app" data-strings="${escapeAttr(JSON.stringify(o.strings))}"></div>
	<script nonce="${nonce}" src="${escapeAttr(uri(o.script))}"></script>
</body>
</html>`;
}
