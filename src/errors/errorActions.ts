// The actions an error can offer, and their labels: owned here so the Online texts and the general description
// share them without importing each other.
import * as vscode from 'vscode';

export type ErrorActionId =
	'signIn' | 'signInOnline' | 'switchConnection' | 'addConnection' | 'checkConnection' | 'retry' | 'openOutbox' | 'showLog';

export interface ErrorAction {
	id: ErrorActionId;
	label: string;
}

export interface ErrorDescription {
	message: string;
	actions: ErrorAction[];
}

export function actionLabel(id: ErrorActionId): string {
	switch (id) {
		case 'signIn':
			return vscode.l10n.t('Sign In');
		case 'signInOnline':
			return vscode.l10n.t('Try Again');
		case 'switchConnection':
			return vscode.l10n.t('Switch Connection');
		case 'addConnection':
			return vscode.l10n.t('Add Connection');
		case 'checkConnection':
			return vscode.l10n.t('Check Connection');
		case 'retry':
			return vscode.l10n.t('Retry');
		case 'openOutbox':
			return vscode.l10n.t('Open Outbox');
		case 'showLog':
			return vscode.l10n.t('Show Log');
	}
}
