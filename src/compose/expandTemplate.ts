// Quick-reply templates: `{customer}` and friends are filled in, `{{` and `}}` stand for literal braces. A variable
// without a value stays visible as `{name}` and is reported, so the caller can ask instead of sending a gap.

export const TEMPLATE_VARIABLES = ['customer', 'agent', 'session', 'topic', 'selection', 'file', 'lines', 'date'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

/** 64 KB of UTF-8. */
export const MAX_TEMPLATE_BYTES = 64 * 1024;

export interface Expansion {
	text: string;
	/** Known variables that had no value; each is still in `text` as `{name}`. */
	missing: TemplateVariable[];
	/** `{word}` that is no variable; left as written. */
	unknown: string[];
}

export class TemplateError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TemplateError';
	}
}

export function templateBytes(template: string): number {
	return new TextEncoder().encode(template).length;
}

const isVariable = (name: string): name is TemplateVariable => (TEMPLATE_VARIABLES as readonly string[]).includes(name);

export function expandTemplate(template: string, values: TemplateValues): Expansion {
	if (templateBytes(template) > MAX_TEMPLATE_BYTES) throw new TemplateError(`The template is larger than ${MAX_TEMPLATE_BYTES / 1024} KB.`);
	const missing = new Set<TemplateVariable>();
	const unknown = new Set<string>();
	// One pass, so a value that itself contains `{customer}` is never expanded again.
	const text = template.replace(/\{\{|\}\}|\{([A-Za-z]+)\}/g, (whole, name: string | undefined) => {
		if (whole === '{{') return '{';
		if (whole === '}}') return '}';
		const key = (name as string).toLowerCase();
		if (!isVariable(key)) {
			unknown.add(name as string);
			return whole;
		}
		const value = values[key];
		if (value === undefined || value === '') {
			missing.add(key);
			return whole;
		}
		return value;
	});
	return { text, missing: [...missing], unknown: [...unknown] };
}

/** Today's date as YYYY-MM-DD in local time, the `{date}` value unless the caller passes its own. */
export function isoDate(d: Date = new Date()): string {
	const p = (n: number): string => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
