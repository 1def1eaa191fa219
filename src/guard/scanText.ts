// Scans a message about to leave for secrets and private details. A finding carries where it is and a masked
// preview; nothing in it that is meant for logs ever holds the matched value.
import { FIXED_RULES, type FindingCategory, type FindingKind, type Rule } from './rules';

export interface GuardOptions {
	/** Workspace folders (absolute paths); a path inside one becomes `[workspace]/…`. */
	workspaceRoots?: readonly string[];
	/** Host name patterns such as `*.corp.example.com` or `build01.internal`; `*` stands for one or more labels. */
	internalHosts?: readonly string[];
}

export interface Finding {
	kind: FindingKind;
	/** For people: "GitHub token". */
	label: string;
	category: FindingCategory;
	/** 1-based; column in UTF-16 code units, as editors count. */
	line: number;
	column: number;
	/** The range in the scanned text: text.slice(start, end) is what redact() replaces. Never log that slice. */
	start: number;
	end: number;
	/** Safe for logs: at most a public prefix and the last four characters, e.g. `ghp_…4f2a`. */
	preview: string;
	/** What redact() puts in its place. */
	replacement: string;
}

const MIN_ROOT_LENGTH = 4;
const HOST_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Why a host pattern cannot be used, or undefined when it can. For validating the setting. */
export function hostPatternProblem(pattern: string): string | undefined {
	const p = pattern.trim();
	if (p === '') return 'The pattern is empty.';
	if (!/^(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*$/.test(p)) {
		return 'Use a host name, optionally starting with "*." (for example *.corp.example.com).';
	}
	if (p.startsWith('*.') && !p.slice(2).includes('.')) return 'A wildcard needs at least two labels after it (*.corp.example, not *.com).';
	return undefined;
}

function hostRule(pattern: string): Rule {
	const p = pattern.trim().toLowerCase();
	const wildcard = p.startsWith('*.');
	const fixed = escapeRegExp(wildcard ? p.slice(1) : p);
	const body = wildcard ? `(?:${HOST_LABEL}\\.)*${HOST_LABEL}${fixed}` : fixed;
	return {
		kind: 'internalHost',
		label: `Internal host name (${pattern.trim()})`,
		category: 'privacy',
		pattern: new RegExp(`(?<![\\w.-])${body}(?![\\w-]|\\.[A-Za-z0-9])`, 'dgi'),
		replacement: '[internal host]',
		showPrefix: 0,
	};
}

function workspaceRule(root: string): Rule | undefined {
	const trimmed = root.replace(/[\\/]+$/, '');
	if (trimmed.length < MIN_ROOT_LENGTH) return undefined;
	const windows = /^[A-Za-z]:[\\/]/.test(trimmed) || trimmed.includes('\\');
	// Windows paths: any slash direction, doubled backslashes (JSON), any letter case.
	const body = trimmed
		.split(/[\\/]+/)
		.map(escapeRegExp)
		.join(windows ? '(?:\\\\{1,2}|/)' : '/');
	return {
		kind: 'workspacePath',
		label: 'Workspace folder path',
		category: 'privacy',
		pattern: new RegExp(`(?<![\\w.-])${body}(?=$|[\\\\/\\s"'\`)\\]>:;,])`, windows ? 'dgi' : 'dg'),
		replacement: '[workspace]',
		showPrefix: 0,
	};
}

// The user name part of a home directory; the rest of the path stays readable (`~/project/src/a.ts`).
const HOME_RULES: readonly Rule[] = [
	{
		kind: 'homePath',
		label: 'Home folder path',
		category: 'privacy',
		pattern: /(?:(?<![\w.~/:-])|(?<=file:\/\/))\/(?:home|Users)\/(?!Shared\b)[A-Za-z0-9._-]+(?=\/|$|[\s"'`)\]>:;,])/dg,
		replacement: '~',
		showPrefix: 0,
	},
	{
		kind: 'homePath',
		label: 'Home folder path',
		category: 'privacy',
		pattern: /(?<![\w])[A-Za-z]:(?:\\{1,2}|\/)Users(?:\\{1,2}|\/)(?!Public\b)[^\\/\s"'`<>|:;,]+(?=\\|\/|$|[\s"'`)\]>:;,])/dgi,
		replacement: '~',
		showPrefix: 0,
	},
];

/** A masked form of a value for logs: a public prefix, then `…`, then the last four characters of a long value. */
export function maskValue(value: string, showPrefix: number): string {
	const prefix = value.slice(0, Math.min(showPrefix, Math.floor(value.length / 3)));
	const tail = value.length >= 24 ? value.slice(-4) : '';
	return `${prefix}…${tail}`;
}

function previewOf(rule: Rule, value: string): string {
	switch (rule.kind) {
		case 'privateKey':
			return '-----BEGIN … PRIVATE KEY-----';
		case 'homePath':
			return value.includes('\\') || /^[A-Za-z]:/.test(value) ? 'C:\\Users\\…' : `/${value.split('/')[1]}/…`;
		case 'workspacePath':
			return '[workspace]';
		case 'internalHost':
			return rule.label.replace(/^.*\((.*)\)$/, '$1');
		default:
			return maskValue(value, rule.showPrefix);
	}
}

interface Candidate {
	rule: Rule;
	priority: number;
	start: number;
	end: number;
}

function lineAround(text: string, index: number): string {
	const from = text.lastIndexOf('\n', index - 1) + 1;
	const to = text.indexOf('\n', index);
	return text.slice(from, to < 0 ? text.length : to);
}

function positionOf(text: string, index: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, column: index - lineStart + 1 };
}

/** Every finding in `text`, in text order, without overlaps (the more specific rule wins). */
export function scanText(text: string, options: GuardOptions = {}): Finding[] {
	const rules: Rule[] = [
		FIXED_RULES[0],
		...(options.workspaceRoots ?? []).map(workspaceRule).filter((r): r is Rule => r !== undefined),
		...FIXED_RULES.slice(1),
		...HOME_RULES,
		...(options.internalHosts ?? []).filter((p) => hostPatternProblem(p) === undefined).map(hostRule),
	];
	const candidates: Candidate[] = [];
	rules.forEach((rule, priority) => {
		rule.pattern.lastIndex = 0;
		for (const m of text.matchAll(rule.pattern)) {
			const range = m.indices?.groups?.v ?? m.indices?.[0];
			if (!range || range[1] <= range[0]) continue;
			const value = text.slice(range[0], range[1]);
			if (rule.accept && !rule.accept(value, lineAround(text, m.index ?? range[0]))) continue;
			candidates.push({ rule, priority, start: range[0], end: range[1] });
		}
	});
	candidates.sort((a, b) => a.priority - b.priority || b.end - b.start - (a.end - a.start));
	const kept: Candidate[] = [];
	for (const c of candidates) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
	kept.sort((a, b) => a.start - b.start);
	return kept.map(({ rule, start, end }) => ({
		kind: rule.kind,
		label: rule.label,
		category: rule.category,
		...positionOf(text, start),
		start,
		end,
		preview: previewOf(rule, text.slice(start, end)),
		replacement: rule.replacement,
	}));
}

/** One line for a log or a notification: "GitHub token (ghp_…4f2a) at line 3, column 7". Never the value. */
export function describeFinding(f: Finding): string {
	return `${f.label} (${f.preview}) at line ${f.line}, column ${f.column}`;
}
