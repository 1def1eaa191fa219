// Every question the extension asks goes through a Prompter, so integration tests can answer with a scripted one
// (ExtensionApi.testing.setPrompter). Each question carries an `id` (PromptId) that a script answers by.

export const PromptId = {
	connectionName: 'connectionName',
	baseUrl: 'baseUrl',
	probeFailed: 'probeFailed',
	authScheme: 'authScheme',
	userName: 'userName',
	password: 'password',
	ticket: 'ticket',
	appToken: 'appToken',
	token: 'token',
	verifyFailed: 'verifyFailed',
	pickConnection: 'pickConnection',
	confirmRemove: 'confirmRemove',
	session: 'session',
	sessionId: 'sessionId',
	messageText: 'messageText',
	onlineEnvironment: 'onlineEnvironment',
	onlineAuthority: 'onlineAuthority',
	onlineClientId: 'onlineClientId',
	onlineTenant: 'onlineTenant',
	clientSecret: 'clientSecret',
	pickColleague: 'pickColleague',
	confirmTransfer: 'confirmTransfer',
	confirmReset: 'confirmReset',
	transcriptFormat: 'transcriptFormat',
	/** Notifications (toasts) use this id; scripts answer with an action label or undefined. */
	notification: 'notification',
} as const;

export interface PickItem<T> {
	label: string;
	description?: string;
	detail?: string;
	value: T;
	/** Shown whatever the filter text. */
	alwaysShow?: boolean;
	/** A codicon id shown before the label, e.g. 'history'. */
	icon?: string;
	picked?: boolean;
}

export interface PickSeparator {
	separator: true;
	label: string;
}

export type PickEntry<T> = PickItem<T> | PickSeparator;

export function isSeparator<T>(e: PickEntry<T>): e is PickSeparator {
	return (e as PickSeparator).separator === true;
}

interface StepOptions {
	/** Which question this is (PromptId), for scripted prompters. */
	id: string;
	title?: string;
	step?: number;
	totalSteps?: number;
	/** Keep the prompt open when focus moves elsewhere (long multi-step flows). */
	ignoreFocusOut?: boolean;
}

export interface PickOptions extends StepOptions {
	placeholder?: string;
	matchOnDescription?: boolean;
	matchOnDetail?: boolean;
}

export interface InputOptions extends StepOptions {
	prompt?: string;
	placeholder?: string;
	/** Initial text (e.g. the text of a failed send). */
	value?: string;
	password?: boolean;
	/** Returns an error message for invalid text; the box cannot be accepted while there is one. */
	validate?: (value: string) => string | undefined;
}

/** A button on an input box (e.g. "Compose in Editor…"). */
export interface PromptAction {
	id: string;
	label: string;
	/** Codicon id. */
	icon?: string;
}

export type NotifyLevel = 'info' | 'warning' | 'error';

export interface NotifyOptions {
	/** Which question this is (PromptId) when the notification asks something; toasts default to 'notification'. */
	id?: string;
	modal?: boolean;
	detail?: string;
}

export interface ConfirmOptions {
	/** Which question this is (PromptId), for scripted prompters. */
	id?: string;
	detail?: string;
	/** The label of the confirming button. */
	confirm: string;
}

export interface ProgressOptions {
	cancellable?: boolean;
}

export interface Prompter {
	/** A quick pick. When `entries` is a promise, the pick shows a busy indicator until it settles; a rejection closes it. */
	pick<T>(entries: readonly PickEntry<T>[] | Promise<readonly PickEntry<T>[]>, options: PickOptions): Promise<T | undefined>;
	/** An input box; undefined when cancelled. */
	input(options: InputOptions): Promise<string | undefined>;
	/** An input box with buttons: the text, `{ action }` for a button, or undefined when cancelled. */
	inputOrAction(options: InputOptions, actions: readonly PromptAction[]): Promise<string | { action: string } | undefined>;
	/** A notification (toast or modal); resolves with the chosen action label, undefined when dismissed. */
	notify(level: NotifyLevel, message: string, options: NotifyOptions, ...actions: string[]): Promise<string | undefined>;
	/** A modal warning with one confirming button; true when it was chosen. */
	confirm(message: string, options: ConfirmOptions): Promise<boolean>;
	/** Opens a URL in the user's browser; false when it could not be opened. */
	openExternal(url: string): Promise<boolean>;
	/**
	 * Runs a task under a progress notification with Cancel; the signal aborts when the user cancels.
	 * `cancellable: false` shows no Cancel (a request that changes who owns a session must not be cut off halfway).
	 */
	withProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>, options?: ProgressOptions): Promise<T>;
	/** Runs a task with a spinning progress in the status bar (window progress): quiet, not cancellable. */
	windowProgress<T>(title: string, task: () => Promise<T>): Promise<T>;
	/** A passing message in the status bar, e.g. a confirmation; it goes away after a while. */
	statusMessage(text: string): void;
}

/** The prompter the extension uses; tests swap what it delegates to. */
export class SwitchablePrompter implements Prompter {
	constructor(private current: Prompter) {}

	use(p: Prompter): void {
		this.current = p;
	}

	pick<T>(entries: readonly PickEntry<T>[] | Promise<readonly PickEntry<T>[]>, options: PickOptions): Promise<T | undefined> {
		return this.current.pick(entries, options);
	}

	input(options: InputOptions): Promise<string | undefined> {
		return this.current.input(options);
	}

	inputOrAction(options: InputOptions, actions: readonly PromptAction[]): Promise<string | { action: string } | undefined> {
		return this.current.inputOrAction(options, actions);
	}

	notify(level: NotifyLevel, message: string, options: NotifyOptions, ...actions: string[]): Promise<string | undefined> {
		return this.current.notify(level, message, options, ...actions);
	}

	confirm(message: string, options: ConfirmOptions): Promise<boolean> {
		return this.current.confirm(message, options);
	}

	openExternal(url: string): Promise<boolean> {
		return this.current.openExternal(url);
	}

	withProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>, options?: ProgressOptions): Promise<T> {
		return this.current.withProgress(title, task, options);
	}

	windowProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
		return this.current.windowProgress(title, task);
	}

	statusMessage(text: string): void {
		this.current.statusMessage(text);
	}
}
