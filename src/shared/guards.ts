// Checks for untrusted structured-clone data (webview messages, stored state).

export type Unknown = Record<string, unknown>;

/** A plain object (as structured clone delivers it): inherited fields and class instances do not count. */
export function isObject(v: unknown): v is Unknown {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
	const proto: unknown = Object.getPrototypeOf(v);
	return proto === Object.prototype || proto === null;
}

export function isString(v: unknown, max: number): v is string {
	return typeof v === 'string' && v.length <= max;
}

export function hasOnlyKeys(o: Unknown, keys: readonly string[]): boolean {
	return Object.keys(o).every((k) => keys.includes(k));
}
