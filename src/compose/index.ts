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
export {
	type Expansion,
	expandTemplate,
	isoDate,
	MAX_TEMPLATE_BYTES,
	TEMPLATE_VARIABLES,
	TemplateError,
	type TemplateValues,
	type TemplateVariable,
} from './expandTemplate';
export {
	MAX_REPLIES,
	type ParsedReplies,
	parseRepliesFile,
	parseReplyTemplates,
	REPLIES_FILE,
	type ReplyProblem,
	type ReplySource,
	type ReplyTemplate,
} from './parseReplies';
