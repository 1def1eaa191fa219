// The Prompter on VS Code's quick input and notifications.
import * as vscode from 'vscode';
import {
	type ConfirmOptions,
	type InputOptions,
	isSeparator,
	type NotifyLevel,
	type NotifyOptions,
	type PickEntry,
	type PickOptions,
	type ProgressOptions,
	type Prompter,
	type PromptAction,
} from './prompter';

type Item<T> = vscode.QuickPickItem & { value?: T };

const STATUS_MESSAGE_MS = 8000;

function toItems<T>(entries: readonly PickEntry<T>[]): Item<T>[] {
	return entries.map((e): Item<T> => {
		if (isSeparator(e)) return { label: e.label, kind: vscode.QuickPickItemKind.Separator };
		return {
			label: e.icon ? `$(${e.icon}) ${e.label}` : e.label,
			description: e.description,
			detail: e.detail,
			alwaysShow: e.alwaysShow,
			picked: e.picked,
			value: e.value,
		};
	});
}

export class VsCodePrompter implements Prompter {
	pick<T>(entries: readonly PickEntry<T>[] | Promise<readonly PickEntry<T>[]>, options: PickOptions): Promise<T | undefined> {
		const qp = vscode.window.createQuickPick<Item<T>>();
		qp.title = options.title;
		qp.placeholder = options.placeholder;
		qp.step = options.step;
		qp.totalSteps = options.totalSteps;
		qp.ignoreFocusOut = options.ignoreFocusOut ?? false;
		qp.matchOnDescription = options.matchOnDescription ?? false;
		qp.matchOnDetail = options.matchOnDetail ?? false;
		return new Promise<T | undefined>((resolve, reject) => {
			let settled = false;
			const finish = (fn: () => void): void => {
				if (settled) return;
				settled = true;
				fn();
				qp.dispose();
			};
			qp.onDidAccept(() => {
				const chosen = qp.selectedItems[0] ?? qp.activeItems[0];
				if (chosen && chosen.kind !== vscode.QuickPickItemKind.Separator) finish(() => resolve(chosen.value));
			});
			qp.onDidHide(() => finish(() => resolve(undefined)));
			// A single-select pick ignores `picked`; it marks the item Enter should choose, so make it the active one.
			const show = (items: Item<T>[]): void => {
				qp.items = items;
				const preferred = items.filter((i) => i.picked);
				if (preferred.length > 0) qp.activeItems = preferred.slice(0, 1);
			};
			if (Array.isArray(entries)) {
				show(toItems(entries as readonly PickEntry<T>[]));
			} else {
				qp.busy = true;
				qp.enabled = false;
				(entries as Promise<readonly PickEntry<T>[]>).then(
					(loaded) => {
						if (settled) return;
						show(toItems(loaded));
						qp.busy = false;
						qp.enabled = true;
					},
					(err: unknown) => finish(() => reject(err)),
				);
			}
			qp.show();
		});
	}

	async input(options: InputOptions): Promise<string | undefined> {
		const r = await this.inputOrAction(options, []);
		return typeof r === 'string' ? r : undefined;
	}

	inputOrAction(options: InputOptions, actions: readonly PromptAction[]): Promise<string | { action: string } | undefined> {
		const box = vscode.window.createInputBox();
		box.title = options.title;
		box.prompt = options.prompt;
		box.placeholder = options.placeholder;
		box.value = options.value ?? '';
		box.password = options.password ?? false;
		box.step = options.step;
		box.totalSteps = options.totalSteps;
		box.ignoreFocusOut = options.ignoreFocusOut ?? false;
		const buttons = actions.map((a) => ({ iconPath: new vscode.ThemeIcon(a.icon ?? 'circle'), tooltip: a.label, id: a.id }));
		box.buttons = buttons;
		const validate = (v: string): string | undefined => options.validate?.(v);
		box.validationMessage = box.value ? validate(box.value) : undefined;
		return new Promise((resolve) => {
			let settled = false;
			const finish = (value: string | { action: string } | undefined): void => {
				if (settled) return;
				settled = true;
				resolve(value);
				box.dispose();
			};
			box.onDidChangeValue((v) => {
				box.validationMessage = validate(v);
			});
			box.onDidAccept(() => {
				const message = validate(box.value);
				box.validationMessage = message;
				if (!message) finish(box.value);
			});
			box.onDidTriggerButton((b) => {
				const hit = buttons.find((x) => x === b);
				if (hit) finish({ action: hit.id });
			});
			box.onDidHide(() => finish(undefined));
			box.show();
		});
	}

	async notify(level: NotifyLevel, message: string, options: NotifyOptions, ...actions: string[]): Promise<string | undefined> {
		const o: vscode.MessageOptions = { modal: options.modal ?? false, detail: options.detail };
		switch (level) {
			case 'info':
				return vscode.window.showInformationMessage(message, o, ...actions);
			case 'warning':
				return vscode.window.showWarningMessage(message, o, ...actions);
			case 'error':
				return vscode.window.showErrorMessage(message, o, ...actions);
		}
	}

	async confirm(message: string, options: ConfirmOptions): Promise<boolean> {
		const chosen = await vscode.window.showWarningMessage(message, { modal: true, detail: options.detail }, options.confirm);
		return chosen === options.confirm;
	}

	async openExternal(url: string): Promise<boolean> {
		return vscode.env.openExternal(vscode.Uri.parse(url, true));
	}

	withProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>, options: ProgressOptions = {}): Promise<T> {
		const cancellable = options.cancellable ?? true;
		return Promise.resolve(
			vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable }, (_progress, token) => {
				const controller = new AbortController();
				const sub = token.onCancellationRequested(() => controller.abort());
				return task(controller.signal).finally(() => sub.dispose());
			}),
		);
	}

	windowProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
		return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, () => task()));
	}

	statusMessage(text: string): void {
		// Long enough to be read after a glance back from the editor; the next message replaces it anyway.
		vscode.window.setStatusBarMessage(text, STATUS_MESSAGE_MS);
	}
}
