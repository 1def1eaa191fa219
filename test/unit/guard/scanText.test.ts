import * as assert from 'node:assert/strict';
import { describeFinding, type Finding, type FindingKind, hostPatternProblem, redact, redactText, scanText } from '../../../src/guard';

// Fake secrets are built at run time from a seeded generator, so the repository holds no token-shaped strings.
let seed = 7;
function fake(length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string {
	let out = '';
	for (let i = 0; i < length; i++) {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		out += alphabet[seed % alphabet.length];
	}
	return out;
}
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64url = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');

const S = {
	github: `gh${'p'}_${fake(36)}`,
	githubPat: `github${'_'}pat_${fake(22)}_${fake(59)}`,
	gitlab: `gl${'pat'}-${fake(20)}`,
	npm: `np${'m'}_${fake(36)}`,
	slack: `xo${'xb'}-${fake(12, '0123456789')}-${fake(24)}`,
	awsId: `AK${'IA'}${fake(16, UPPER)}`,
	awsSecret: fake(40, B64),
	azureKey: `${fake(86, B64)}==`,
	sasSig: encodeURIComponent(`${fake(43, B64)}=`),
	gcpKey: `AI${'za'}${fake(35)}`,
	ticket: `7${'T'}:${fake(40, B64)}`,
	appToken: fake(32, '0123456789abcdef'),
	jwt: `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ sub: 'u1', exp: 2000000000 })}.${fake(86)}`,
	password: `Pa55-${fake(12)}`,
	pemBody: fake(64, B64),
	envSecret: fake(32),
};
const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${S.pemBody}\n${S.pemBody}\n-----END RSA PRIVATE KEY-----`;
const GCP_JSON = `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n${S.pemBody}\\n-----END PRIVATE KEY-----\\n"}`;

const options = {
	workspaceRoots: ['/work/acme-shop', 'C:\\src\\acme', '/home/erin/shop/'],
	internalHosts: ['*.corp.example.com', 'build01.internal', 'bad pattern!'],
};

interface Row {
	name: string;
	text: string;
	kinds: FindingKind[];
	/** The message after redact(); checked when given. */
	redacted?: string;
	secret?: string;
}

// True positives: each row names what must be found and how the message reads afterwards.
const FOUND: Row[] = [
	{
		name: 'PEM private key',
		text: `key:\n${PEM}\nthanks`,
		kinds: ['privateKey'],
		redacted: 'key:\n[private key removed]\nthanks',
		secret: S.pemBody,
	},
	{
		name: 'PEM cut short (no END line)',
		text: `-----BEGIN OPENSSH PRIVATE KEY-----\n${S.pemBody}`,
		kinds: ['privateKey'],
		redacted: '[private key removed]',
		secret: S.pemBody,
	},
	{
		name: 'GCP service-account JSON key',
		text: GCP_JSON,
		kinds: ['privateKey'],
		redacted: '{"type": "service_account", "private_key": "[private key removed]\\n"}',
		secret: S.pemBody,
	},
	{
		name: 'AWS key id and secret',
		text: `aws_access_key_id = ${S.awsId}\naws_secret_access_key = ${S.awsSecret}`,
		kinds: ['awsAccessKeyId', 'awsSecretKey'],
		redacted: 'aws_access_key_id = [token removed]\naws_secret_access_key = [token removed]',
		secret: S.awsSecret,
	},
	{
		name: 'Azure storage connection string',
		text: `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${S.azureKey};EndpointSuffix=core.windows.net`,
		kinds: ['azureKey'],
		redacted: 'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=[token removed];EndpointSuffix=core.windows.net',
		secret: S.azureKey,
	},
	{
		name: 'Azure SAS URL',
		text: `https://acme.blob.core.windows.net/c/f.zip?sv=2022-11-02&se=2026-01-01&sp=r&sig=${S.sasSig}`,
		kinds: ['azureSas'],
		redacted: 'https://acme.blob.core.windows.net/c/f.zip?sv=2022-11-02&se=2026-01-01&sp=r&sig=[token removed]',
		secret: S.sasSig,
	},
	{
		name: 'Google API key',
		text: `maps key ${S.gcpKey} ok`,
		kinds: ['gcpApiKey'],
		redacted: 'maps key [token removed] ok',
		secret: S.gcpKey,
	},
	{
		name: 'GitHub classic and fine-grained tokens',
		text: `use ${S.github} or ${S.githubPat}`,
		kinds: ['githubToken', 'githubToken'],
		redacted: 'use [token removed] or [token removed]',
		secret: S.github,
	},
	{ name: 'GitLab token', text: `PRIVATE-TOKEN: ${S.gitlab}`, kinds: ['gitlabToken'], secret: S.gitlab },
	{
		name: 'npm token and .npmrc line',
		text: `${S.npm}\n//registry.npmjs.org/:_authToken=${S.envSecret}`,
		kinds: ['npmToken', 'npmToken'],
		secret: S.envSecret,
	},
	{ name: 'Slack bot token', text: `SLACK ${S.slack}`, kinds: ['slackToken'], secret: S.slack },
	{
		name: 'SuperOffice ticket in a header',
		text: `Authorization: SOTicket ${S.ticket}`,
		kinds: ['superOfficeTicket'],
		redacted: 'Authorization: SOTicket [token removed]',
		secret: S.ticket,
	},
	{
		name: 'SuperOffice app token',
		text: `SO-AppToken: ${S.appToken}`,
		kinds: ['superOfficeToken'],
		redacted: 'SO-AppToken: [token removed]',
		secret: S.appToken,
	},
	{
		name: 'Bearer JWT (the JWT rule is the more specific)',
		text: `Authorization: Bearer ${S.jwt}`,
		kinds: ['authorizationHeader'],
		redacted: 'Authorization: Bearer [token removed]',
		secret: S.jwt,
	},
	{ name: 'bare JWT', text: `token=${S.jwt}.`, kinds: ['jwt'], redacted: 'token=[token removed].', secret: S.jwt },
	{
		name: 'password in a URL keeps the rest',
		text: `git clone https://ann:${S.password}@git.example.org/r.git`,
		kinds: ['urlPassword'],
		redacted: 'git clone https://ann:[password removed]@git.example.org/r.git',
		secret: S.password,
	},
	{
		name: 'connection string Password=',
		text: `Server=db;Database=crm;User Id=sa;Password=${S.password};`,
		kinds: ['connectionPassword'],
		redacted: 'Server=db;Database=crm;User Id=sa;Password=[password removed];',
		secret: S.password,
	},
	{
		name: '.env lines',
		text: `# settings\nAPI_KEY=${S.envSecret}\nexport CLIENT_SECRET="${S.envSecret}"\nPORT=8080`,
		kinds: ['envSecret', 'envSecret'],
		redacted: '# settings\nAPI_KEY=[secret removed]\nexport CLIENT_SECRET=[secret removed]\nPORT=8080',
		secret: S.envSecret,
	},
	{
		name: 'Linux and macOS home paths',
		text: 'see /home/alice/proj/a.ts and "/Users/bob/Library/x"',
		kinds: ['homePath', 'homePath'],
		redacted: 'see ~/proj/a.ts and "~/Library/x"',
	},
	{
		name: 'Windows home path, also JSON-escaped',
		text: 'C:\\Users\\carol\\src\\x.cs or "c:\\\\Users\\\\carol\\\\y"',
		kinds: ['homePath', 'homePath'],
		redacted: '~\\src\\x.cs or "~\\\\y"',
	},
	{ name: 'file URL home path', text: 'file:///home/dave/notes.md', kinds: ['homePath'], redacted: 'file://~/notes.md' },
	{
		name: 'workspace root (POSIX and Windows, any case/slash)',
		text: 'at /work/acme-shop/src/cart.ts:12 and c:/SRC/acme/App.cs',
		kinds: ['workspacePath', 'workspacePath'],
		redacted: 'at [workspace]/src/cart.ts:12 and [workspace]/App.cs',
	},
	{
		name: 'a workspace inside a home folder is the workspace',
		text: 'open /home/erin/shop/src/a.ts',
		kinds: ['workspacePath'],
		redacted: 'open [workspace]/src/a.ts',
	},
	{
		name: 'internal hosts from the patterns',
		text: 'ssh git.corp.example.com, then build01.internal:8080',
		kinds: ['internalHost', 'internalHost'],
		redacted: 'ssh [internal host], then [internal host]:8080',
	},
];

// False positives: ordinary text and code that must pass untouched. Each is a judgement call, explained.
const CLEAN: { name: string; text: string }[] = [
	{ name: 'lockfile integrity hash (sha512 base64): no generic "long base64" rule', text: `"integrity": "sha512-${fake(86, B64)}=="` },
	{ name: 'git commit SHA (40 hex) outside an AWS secret setting', text: `fixed in ${fake(40, '0123456789abcdef')}` },
	{ name: 'UUIDs', text: 'session 3f2b8c1e-9d4a-4e7b-8c2d-1a2b3c4d5e6f' },
	{ name: 'a base64 image in prose: no JWT shape, no key name', text: `![x](data:image/png;base64,iVBORw0KGgo${fake(200, B64)})` },
	{ name: 'code reading a password', text: 'const password = readPassword();\nif (password == null) return;' },
	{ name: 'code naming a token variable (only .env lines count)', text: 'const API_KEY = process.env.API_KEY;' },
	{
		name: '.env placeholders and references',
		text: 'API_KEY=\nSECRET=${SECRET}\nTOKEN=<your token>\nPASSWORD=****\nDB_PASSWORD=$DB_PASSWORD',
	},
	{
		name: '.env names that are not secrets themselves',
		text: 'TOKEN_URL=https://login.example.com/oauth/token\nAPI_KEY_FILE=/run/keys/api',
	},
	{
		name: 'a URL with a user but no password, and a placeholder password',
		text: 'https://ann@example.com/x and postgres://user:<password>@localhost/db',
	},
	{ name: 'a web path that contains /home/', text: 'https://example.com/home/alice/profile' },
	{ name: "shared folders are not a person's home", text: '/Users/Shared/x and C:\\Users\\Public\\y' },
	{ name: 'hosts that only look like the pattern', text: 'corp.example.com itself, notcorp.example.com, git.corp.example.community' },
	{ name: 'the word Authorization in prose', text: 'Authorization: Bearer <token> is the header to send' },
	{ name: 'a sig= query without an Azure signed version', text: 'https://example.com/?sig=abcdefghijklmnopqrstuvwxyz0123' },
	{ name: 'an emoji-rich chat message', text: 'Thanks! 😀 The fix ships in 2.4.1 — see ticket #4521.' },
];

describe('guard: scanText finds secrets and private details', () => {
	for (const row of FOUND) {
		it(row.name, () => {
			const found = scanText(row.text, options);
			assert.deepEqual(
				found.map((f) => f.kind),
				row.kinds,
			);
			if (row.redacted !== undefined) assert.equal(redact(row.text, found), row.redacted);
			for (const f of found) {
				// The log-facing parts never hold the value, nor any 6-character piece of it beyond the shown tail.
				const logText = `${describeFinding(f)} ${f.label} ${f.preview} ${f.replacement} ${JSON.stringify({ ...f, start: 0, end: 0 })}`;
				const value = row.text.slice(f.start, f.end);
				if (f.category === 'secret') {
					assert.ok(!logText.includes(value), `${f.kind} leaks its value`);
					// Whatever the preview shows (a public prefix, the last 4), no 8 characters of the secret itself.
					const secret = row.secret ?? value;
					for (let i = 0; i + 8 <= secret.length; i++) {
						assert.ok(!logText.includes(secret.slice(i, i + 8)), `${f.kind} leaks part of its value`);
					}
				}
			}
			if (row.secret !== undefined) assert.ok(!redactText(row.text, options).includes(row.secret));
		});
	}
});

describe('guard: scanText leaves ordinary text alone', () => {
	for (const row of CLEAN) {
		it(row.name, () => {
			assert.deepEqual(scanText(row.text, options), []);
			assert.equal(redactText(row.text, options), row.text);
		});
	}
});

describe('guard: findings', () => {
	it('give line, column and range in the scanned text', () => {
		const text = `Hi,\n  try ${S.github} now`;
		const [f] = scanText(text);
		assert.deepEqual({ line: f.line, column: f.column }, { line: 2, column: 7 });
		assert.equal(text.slice(f.start, f.end), S.github);
		assert.equal(f.preview, `ghp_…${S.github.slice(-4)}`);
		assert.equal(describeFinding(f), `GitHub token (ghp_…${S.github.slice(-4)}) at line 2, column 7`);
	});

	it('split secrets (must not leave) from privacy (paths, host names)', () => {
		const found = scanText(`/home/frank/x ${S.npm}`);
		assert.deepEqual(
			found.map((f: Finding) => [f.kind, f.category]),
			[
				['homePath', 'privacy'],
				['npmToken', 'secret'],
			],
		);
	});

	it('redact ignores findings that do not fit the text (it was edited after the scan)', () => {
		const found = scanText(`x ${S.github}`);
		assert.equal(redact('short', found), 'short');
	});

	it('checks host patterns for the setting', () => {
		assert.equal(hostPatternProblem('*.corp.example.com'), undefined);
		assert.equal(hostPatternProblem('build01.internal'), undefined);
		assert.match(hostPatternProblem('*.com') ?? '', /two labels/);
		assert.match(hostPatternProblem('https://x.example.com') ?? '', /host name/);
		assert.match(hostPatternProblem(' ') ?? '', /empty/);
	});
});
