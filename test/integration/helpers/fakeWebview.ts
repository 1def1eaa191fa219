// The chat view provider driven without a browser: a webview that records what the host posts and lets a test play
// the page's messages, resolved into the real ChatViewProvider.
import * as vscode from 'vscode';
import { type DraftData, emptyDraft } from '../../../src/shared/draft';
import { type HostMessage } from '../../../src/shared/protocol';
import { type ChatViewProvider } from '../../../src/views/chatViewProvider';

export type Of<K extends HostMessage['type']> = Extract<HostMessage, { type: K }>;

export class FakeWebview {
	options: vscode.WebviewOptions = {};
	html = '';
	readonly cspSource = 'https://fake.vscode-cdn.test';
	readonly posted: HostMessage[] = [];
	private readonly incoming = new vscode.EventEmitter<unknown>();
	readonly onDidReceiveMessage = this.incoming.event;
	postMessage(m: HostMessage): Thenable<boolean> {
		this.posted.push(m);
		return Promise.resolve(true);
	}
	asWebviewUri(u: vscode.Uri): vscode.Uri {
		return u;
	}
	/** A message from the page. */
	receive(m: unknown): void {
		this.incoming.fire(m);
	}
	/** Messages of that type posted from index `from` on. */
	of<K extends HostMessage['type']>(type: K, from = 0): Of<K>[] {
		return this.posted.slice(from).filter((m): m is Of<K> => m.type === type);
	}
}

/** Resolves `provider` into a visible view whose webview is a FakeWebview. */
export function showInFakeView(provider: ChatViewProvider): FakeWebview {
	const webview = new FakeWebview();
	const never = new vscode.EventEmitter<void>().event;
	const view = {
		webview,
		visible: true,
		viewType: 'superofficeChat.chatView',
		onDidChangeVisibility: never,
		onDidDispose: never,
		show: () => undefined,
	};
	provider.resolveWebviewView(view as unknown as vscode.WebviewView);
	return webview;
}

/** A plain message draft. */
export const textDraft = (text: string): DraftData => ({ ...emptyDraft(), text });
