// The Check Connection report: plain text for a support ticket, one line per step with its fix, redacted by the caller.
import { type CheckStatus, type CheckStep, type CheckStepId, type CheckTarget } from './connectionCheck';

const MARK: Record<CheckStatus, string> = { ok: '✓', warn: '!', fail: '✗', skipped: '–' };
const LABEL: Record<CheckStepId, string> = {
	dns: 'Name resolution',
	tcp: 'Connection',
	tls: 'TLS',
	api: 'SuperOffice WebAPI',
	credentials: 'Credentials',
	chat: 'Chat rights',
	tenant: 'Tenant state',
	clock: 'Clock',
};

/**
 * The report to paste into a support ticket: plain text, one line per step, with every value of `secrets` (and
 * anything shaped like a credential) replaced by `redactFn`.
 */
export function formatReport(
	target: CheckTarget,
	steps: readonly CheckStep[],
	o: { when: Date; product: string; redactFn: (text: string) => string },
): string {
	const lines = [
		`SuperOffice Chat connection check — ${o.product}`,
		`Connection: ${target.name} (${target.baseUrl}, ${target.online ? 'Online' : 'Onsite'})`,
		`When: ${o.when.toISOString()}`,
		'',
		...steps.flatMap((s) => [
			`${MARK[s.status]} ${LABEL[s.id]}: ${s.detail}${s.ms !== undefined ? ` (${Math.round(s.ms)} ms)` : ''}`,
			...(s.fix ? [`    → ${s.fix}`] : []),
		]),
	];
	return o.redactFn(lines.join('\n'));
}

export function stepLabel(id: CheckStepId): string {
	return LABEL[id];
}
