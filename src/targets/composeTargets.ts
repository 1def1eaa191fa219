// Open compose documents and where each one goes, keyed by the document's URI, so Send Composed posts to exactly the
// session the header shows, whatever the user does to the header text. Kept in workspaceState too (ids and names
// only, no secret), so a compose tab restored by Reload Window can still be sent. One instance, built by
// registerCommands() and shared by Compose Message and Send Composed.
import * as vscode from 'vscode';
import { ContextKey, setContextKey } from '../core/contextKeys';
import { isSessionId } from '../shared/ids';
import { Disposable } from '../util/disposable';

export interface ComposeTarget {
	connectionId: string;
	connectionName: string;
	sessionId: number;
	customer?: string;
}

export const COMPOSE_TARGETS_KEY = 'superofficeChat.composeTargets';
const MAX_STORED = 50;

interface Stored {
	target: ComposeTarget;
	at: number;
}

function isTarget(v: unknown): v is ComposeTarget {
	if (!v || typeof v !== 'object') return false;
	const o = v as Record<string, unknown>;
	return (
		typeof o.connectionId === 'string' &&
		typeof o.connectionName === 'string' &&
		isSessionId(o.sessionId) &&
		(o.customer === undefined || typeof o.customer === 'string')
	);
}

function copyTarget(t: ComposeTarget): ComposeTarget {
	const c: ComposeTarget = { connectionId: t.connectionId, connectionName: t.connectionName, sessionId: t.sessionId };
	if (t.customer !== undefined) c.customer = t.customer;
	return c;
}

/**
 * A target read back from storage counts only while the document still shows it: an untitled URI can be reused by a
 * new, unrelated document after a restart, and that one must never inherit a recipient.
 */
function headerShows(doc: vscode.TextDocument | undefined, t: ComposeTarget): boolean {
	if (!doc) return true; // not open (yet): nothing can be sent from it anyway
	const first = doc.lineCount > 0 ? doc.lineAt(0).text : '';
	return first.startsWith('#') && first.includes(` ${t.sessionId} (${t.connectionName.replace(/[\r\n]+/g, ' ').trim()})`);
}

/** Open compose documents and where each one goes; keeps `superofficeChat.isComposeEditor` in step. */
export class ComposeTargets extends Disposable {
	private readonly targets = new Map<string, ComposeTarget>();
	/** URIs whose target came from storage and has not been checked against the document yet. */
	private readonly restored = new Set<string>();

	constructor(private readonly state?: vscode.Memento) {
		super();
		const raw = state?.get<unknown>(COMPOSE_TARGETS_KEY);
		if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
			for (const [uri, v] of Object.entries(raw as Record<string, unknown>)) {
				const t = (v as Partial<Stored> | undefined)?.target;
				if (isTarget(t)) {
					this.targets.set(uri, copyTarget(t));
					this.restored.add(uri);
				}
			}
		}
		this._register(vscode.window.onDidChangeActiveTextEditor(() => this.updateContextKey()));
		this._register(
			vscode.workspace.onDidCloseTextDocument((doc) => {
				if (this.targets.delete(doc.uri.toString())) {
					this.restored.delete(doc.uri.toString());
					void this.save();
					this.updateContextKey();
				}
			}),
		);
	}

	get(uri: vscode.Uri): ComposeTarget | undefined {
		const key = uri.toString();
		const t = this.targets.get(key);
		if (!t || !this.restored.has(key)) return t;
		const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
		if (!headerShows(doc, t)) return undefined;
		if (doc) this.restored.delete(key);
		return t;
	}

	set(uri: vscode.Uri, target: ComposeTarget): void {
		this.targets.set(uri.toString(), copyTarget(target));
		this.restored.delete(uri.toString());
		void this.save();
		this.updateContextKey();
	}

	delete(uri: vscode.Uri): void {
		this.targets.delete(uri.toString());
		this.restored.delete(uri.toString());
		void this.save();
		this.updateContextKey();
	}

	updateContextKey(): void {
		const doc = vscode.window.activeTextEditor?.document;
		void setContextKey(ContextKey.isComposeEditor, doc !== undefined && this.get(doc.uri) !== undefined);
	}

	/** Writes the map (newest last, bounded); failures are not fatal, the in-memory target still works. */
	private async save(): Promise<void> {
		if (!this.state) return;
		const entries = [...this.targets].slice(-MAX_STORED).map(([uri, target]) => [uri, { target, at: Date.now() } satisfies Stored]);
		try {
			await this.state.update(COMPOSE_TARGETS_KEY, Object.fromEntries(entries));
		} catch {
			// workspaceState is unavailable (e.g. disposed during shutdown): keep working from memory
		}
	}

	override dispose(): void {
		this.targets.clear();
		void setContextKey(ContextKey.isComposeEditor, false);
		super.dispose();
	}
}
