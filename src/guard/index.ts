// The public surface of src/guard (pure: no vscode): what a message would leak, and the message without it.
export { redact, redactText } from './redact';
export { type FindingCategory, type FindingKind, isPlaceholder } from './rules';
export { describeFinding, type Finding, type GuardOptions, hostPatternProblem, maskValue, scanText } from './scanText';
