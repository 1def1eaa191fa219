// Placeholder entry point; replaced by the extension core (connections, commands, views).
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
