// The public surface of src/compose (pure: no vscode). Import from here.
export {
	type ComposeRecipient,
	composeDocumentHeader,
	HEADER_SEPARATOR,
	type HeaderLabels,
	parseComposedDocument,
} from './composedDocument';
export {
	fenceFor,
	type FormatSelectionsInput,
	formatSelections,
	isSelectionFormat,
	lineRangeLabel,
	type SelectionInput,
} from './formatSelections';
export { previewLines, measureText } from './preview';
export {} from './text';
