// Replaces what scanText found with readable placeholders, keeping everything around it (the rest of a URL, the
// name of a setting, the path inside a home folder).
import { type Finding, type GuardOptions, scanText } from './scanText';

/** `text` with each finding's range replaced by its placeholder. Findings must come from scanning this same text. */
export function redact(text: string, findings: readonly Finding[]): string {
	const ordered = [...findings].filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end).sort((a, b) => b.start - a.start);
	let out = text;
	let limit = text.length;
	for (const f of ordered) {
		if (f.end > limit) continue; // overlaps one already replaced
		out = out.slice(0, f.start) + f.replacement + out.slice(f.end);
		limit = f.start;
	}
	return out;
}

/** Scans and redacts in one step. */
export function redactText(text: string, options?: GuardOptions): string {
	return redact(text, scanText(text, options));
}
