// The parts every command (and the sidebar view) works with, built once in activate(). A command file exports
// `registerXCommand(services: Services): vscode.Disposable` and registers through `registerCommand` of
// errors/showError.ts, so every failure ends in one place.
import type * as vscode from 'vscode';
import { type ClientFactory } from '../connections/clientFactory';
import { type ConnectionStore } from '../connections/connectionStore';
import { type OnlineSessions } from '../connections/onlineSessions';
import { type SecretStore } from '../connections/secretStore';
import { type Log } from '../core/log';
import { type SendGuard } from '../sessions/sendGuard';
import { type RecentSessions } from '../sessions/recentSessions';
import { type SessionDirectory } from '../sessions/sessionDirectory';
import { type SessionPicker } from '../sessions/sessionPicker';
import { type Prompter } from '../core/prompter';

export interface Services {
	readonly context: vscode.ExtensionContext;
	readonly log: Log;
	readonly connections: ConnectionStore;
	readonly secrets: SecretStore;
	/** Online sign-ins: token refresh, tenant address, forgetting. */
	readonly online: OnlineSessions;
	readonly clients: ClientFactory;
	readonly sessions: SessionDirectory;
	readonly sessionPicker: SessionPicker;
	readonly recentSessions: RecentSessions;
	readonly sendGuard: SendGuard;
	/** Ask the user through this (never window.show* directly), so tests can script the answers. */
	readonly prompter: Prompter;
}

/** The argument shape commands that target one session accept, e.g. composeMessage({ connectionId, sessionId }). */
export interface SessionTarget {
	connectionId?: string;
	sessionId: number;
}
