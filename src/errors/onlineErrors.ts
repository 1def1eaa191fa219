// The words for what can go wrong with a SuperOffice Online sign-in or tenant, for people (describeError.ts adds
// the Show Log action and shows it). Tenant states follow the tenant state API's State values.
import * as vscode from 'vscode';
import { type OnlineAuthError } from '../online/errors';
import { type ErrorActionId } from './errorActions';

interface OnlineErrorText {
	message: string;
	actions: ErrorActionId[];
}

function tenantStateText(tenant: string, state: string | undefined): string {
	switch (state) {
		case 'OfflineMaintenance':
		case 'OnlineMaintenance':
			return vscode.l10n.t('{0} is down for maintenance. Try again later.', tenant);
		case 'Suspended':
			return vscode.l10n.t('{0} is suspended. Ask your SuperOffice administrator.', tenant);
		case 'Deleted':
		case 'Deleting':
		case 'DeleteFailed':
			return vscode.l10n.t('{0} has been deleted or is being deleted.', tenant);
		case 'Provisioning':
		case 'MigrationPending':
			return vscode.l10n.t('{0} is being set up or moved. Try again in a few minutes.', tenant);
		default:
			return vscode.l10n.t('{0} is not running right now (state: {1}).', tenant, state ?? 'Unknown');
	}
}

export function describeOnlineError(e: OnlineAuthError, ctx: { connectionName?: string }): OnlineErrorText {
	const again: ErrorActionId[] = ['signInOnline'];
	// Tenant checks happen before a request is sent (or after a 421, which the server did not process).
	const nothingPosted = ` ${vscode.l10n.t('Nothing was sent.')}`;
	switch (e.kind) {
		case 'cancelled':
			return { message: vscode.l10n.t('Cancelled.'), actions: [] };
		case 'timeout':
			return { message: vscode.l10n.t('The sign-in timed out: no answer came back from the browser.'), actions: again };
		case 'denied':
			return {
				message: vscode.l10n.t('The sign-in was not completed in the browser ({0}).', e.description ?? e.oauthError ?? 'error'),
				actions: again,
			};
		case 'stateMismatch':
		case 'invalidIdToken':
			return {
				message: vscode.l10n.t('The sign-in answer failed a security check ({0}) and was refused. Nothing was stored.', e.check ?? e.kind),
				actions: again,
			};
		case 'discovery':
			return {
				message: vscode.l10n.t(
					'Could not read the sign-in configuration of the SuperOffice environment. Check the environment or authority URL and your network.',
				),
				actions: again,
			};
		case 'clientSecretRequired':
			return {
				message: vscode.l10n.t(
					'This application needs its client secret to sign in, and none was given. Find it as the Application token in the Developer Portal.',
				),
				actions: again,
			};
		case 'token':
			return {
				message: vscode.l10n.t(
					'The sign-in service refused to issue tokens: {0}',
					e.description ?? e.oauthError ?? `HTTP ${e.status ?? '?'}`,
				),
				actions: again,
			};
		case 'refreshFailed':
			return { message: vscode.l10n.t('Your sign-in has ended. Sign in again.'), actions: ['signIn'] };
		case 'tenantUnavailable':
			return { message: tenantStateText(ctx.connectionName ?? e.tenant ?? 'SuperOffice', e.tenantState) + nothingPosted, actions: [] };
		case 'tenantState':
			return {
				message:
					vscode.l10n.t(
						'Could not find out where {0} is served from now (tenant state service).',
						ctx.connectionName ?? e.tenant ?? 'the tenant',
					) + nothingPosted,
				actions: [],
			};
		case 'invalid':
			return { message: e.message, actions: [] };
		case 'network':
			return { message: vscode.l10n.t('Could not reach the SuperOffice sign-in service. Check your network.'), actions: again };
	}
}
