// The parts every command, view and flow works with, built once in activate() by createServices(). A command file
// exports `registerXCommand(services: Services): vscode.Disposable` and registers through `registerCommand` of
// errors/showError.ts, so every failure ends in one place. Parts get what they use, never the whole ExtensionContext.
import type * as vscode from 'vscode';
import { type ClientFactory } from '../connections/clientFactory';
import { type ConnectionStore } from '../connections/connectionStore';
import { type OnlineTokens } from '../connections/onlineTokens';
import { type Principals } from '../connections/principals';
import { type SecretStore } from '../connections/secretStore';
import { type SettingsWatcher } from '../core/config';
import { type Log } from '../core/log';
import { type Prompter } from '../core/prompter';
import { type DraftStore } from '../shared/draftStore';
import { type Outbox } from '../shared/outbox';
import { type KnownMessageIds } from '../sessions/knownMessageIds';
import { type RecentSessions } from '../sessions/recentSessions';
import { type SendGuard } from '../sessions/sendGuard';
import { type SessionDirectory } from '../sessions/sessionDirectory';
import { type SessionPicker } from '../sessions/sessionPicker';

export interface Services {
	/** The extension's install folder (webview resources). */
	readonly extensionUri: vscode.Uri;
	/** Per-user state that survives reloads: drafts, recent sessions, the view's selection. Never a secret. */
	readonly globalState: vscode.Memento;
	/** Per-workspace state that survives reloads (compose documents' recipients). Never a secret. */
	readonly workspaceState: vscode.Memento;
	readonly settings: SettingsWatcher;
	readonly log: Log;
	readonly connections: ConnectionStore;
	readonly secrets: SecretStore;
	/** Online sign-ins: token refresh, tenant address, forgetting. */
	readonly online: OnlineTokens;
	readonly clients: ClientFactory;
	readonly sessions: SessionDirectory;
	readonly sessionPicker: SessionPicker;
	readonly recentSessions: RecentSessions;
	/** Who is signed in on each connection, asked once until its credentials change. */
	readonly principals: Principals;
	readonly sendGuard: SendGuard;
	/** Drafts per session (globalState): the one instance the chat view and Add Selection to Draft share. */
	readonly drafts: DraftStore;
	/** Sends that did not go out or whose outcome is unknown (globalState); never a secret. */
	readonly outbox: Outbox;
	/** The newest message id seen per session, for the read-back after an unknown outcome. */
	readonly knownMessageIds: KnownMessageIds;
	/** Ask the user through this (never window.show* directly), so tests can script the answers. */
	readonly prompter: Prompter;
}
