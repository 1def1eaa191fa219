// The chat view at activation is only its registration. The view, the live model, the status-bar count and the
// notifications (createChatView.ts, in dist/features.js) load when the view is first shown, one of the view's
// commands runs, or the first poll is due — whichever comes first.
import * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { type Services } from '../services/services';
import type { ChatViewParts } from './createChatView';

export type { ChatViewParts } from './createChatView';

/** Written in chatViewProvider.ts too; importing it from there would load the view at activation. */
const CHAT_VIEW_ID = 'superofficeChat.chatView';
/** The first poll waits this long after activation (which itself comes after start-up), so start-up stays quiet. */
const FIRST_POLL_DELAY_MS = 1500;
/** The commands createChatView() registers; stand-ins until then. */
const VIEW_COMMANDS = [
	CommandId.refreshView,
	CommandId.openSessionInView,
	CommandId.nextWaitingSession,
	CommandId.previousWaitingSession,
	CommandId.openWaitingSession,
];

export interface ChatViewRegistration extends vscode.Disposable {
	/** The parts, built on the first call. */
	load(): Promise<ChatViewParts>;
}

export function registerChatView(s: Services): ChatViewRegistration {
	let loading: Promise<ChatViewParts> | undefined;
	let disposed = false;
	const standIns: vscode.Disposable[] = [];
	const load = (): Promise<ChatViewParts> =>
		(loading ??= import('./createChatView').then(({ createChatView }) => {
			for (const d of standIns.splice(0)) d.dispose();
			const parts = createChatView(s);
			if (disposed) parts.dispose();
			return parts;
		}));
	for (const id of VIEW_COMMANDS) {
		standIns.push(
			vscode.commands.registerCommand(id, async (...args: unknown[]) => {
				await load();
				return vscode.commands.executeCommand(id, ...args);
			}),
		);
	}
	const timer = setTimeout(() => {
		void load().then((parts) => {
			if (!disposed) parts.live.start();
		});
	}, FIRST_POLL_DELAY_MS);
	const registration = vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, {
		resolveWebviewView: async (view) => {
			const parts = await load();
			// The list is asked for while the webview loads its script, so `ready` finds it known (or on its way).
			parts.live.start();
			parts.view.resolveWebviewView(view);
		},
	});
	return {
		load,
		dispose: () => {
			disposed = true;
			clearTimeout(timer);
			registration.dispose();
			for (const d of standIns.splice(0)) d.dispose();
			void loading?.then((parts) => parts.dispose());
		},
	};
}
