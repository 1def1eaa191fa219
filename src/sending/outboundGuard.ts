// The outbound guard at the one send path: the final text is scanned for secrets and private details before any
// request. `warn` asks (Send anyway / Redact and send / Cancel), `block` refuses, `off` skips. The log gets the
// masked findings only (describeFinding), never a found value.
import * as vscode from 'vscode';
import { describeFinding, type Finding, redact, scanText } from '../guard';
import { internalHostPatterns, outboundGuardMode } from '../core/config';
import { type Services } from '../services/services';
import { CancelledError, OutboundBlockedError } from '../util/errors';

/** The id of the guard's modal question (scripted prompters answer by it). */
export const GUARD_PROMPT_ID = 'outboundGuard';
const MAX_LISTED = 12;

function guardOptions(): { workspaceRoots: string[]; internalHosts: string[] } {
	return {
		workspaceRoots: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
		internalHosts: internalHostPatterns(),
	};
}

function findingLine(f: Finding): string {
	return vscode.l10n.t('Line {0}, column {1}: {2} ({3})', f.line, f.column, f.label, f.preview);
}

/** The text to send: unchanged, or redacted when the user chose so. Throws CancelledError or OutboundBlockedError. */
export async function checkOutbound(s: Services, text: string, where: string): Promise<string> {
	const mode = outboundGuardMode();
	if (mode === 'off') return text;
	const findings = scanText(text, guardOptions());
	if (findings.length === 0) return text;
	const masked = findings.map(describeFinding);
	s.log.warn(`Outbound guard (${mode}) on a message to ${where}: ${masked.join('; ')}`);
	if (mode === 'block') throw new OutboundBlockedError(masked);
	const listed = findings.slice(0, MAX_LISTED).map(findingLine);
	if (findings.length > MAX_LISTED) listed.push(vscode.l10n.t('… and {0} more', findings.length - MAX_LISTED));
	const sendAnyway = vscode.l10n.t('Send anyway');
	const redactAndSend = vscode.l10n.t('Redact and send');
	const secrets = findings.some((f) => f.category === 'secret');
	const message = secrets
		? vscode.l10n.t('This message to {0} holds what looks like a secret.', where)
		: vscode.l10n.t('This message to {0} holds private details.', where);
	const chosen = await s.prompter.notify(
		'warning',
		message,
		{ id: GUARD_PROMPT_ID, modal: true, detail: listed.join('\n') },
		redactAndSend,
		sendAnyway,
	);
	if (chosen === redactAndSend) {
		s.log.info(`Outbound guard: ${findings.length} item(s) redacted`);
		return redact(text, findings);
	}
	if (chosen === sendAnyway) {
		s.log.info("Outbound guard: sent as written by the user's choice");
		return text;
	}
	throw new CancelledError();
}
