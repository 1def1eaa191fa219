// Small helpers of the chat view: the error shape the webview shows, and the selected session remembered per
// connection in globalState (ids only).
import * as vscode from 'vscode';
import { isApiError } from '../api';
import { describeError } from '../errors/describeError';
import { type ErrorInfo } from '../shared/protocol';

const SELECTION_KEY = 'superofficeChat.chatView.selection';

export function toErrorInfo(err: unknown, connectionName: string | undefined): ErrorInfo {
	const described = describeError(err, { connectionName });
	const message = described?.message ?? vscode.l10n.t('Cancelled.');
	const info: ErrorInfo = { message, retryable: isApiError(err) ? err.retryable : false };
	if (isApiError(err) && err.field) info.field = err.field;
	return info;
}

export class SelectionMemory {
	constructor(private readonly state: vscode.Memento) {}

	get(connectionId: string): number | undefined {
		const v = (this.state.get<Record<string, unknown>>(SELECTION_KEY) ?? {})[connectionId];
		return typeof v === 'number' ? v : undefined;
	}

	async set(connectionId: string, sessionId: number): Promise<void> {
		await this.state.update(SELECTION_KEY, {
			...(this.state.get<Record<string, unknown>>(SELECTION_KEY) ?? {}),
			[connectionId]: sessionId,
		});
	}
}
