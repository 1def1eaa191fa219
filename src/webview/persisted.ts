// What the webview keeps in its own state (hide/show and reload), and the strings the host hands it, both read
// defensively: webview state and data attributes are input like any other.
import { isSessionId } from '../shared/protocol';
import type { StringKey } from '../shared/strings';

/** What survives hide/show and reload inside the webview itself. */
export interface PersistedState {
	connectionId?: string;
	selectedSessionId?: number;
	/** DraftStore's stored map (checked entry by entry when read). */
	drafts: unknown;
	advancedOpen: boolean;
}

export function parseStrings(json: string | undefined): Partial<Record<StringKey, string>> {
	try {
		const v: unknown = JSON.parse(json ?? '{}');
		return v && typeof v === 'object' ? (v as Partial<Record<StringKey, string>>) : {};
	} catch {
		return {};
	}
}

export function restore(raw: unknown): PersistedState {
	const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
	return {
		connectionId: typeof r.connectionId === 'string' ? r.connectionId : undefined,
		selectedSessionId: isSessionId(r.selectedSessionId) ? r.selectedSessionId : undefined,
		drafts: r.drafts,
		advancedOpen: r.advancedOpen === true,
	};
}
