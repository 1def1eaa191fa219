// The public surface of src/compose (pure: no vscode). Import from here.
export {
	type ComposeRecipient,
	composeDocumentHeader,
	ENGLISH_HEADER_LABELS,
	HEADER_SEPARATOR,
	type HeaderLabels,
	isHeaderSeparator,
	type ParsedComposedDocument,
	parseComposedDocument,
	recipientLine,
} from './composedDocument';
export {
	cleanSelection,
	fenceFor,
	type FormatSelectionsInput,
	type FormatSelectionsResult,
	type FormattedPart,
	formatSelections,
	isSelectionFormat,
	lineRangeLabel,
	SELECTION_FORMATS,
	type SelectionFormat,
	type SelectionInput,
} from './formatSelections';
export { DEFAULT_PREVIEW_WIDTH, type Preview, previewLines, summarize, type TextSummary } from './preview';
export { normalizeEol } from './text';
export { describePosition, findInvalidUnicode, type TextPosition } from '../shared/unicode';
