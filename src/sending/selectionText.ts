// The message text of an editor's selections, shaped by `superofficeChat.selectionFormat`: what Send Selection posts,
// what Add Selection to Draft appends, and `{selection}` of a quick reply.
import * as vscode from 'vscode';
import { formatSelections } from '../compose';
import { selectionFormat } from '../core/config';

/** The message text of the editor's selections, or undefined when they hold nothing to send. */
export function selectionMessage(editor: vscode.TextEditor): string | undefined {
	const doc = editor.document;
	const result = formatSelections({
		selections: editor.selections.map((sel) => ({
			text: doc.getText(sel),
			startLine: sel.start.line,
			endLine: sel.end.line,
			startCharacter: sel.start.character,
			endCharacter: sel.end.character,
		})),
		languageId: doc.languageId,
		relativePath: doc.isUntitled ? undefined : vscode.workspace.asRelativePath(doc.uri),
		untitledName: doc.isUntitled ? doc.uri.path.split('/').pop() : undefined,
		format: selectionFormat(doc.uri),
		eol: doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
	});
	return result.text === '' ? undefined : result.text;
}
