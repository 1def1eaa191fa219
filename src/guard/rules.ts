// The outbound guard's fixed rules: one line each, most specific first (an earlier rule wins an overlap).
// Every rule marks the smallest range that must go (the value, not its label) so redaction keeps text readable.

export type FindingKind =
	| 'privateKey'
	| 'awsAccessKeyId'
	| 'awsSecretKey'
	| 'azureKey'
	| 'azureSas'
	| 'gcpApiKey'
	| 'githubToken'
	| 'gitlabToken'
	| 'npmToken'
	| 'slackToken'
	| 'superOfficeTicket'
	| 'superOfficeToken'
	| 'authorizationHeader'
	| 'jwt'
	| 'urlPassword'
	| 'connectionPassword'
	| 'envSecret'
	| 'workspacePath'
	| 'homePath'
	| 'internalHost';

/** 'secret' must not leave; 'privacy' (paths, host names) tells more than intended but is the user's call. */
export type FindingCategory = 'secret' | 'privacy';

export interface Rule {
	kind: FindingKind;
	label: string;
	category: FindingCategory;
	/** Global, with the `d` flag; the named group `v` (or the whole match) is the range to remove. */
	pattern: RegExp;
	replacement: string;
	/** How many leading characters a masked preview may show (a public prefix such as `ghp_`). */
	showPrefix: number;
	/** Extra check on the matched value; false drops the match. */
	accept?: (value: string, line: string) => boolean;
}

const TOKEN = '[token removed]';
const PASSWORD = '[password removed]';

/** Values people write instead of a secret: empty, `${VAR}`, `$VAR`, `%VAR%`, `<password>`, `****`, `xxxx`. */
export function isPlaceholder(value: string): boolean {
	const v = value.replace(/^["']|["']$/g, '').trim();
	return (
		v.length < 4 ||
		/^\$\{\{?[^}]*\}?\}$|^\$[A-Za-z_][A-Za-z0-9_]*$|^%[A-Za-z_][A-Za-z0-9_]*%$|^<[^>]*>$|^\{[^}]*\}$/.test(v) ||
		/^(.)\1*$/.test(v)
	);
}

// `Password=` counts only in a `key=value;key=value` string, so `password = read();` in code is not a finding.
function inConnectionString(_value: string, line: string): boolean {
	return line.split(';').filter((part) => /^\s*["']?[A-Za-z][A-Za-z ]*\s*=\s*\S/.test(part)).length >= 2;
}

const notPlaceholder = (value: string): boolean => !isPlaceholder(value);

// Settings that name where or how a secret is used, not the secret itself (`TOKEN_URL`, `API_KEY_FILE`).
const NOT_SECRET_NAME = /_(?:URL|URI|ENDPOINT|HOST|PATH|FILE|DIR|NAME|TYPE|HEADER|EXPIRY|EXPIRES|TTL|LENGTH|ID)$/;

export const FIXED_RULES: readonly Rule[] = [
	{
		kind: 'privateKey',
		label: 'Private key',
		category: 'secret',
		// An unterminated block (a paste cut short) still runs to the end of the text.
		pattern: /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----[\s\S]*?(?:-----END \1-----|$)/dg,
		replacement: '[private key removed]',
		showPrefix: 0,
	},
	{
		kind: 'awsAccessKeyId',
		label: 'AWS access key id',
		category: 'secret',
		pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/dg,
		replacement: TOKEN,
		showPrefix: 4,
	},
	{
		kind: 'awsSecretKey',
		label: 'AWS secret access key',
		category: 'secret',
		pattern: /aws_?secret_?(?:access_?)?key["']?\s*[:=]\s*["']?(?<v>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/dgi,
		replacement: TOKEN,
		showPrefix: 0,
	},
	{
		kind: 'azureKey',
		label: 'Azure key',
		category: 'secret',
		pattern: /\b(?:AccountKey|SharedAccessKey)\s*=\s*(?<v>[A-Za-z0-9+/]{20,}={0,2})/dgi,
		replacement: TOKEN,
		showPrefix: 0,
	},
	{
		kind: 'azureSas',
		label: 'Azure shared access signature',
		category: 'secret',
		// `sig=` alone is too common; a SAS always carries its signed version `sv=YYYY-MM-DD` too.
		pattern: /[?&]sig=(?<v>[A-Za-z0-9%/+=]{20,})/dg,
		replacement: TOKEN,
		showPrefix: 0,
		accept: (_v, line) => /[?&]sv=\d{4}-\d{2}-\d{2}/.test(line),
	},
	{
		kind: 'gcpApiKey',
		label: 'Google API key',
		category: 'secret',
		pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/dg,
		replacement: TOKEN,
		showPrefix: 4,
	},
	{
		kind: 'githubToken',
		label: 'GitHub token',
		category: 'secret',
		pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})(?![A-Za-z0-9_])/dg,
		replacement: TOKEN,
		showPrefix: 4,
	},
	{
		kind: 'gitlabToken',
		label: 'GitLab token',
		category: 'secret',
		pattern: /\bgl(?:pat|dt|rt|ptt|cbt|imt|soat|ft|oas)-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/dg,
		replacement: TOKEN,
		showPrefix: 6,
	},
	{
		kind: 'npmToken',
		label: 'npm token',
		category: 'secret',
		pattern: /\bnpm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/dg,
		replacement: TOKEN,
		showPrefix: 4,
	},
	{
		kind: 'npmToken',
		label: 'npm token',
		category: 'secret',
		pattern: /_authToken\s*=\s*(?<v>[^\s"']{8,})/dg,
		replacement: TOKEN,
		showPrefix: 0,
		accept: notPlaceholder,
	},
	{
		kind: 'slackToken',
		label: 'Slack token',
		category: 'secret',
		pattern: /\bxox[abposre]-[A-Za-z0-9-]{10,}|https:\/\/hooks\.slack\.com\/services\/(?<v>[A-Za-z0-9/]{20,})/dg,
		replacement: TOKEN,
		showPrefix: 5,
	},
	{
		kind: 'superOfficeTicket',
		label: 'SuperOffice ticket',
		category: 'secret',
		pattern: /(?<![\w:])7T:[A-Za-z0-9+/=_-]{8,}/dg,
		replacement: TOKEN,
		showPrefix: 3,
	},
	{
		kind: 'superOfficeToken',
		label: 'SuperOffice token',
		category: 'secret',
		pattern: /\b(?:SO-AppToken|system_?(?:user_?)?token)["']?\s*[:=]\s*["']?(?<v>[A-Za-z0-9+/=._-]{16,})/dgi,
		replacement: TOKEN,
		showPrefix: 0,
		accept: notPlaceholder,
	},
	{
		kind: 'authorizationHeader',
		label: 'Authorization header',
		category: 'secret',
		pattern: /\bAuthorization["']?\s*[:=]\s*["']?(?:Bearer|Basic|SOTicket|token)\s+(?<v>[A-Za-z0-9._~+/=:-]{8,})/dgi,
		replacement: TOKEN,
		showPrefix: 0,
		accept: notPlaceholder,
	},
	{
		kind: 'jwt',
		label: 'JSON Web Token',
		category: 'secret',
		pattern: /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/dg,
		replacement: TOKEN,
		showPrefix: 3,
	},
	{
		kind: 'urlPassword',
		label: 'Password in a URL',
		category: 'secret',
		pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:(?<v>[^\s@/]+)@/dgi,
		replacement: PASSWORD,
		showPrefix: 0,
		accept: notPlaceholder,
	},
	{
		kind: 'connectionPassword',
		label: 'Password in a connection string',
		category: 'secret',
		pattern: /(?<![\w-])(?:Password|Pwd)\s*=\s*(?<v>"[^"\n]*"|'[^'\n]*'|[^;\s"']+)/dgi,
		replacement: PASSWORD,
		showPrefix: 0,
		accept: (v, line) => notPlaceholder(v) && inConnectionString(v, line),
	},
	{
		kind: 'envSecret',
		label: 'Secret setting',
		category: 'secret',
		// Only `.env`-style lines (upper-case name at the start of a line); code assignments are left to the formats above.
		pattern:
			/^[ \t]*(?:export[ \t]+)?[A-Z0-9_]*(?:SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|ACCOUNT_KEY|STORAGE_KEY|CREDENTIALS?)[A-Z0-9_]*[ \t]*[=:][ \t]*(?<v>"[^"\n]*"|'[^'\n]*'|[^\s#]+)/dgm,
		replacement: '[secret removed]',
		showPrefix: 0,
		accept: (v, line) =>
			notPlaceholder(v) &&
			v.replace(/^["']|["']$/g, '').length >= 6 &&
			!/^(?:true|false|null|none)$/i.test(v) &&
			!NOT_SECRET_NAME.test(line.replace(/^[ \t]*(?:export[ \t]+)?/, '').split(/[ \t=:]/)[0]),
	},
];
