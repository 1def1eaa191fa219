// The one output channel, "SuperOffice Chat" (a LogOutputChannel). Every line goes through redact() with every
// credential this window has seen, so no caller can leak a secret into the log by mistake.
import * as vscode from 'vscode';
import { type ApiError, redact, type TraceEvent } from '../api';
import { isApiErrorLike } from '../util/errors';

const LOG_NAME = 'SuperOffice Chat';
const KEPT_LINES = 2000;

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export class Log implements vscode.Disposable {
	private readonly channel: vscode.LogOutputChannel;
	private readonly secrets = new Set<string>();
	private readonly kept: string[] = [];

	constructor(channel?: vscode.LogOutputChannel) {
		this.channel = channel ?? vscode.window.createOutputChannel(LOG_NAME, { log: true });
	}

	/** Registers strings (passwords, tickets, tokens) that must never appear in a log line. */
	addSecrets(values: readonly string[]): void {
		for (const v of values) if (typeof v === 'string' && v !== '') this.secrets.add(v);
	}

	info(message: string): void {
		this.write('info', message);
	}

	warn(message: string): void {
		this.write('warn', message);
	}

	error(message: string): void {
		this.write('error', message);
	}

	debug(message: string): void {
		this.write('debug', message);
	}

	/**
	 * One request of the client: `POST /Cust1/api/v1/ChatSession/5/Messages 200 42 ms message #7 [Demo]`. A read that
	 * went well is debug: background polling reads every few seconds and must not flood the log at info.
	 */
	request(connectionName: string, e: TraceEvent): void {
		this.write(e.errorKind ? 'warn' : e.method === 'GET' ? 'debug' : 'info', formatTrace(connectionName, e));
	}

	/** The full detail of a failure: kind, status, ErrorType, server message, method and path. */
	failure(what: string, err: unknown): void {
		this.write('error', `${what}: ${describeForLog(err)}`);
	}

	show(): void {
		this.channel.show(true);
	}

	/** What was written, redacted, for integration tests. */
	lines(): readonly string[] {
		return this.kept;
	}

	dispose(): void {
		this.channel.dispose();
	}

	private write(level: Level, message: string): void {
		const text = redact(message, [...this.secrets]);
		this.kept.push(`[${level}] ${text}`);
		if (this.kept.length > KEPT_LINES) this.kept.splice(0, this.kept.length - KEPT_LINES);
		this.channel[level](text);
	}
}

function formatTrace(connectionName: string, e: TraceEvent): string {
	const parts = [e.method, e.path, e.status !== undefined ? String(e.status) : '-', `${e.ms} ms`];
	if (e.messageId !== undefined) parts.push(`message #${e.messageId}`);
	if (e.errorKind) parts.push(`(${e.errorKind})`);
	if (e.attempt !== undefined && e.attempt > 1) parts.push(`attempt ${e.attempt}`);
	parts.push(`[${connectionName}]`);
	return parts.join(' ');
}

function describeForLog(err: unknown): string {
	if (isApiErrorLike(err)) return describeApiError(err);
	if (err instanceof Error) return `${err.name}: ${err.message}`;
	return String(err);
}

function describeApiError(e: ApiError): string {
	const fields: string[] = [`kind=${e.kind}`];
	if (e.status !== undefined) fields.push(`status=${e.status}`);
	if (e.errorType) fields.push(`errorType=${e.errorType}`);
	if (e.serverMessage) fields.push(`serverMessage=${JSON.stringify(e.serverMessage)}`);
	if (e.method || e.path) fields.push(`request=${e.method ?? ''} ${e.path ?? ''}`.trim());
	if (e.field) fields.push(`field=${e.field}`);
	if (e.code) fields.push(`code=${e.code}`);
	fields.push(`retryable=${e.retryable}`);
	return `${e.message} (${fields.join(', ')})`;
}
