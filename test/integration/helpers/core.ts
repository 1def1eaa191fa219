// Shared setup for the core's integration suites: the extension's testing API, a clean slate between tests,
// connections written straight to settings + SecretStorage, and waiting for conditions (never sleeping).
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { Connection } from '../../../src/connections/connection';
import type { StoredSecret } from '../../../src/connections/secretStore';
import type { ExtensionApi, TestingApi } from '../../../src/extensionApi';
import { DEMO, type LocalServer, type RecordedRequest, startServer } from '../../server/server';
import { ScriptedPrompter } from './scriptedPrompter';

export { DEMO };
export const EXTENSION_ID = 'superoffice-chat.superoffice-chat';
export const SITE = '/Cust00000';

export async function testingApi(): Promise<TestingApi> {
	const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
	assert.ok(ext, `${EXTENSION_ID} is not installed in the host`);
	const api = await ext.activate();
	assert.ok(api.testing, 'the testing API is missing (extension not in Test mode?)');
	return api.testing;
}

/** A local SuperOffice server in this process; `port` to come back on the same address after close(). */
export async function startLocalServer(port = 0): Promise<LocalServer> {
	return startServer({ port, quiet: true });
}

const SETTINGS_TOUCHED = [
	'connections',
	'activeConnection',
	'confirmations',
	'language',
	'culture',
	'timeZone',
	'requestTimeoutSeconds',
	'outboundGuard',
	'internalHosts',
	'replies',
];

/** Removes every connection with its secrets and recent sessions; resets the settings the suites change. */
export async function resetExtensionState(t: TestingApi): Promise<void> {
	const s = t.services;
	for (const c of s.connections.list()) {
		await s.secrets.delete(c.id);
		await s.recentSessions.clear(c.id);
	}
	const config = vscode.workspace.getConfiguration('superofficeChat');
	for (const key of SETTINGS_TOUCHED) {
		if (config.inspect(key)?.globalValue !== undefined) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
	}
	// Background polling off unless a suite turns it on: a poll landing in the middle of another test would change
	// the requests that test counts. The live-sessions suite sets its own interval.
	if (config.inspect(POLL_SETTING)?.globalValue !== 0) await config.update(POLL_SETTING, 0, vscode.ConfigurationTarget.Global);
}

const POLL_SETTING = 'conversation.pollIntervalSeconds';

export async function setSetting(key: string, value: unknown): Promise<void> {
	await vscode.workspace.getConfiguration('superofficeChat').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Writes a connection (and its secret) the way Add Connection stores it, and makes it active. */
export async function addConnection(
	t: TestingApi,
	c: Omit<Connection, 'id'> & { id?: string },
	secret?: StoredSecret,
): Promise<Connection> {
	const connection: Connection = { id: c.id ?? `test-${Math.random().toString(36).slice(2, 10)}`, ...c };
	if (secret) await t.services.secrets.set(connection.id, secret);
	await t.services.connections.add(connection);
	await t.services.connections.setActive(connection.id);
	return connection;
}

export function demoBasic(server: LocalServer, name = 'Local demo'): Omit<Connection, 'id'> {
	return { name, baseUrl: server.url, auth: 'basic', userName: DEMO.userName };
}

export const DEMO_PASSWORD: StoredSecret = { password: DEMO.password };

/** Every credential string the suites use, in the forms a leak could take. */
export function allSecrets(): string[] {
	const basic = Buffer.from(`${DEMO.userName}:${DEMO.password}`).toString('base64');
	return [DEMO.password, DEMO.ticket, DEMO.appToken, DEMO.bearer, basic, WRONG_PASSWORD];
}

export const WRONG_PASSWORD = 'not-the-password-9';

export async function waitFor<T>(
	what: string,
	probe: () => T | undefined | false | Promise<T | undefined | false>,
	timeoutMs = 10000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const v = await probe();
		if (v !== undefined && v !== false) return v;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 25));
	}
}

export function apiRequests(server: LocalServer, method?: string): RecordedRequest[] {
	return server.received.filter((r) => !method || r.method === method);
}

export function posts(server: LocalServer): RecordedRequest[] {
	return apiRequests(server, 'POST');
}

/** A fresh scripted prompter installed into the extension. */
export function scripted(t: TestingApi): ScriptedPrompter {
	const p = new ScriptedPrompter();
	t.setPrompter(p);
	return p;
}

/** Fails when the server saw a request that breaks the official API document. */
export function assertNoViolations(server: LocalServer): void {
	assert.deepStrictEqual(server.violations, [], `contract violations: ${JSON.stringify(server.violations)}`);
}

/**
 * After closing a server: resolves once a new connection to `origin` is refused. Fetch's pool (shared with the
 * extension in this process) drops its kept-alive socket on the way, so the next request provably never leaves.
 */
export async function waitUntilRefused(origin: string): Promise<void> {
	await waitFor('the port to refuse connections', async () => {
		try {
			await fetch(`${origin}/__control/health`);
			return false;
		} catch (e) {
			return (e as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
		}
	});
}

/**
 * The set-up of a suite that talks to one local server: the testing API and a server before all tests, a clean
 * extension state and server before each, everything reset after all. Call inside `describe`. `ready` receives both;
 * `current` returns the suite's server at the time (a test may replace it, e.g. to restart it on the same port).
 */
export function useCoreSuite(o: { ready: (t: TestingApi, server: LocalServer) => void; current: () => LocalServer | undefined }): void {
	let t: TestingApi | undefined;
	before(async () => {
		t = await testingApi();
		o.ready(t, await startLocalServer());
	});
	after(async () => {
		if (t) {
			t.setPrompter(undefined);
			await resetExtensionState(t);
		}
		await o.current()?.close();
	});
	beforeEach(async () => {
		if (t) await resetExtensionState(t);
		o.current()?.reset();
	});
}
