// A Disposable base with `_register`, as in VS Code's own extensions: a part owns what it creates and disposes
// it in reverse order.
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
	private readonly _disposables: vscode.Disposable[] = [];
	private _isDisposed = false;

	protected get isDisposed(): boolean {
		return this._isDisposed;
	}

	protected _register<T extends vscode.Disposable>(d: T): T {
		if (this._isDisposed) {
			d.dispose();
		} else {
			this._disposables.push(d);
		}
		return d;
	}

	dispose(): void {
		if (this._isDisposed) return;
		this._isDisposed = true;
		disposeAll(this._disposables);
	}
}

export function disposeAll(items: vscode.Disposable[]): void {
	while (items.length > 0) {
		try {
			items.pop()?.dispose();
		} catch {
			// One failing dispose must not keep the others alive.
		}
	}
}
