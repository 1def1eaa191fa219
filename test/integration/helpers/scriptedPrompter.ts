// A Prompter that answers from a script instead of a person. Answers are queued per question id (PromptId);
// a question without an answer is recorded as unexpected and cancelled, so a test sees what it did not script.
import type {
	ConfirmOptions,
	InputOptions,
	NotifyLevel,
	NotifyOptions,
	PickEntry,
	PickItem,
	PickOptions,
	Prompter,
	PromptAction,
} from '../../../src/core/prompter';

export interface Asked {
	kind: 'pick' | 'input' | 'confirm';
	id: string;
	options: PickOptions | InputOptions | ConfirmOptions;
	/** The entries a pick showed (separators included), after loading. */
	entries?: readonly PickEntry<unknown>[];
	message?: string;
}

export interface Notification {
	level: NotifyLevel;
	message: string;
	detail?: string;
	modal: boolean;
	actions: string[];
	id: string;
}

/** Pick answers: a label (exact, or a RegExp), a function over the items, or undefined to cancel. */
export type PickAnswer = string | RegExp | ((items: PickItem<unknown>[]) => PickItem<unknown> | undefined) | undefined;
/** Input answers: the text, `{ action }` for a button, a function of the options (may be async), or undefined. */
export type InputAnswer = string | { action: string } | ((o: InputOptions) => string | undefined | Promise<string | undefined>) | undefined;
/** Notification answers: the action label to click, or undefined to dismiss. */
export type NotifyAnswer = string | undefined;

type Answer = PickAnswer | InputAnswer | NotifyAnswer | boolean;

export class ScriptedPrompter implements Prompter {
	readonly asked: Asked[] = [];
	readonly notifications: Notification[] = [];
	readonly unexpected: string[] = [];
	/** Text that failed an input box's own validation (the box would have stayed open). */
	readonly invalid: { id: string; value: string; message: string }[] = [];
	private readonly answers = new Map<string, Answer[]>();
	private readonly waiters: (() => void)[] = [];

	/** Queues answers for a question id (used in order). */
	answer(id: string, ...answers: Answer[]): this {
		const q = this.answers.get(id) ?? [];
		q.push(...answers);
		this.answers.set(id, q);
		return this;
	}

	questionsOf(id: string): Asked[] {
		return this.asked.filter((a) => a.id === id);
	}

	/** Resolves when a notification matching `test` has been shown (or rejects after timeoutMs). */
	async waitForNotification(test: (n: Notification) => boolean, timeoutMs = 10000): Promise<Notification> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const hit = this.notifications.find(test);
			if (hit) return hit;
			const left = deadline - Date.now();
			if (left <= 0) {
				throw new Error(
					`no matching notification within ${timeoutMs} ms; shown: ${JSON.stringify(this.notifications.map((n) => n.message))}`,
				);
			}
			await new Promise<void>((resolve) => {
				const t = setTimeout(resolve, left);
				this.waiters.push(() => {
					clearTimeout(t);
					resolve();
				});
			});
		}
	}

	async pick<T>(entries: readonly PickEntry<T>[] | Promise<readonly PickEntry<T>[]>, options: PickOptions): Promise<T | undefined> {
		const loaded = await entries;
		this.asked.push({ kind: 'pick', id: options.id, options, entries: loaded as readonly PickEntry<unknown>[] });
		const items = loaded.filter((e): e is PickItem<T> => !('separator' in e && e.separator === true));
		const a = this.next(options.id) as PickAnswer;
		if (a === undefined) return undefined;
		let chosen: PickItem<unknown> | undefined;
		if (typeof a === 'function') chosen = a(items as PickItem<unknown>[]);
		else chosen = items.find((i) => (typeof a === 'string' ? i.label === a : a.test(i.label)));
		if (!chosen) {
			throw new Error(`scripted pick "${options.id}": no item matches ${String(a)}; items: ${items.map((i) => i.label).join(' | ')}`);
		}
		return chosen.value as T;
	}

	async input(options: InputOptions): Promise<string | undefined> {
		const r = await this.inputOrAction(options, []);
		if (r !== undefined && typeof r !== 'string') throw new Error(`scripted input "${options.id}": an action answered a plain input`);
		return r;
	}

	async inputOrAction(options: InputOptions, actions: readonly PromptAction[]): Promise<string | { action: string } | undefined> {
		this.asked.push({ kind: 'input', id: options.id, options });
		const a = this.next(options.id) as InputAnswer;
		const value = typeof a === 'function' ? await a(options) : a;
		if (value === undefined) return undefined;
		if (typeof value !== 'string') {
			if (!actions.some((x) => x.id === value.action)) throw new Error(`scripted input "${options.id}": no action ${value.action}`);
			return value;
		}
		const message = options.validate?.(value);
		if (message) {
			this.invalid.push({ id: options.id, value, message });
			// A person would correct it: take the next scripted answer for the same box.
			return this.inputOrAction(options, actions);
		}
		return value;
	}

	async notify(level: NotifyLevel, message: string, options: NotifyOptions, ...actions: string[]): Promise<string | undefined> {
		const id = options.id ?? 'notification';
		this.notifications.push({ level, message, detail: options.detail, modal: options.modal ?? false, actions, id });
		for (const w of this.waiters.splice(0)) w();
		// Toasts are answered only when scripted; modal questions must be.
		const queue = this.answers.get(id);
		if (!queue || queue.length === 0) {
			if (options.modal) this.unexpected.push(`notify:${id}:${message}`);
			return undefined;
		}
		const a = queue.shift() as NotifyAnswer;
		if (a !== undefined && !actions.includes(a)) {
			throw new Error(`scripted notification "${message}": no action ${a}; actions: ${actions.join(', ')}`);
		}
		return a;
	}

	async confirm(message: string, options: ConfirmOptions): Promise<boolean> {
		const id = options.id ?? 'confirm';
		this.asked.push({ kind: 'confirm', id, options, message });
		return this.next(id) === true;
	}

	/** URLs the extension asked to open in a browser, in order. */
	readonly opened: string[] = [];
	/** Plays the browser: called with each URL opened (e.g. to complete a sign-in at a local provider). */
	onOpenExternal: ((url: string) => void) | undefined;
	/** Titles of progress notifications shown, in order. */
	readonly progress: string[] = [];
	private readonly running = new Set<AbortController>();

	async openExternal(url: string): Promise<boolean> {
		this.opened.push(url);
		for (const w of this.waiters.splice(0)) w();
		this.onOpenExternal?.(url);
		return true;
	}

	async withProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
		this.progress.push(title);
		const controller = new AbortController();
		this.running.add(controller);
		try {
			return await task(controller.signal);
		} finally {
			this.running.delete(controller);
		}
	}

	/** Titles of window (status-bar) progress shown, in order. */
	readonly windowProgressTitles: string[] = [];
	/** Messages shown in the status bar, in order (e.g. "Posted to …"). */
	readonly statusMessages: string[] = [];

	async windowProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
		this.windowProgressTitles.push(title);
		return task();
	}

	statusMessage(text: string): void {
		this.statusMessages.push(text);
		for (const w of this.waiters.splice(0)) w();
	}

	/** Resolves with the first status-bar message matching `test` (or rejects after timeoutMs). */
	async waitForStatusMessage(test: RegExp, timeoutMs = 10000): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const hit = this.statusMessages.find((m) => test.test(m));
			if (hit) return hit;
			const left = deadline - Date.now();
			if (left <= 0) throw new Error(`no status-bar message ${test} within ${timeoutMs} ms; shown: ${JSON.stringify(this.statusMessages)}`);
			await new Promise<void>((resolve) => {
				const t = setTimeout(resolve, left);
				this.waiters.push(() => {
					clearTimeout(t);
					resolve();
				});
			});
		}
	}

	/** Presses Cancel on every progress notification showing now. */
	cancelProgress(): number {
		const n = this.running.size;
		for (const c of this.running) c.abort();
		return n;
	}

	/** Resolves with the n-th (1-based) URL opened. */
	async waitForOpened(n = 1, timeoutMs = 10000): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		while (this.opened.length < n) {
			if (Date.now() > deadline) throw new Error(`timed out waiting for URL #${n} to be opened`);
			await new Promise<void>((r) => {
				this.waiters.push(r);
				setTimeout(r, 100);
			});
		}
		return this.opened[n - 1];
	}

	private next(id: string): Answer {
		const q = this.answers.get(id);
		if (!q || q.length === 0) {
			this.unexpected.push(id);
			return undefined;
		}
		return q.shift();
	}
}
