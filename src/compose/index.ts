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
