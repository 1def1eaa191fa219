// What Check Connection runs (loaded on first use, into dist/features.js): every step from this machine to a working chat
// (DNS, TCP, TLS, the WebAPI, the credentials, the chat rights, the Online tenant, the clock), each ✓/!/✗ with its
// fix; Show Report / Copy Report give a redacted text for a support ticket.
import * as vscode from 'vscode';
import { redact } from '../api';
import { type Connection } from '../connections/connection';
import { isOnlineConnection } from '../connections/onlineTokens';
import { formatReport, stepLabel } from '../diagnostics/checkReport';
import { checkConnection, type CheckProbes, type CheckStep } from '../diagnostics/connectionCheck';
import { connectTcp, fetchServerDate, lookupHost, probeTls } from '../diagnostics/nodeProbes';
import { environmentOfAuthority } from '../online/environments';
import { fetchTenantState } from '../online/tenantState';
import { type Services } from '../services/services';
import { connectionFromArg, pickConnection } from '../targets/targetArgs';

/** Prompt id of the result notification (scripted prompters answer by it). */
export const CHECK_RESULT_PROMPT = 'connectionCheckResult';

export interface ConnectionCheckResult {
	steps: CheckStep[];
	report: string;
}

async function probesFor(s: Services, c: Connection): Promise<CheckProbes> {
	const probes: CheckProbes = {
		lookup: lookupHost,
		connect: (host, port) => connectTcp(host, port),
		tls: (host, port) => probeTls(host, port),
		serverDate: fetchServerDate,
		probe: async () => (await s.clients.anonymous(c.baseUrl, c.name)).probe(),
		now: () => performance.timeOrigin + performance.now(),
	};
	if (await s.secrets.has(c.id)) {
		// A client with the stored credentials; building it can refuse (e.g. an ended Online sign-in): then the
		// credentials step reports that error.
		const client = () => s.clients.forConnection(c);
		probes.principal = async () => (await client()).currentPrincipal();
		probes.sessions = async () => (await (await client()).listSessions()).length;
	}
	if (isOnlineConnection(c)) {
		const env = environmentOfAuthority(c.authority);
		probes.tenant = async () => {
			const state = await fetchTenantState(env.stateApiOrigin, c.tenant, globalThis.fetch);
			return { state: state.state, running: state.isRunning };
		};
	}
	return probes;
}

/** Every secret of the connection, so the report can be pasted anywhere. */
async function secretsOfConnection(s: Services, c: Connection): Promise<string[]> {
	const stored = await s.secrets.get(c.id);
	const values = Object.values(stored ?? {}).filter((v): v is string => typeof v === 'string' && v.length > 0);
	return values.flatMap((v) => [v, encodeURIComponent(v), Buffer.from(`${c.userName ?? ''}:${v}`).toString('base64')]);
}

export async function runConnectionCheck(s: Services, c: Connection): Promise<ConnectionCheckResult> {
	const target = { name: c.name, baseUrl: c.baseUrl, online: c.auth === 'online' };
	const probes = await probesFor(s, c);
	const steps = await s.prompter.withProgress(vscode.l10n.t('Checking the connection {0}…', c.name), () =>
		checkConnection(target, probes, (step) => s.log.info(`Check ${c.name}: ${step.status} ${step.id} — ${step.detail}`)),
	);
	const secrets = await secretsOfConnection(s, c);
	const report = formatReport(target, steps, {
		when: new Date(),
		product: `${vscode.env.appName} ${vscode.version}`,
		redactFn: (text) => redact(text, secrets),
	});
	return { steps, report };
}

/** The command: pick (or take) a connection, run every check, tell the result with Show Report / Copy Report. */
export async function checkConnectionCommand(s: Services, arg?: unknown): Promise<ConnectionCheckResult> {
	const c = connectionFromArg(s, arg) ?? (await pickConnection(s, vscode.l10n.t('Check which connection?'), true));
	const result = await runConnectionCheck(s, c);
	const problems = result.steps.filter((x) => x.status === 'fail' || x.status === 'warn');
	const show = vscode.l10n.t('Show Report');
	const copy = vscode.l10n.t('Copy Report');
	const first = problems[0];
	const message = first
		? vscode.l10n.t(
				'{0}: {1} of {2} checks found a problem. First: {3} — {4}',
				c.name,
				problems.length,
				result.steps.length,
				localLabel(first),
				first.fix ?? first.detail,
			)
		: vscode.l10n.t('{0}: every check passed.', c.name);
	void s.prompter.notify(first ? 'warning' : 'info', message, { id: CHECK_RESULT_PROMPT }, show, copy).then(
		async (chosen) => {
			if (chosen === show) {
				const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: result.report });
				await vscode.window.showTextDocument(doc, { preview: false });
			} else if (chosen === copy) {
				await vscode.env.clipboard.writeText(result.report);
				void s.prompter.notify('info', vscode.l10n.t('The report is on the clipboard. It holds no password, ticket or token.'), {});
			}
		},
		() => undefined,
	);
	return result;
}

function localLabel(step: CheckStep): string {
	switch (step.id) {
		case 'dns':
			return vscode.l10n.t('Name resolution');
		case 'tcp':
			return vscode.l10n.t('Connection');
		case 'tls':
			return vscode.l10n.t('TLS');
		case 'api':
			return vscode.l10n.t('SuperOffice WebAPI');
		case 'credentials':
			return vscode.l10n.t('Credentials');
		case 'chat':
			return vscode.l10n.t('Chat rights');
		case 'tenant':
			return vscode.l10n.t('Tenant state');
		case 'clock':
			return vscode.l10n.t('Clock');
		default:
			return stepLabel(step.id);
	}
}
