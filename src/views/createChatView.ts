// The sidebar chat view and what reads the live model with it: the badge (in the view), the status-bar count, the
// notifications, and the commands that move between sessions that need a reply. Built on first need (registerChatView.ts).
import * as vscode from 'vscode';
import { CommandId } from '../core/commandIds';
import { registerCommand } from '../errors/showError';
import { type Services } from '../services/services';
import { CHAT_VIEW_ID, ChatViewProvider } from './chatViewProvider';
import { LiveNotifier } from './liveNotifier';
import { LiveSessions } from './liveSessions';
import { LiveStatusBar } from './liveStatusBar';
import { registerOpenSessionInView } from './viewActions';

export interface ChatViewParts extends vscode.Disposable {
	live: LiveSessions;
	view: ChatViewProvider;
	statusBar: LiveStatusBar;
}

/** Sessions that wait for the agent, oldest first: those that need a reply, then the queue. */
function waitingIds(live: LiveSessions): number[] {
	return live.snapshot.view.rows.filter((r) => r.needsYou || r.inQueue).map((r) => r.id);
}

/** The parts; the webview view provider itself is registered at activation by registerChatView(). */
export function createChatView(s: Services): ChatViewParts {
	const live = new LiveSessions(s);
	const provider = new ChatViewProvider(s, live);
	const statusBar = new LiveStatusBar(live);
	// Reply is the agent turning to that chat: shown with the caret in the composer, and read.
	const notifier = new LiveNotifier(s, live, async (id) => {
		await provider.reveal(id, true);
		await live.markSeen(id);
	});
	const move = async (step: 1 | -1): Promise<void> => {
		const ids = waitingIds(live);
		if (ids.length === 0) return;
		const at = provider.selectedSessionId === undefined ? -1 : ids.indexOf(provider.selectedSessionId);
		const next = at < 0 ? (step > 0 ? 0 : ids.length - 1) : (at + step + ids.length) % ids.length;
		await provider.reveal(ids[next], false);
	};
	const all = vscode.Disposable.from(
		notifier,
		statusBar,
		provider,
		live,
		registerCommand(s, CommandId.refreshView, () => provider.refresh()),
		registerOpenSessionInView(s, (id) => provider.reveal(id, true)),
		registerCommand(s, CommandId.nextWaitingSession, () => move(1)),
		registerCommand(s, CommandId.previousWaitingSession, () => move(-1)),
		registerCommand(s, CommandId.openWaitingSession, async () => {
			const first = waitingIds(live)[0];
			if (first !== undefined) await provider.reveal(first, true);
			else await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
		}),
	);
	return { live, view: provider, statusBar, dispose: () => all.dispose() };
}
