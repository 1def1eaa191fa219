// The public surface of the client (Contract 1). Import from here, not from the files behind it.
export { isLoopbackHost, normalizeBaseUrl } from './baseUrl';
export { ChatClient } from './chatClient';
export { type Credentials, redact, secretsOf } from './credentials';
export { ApiError, type ApiErrorKind, isApiError, parseRetryAfter } from './errors';
export { type ChatClientOptions, type LocaleHeaders, type RequestOptions, type TraceEvent } from './options';
export { describePosition, findInvalidUnicode, type TextPosition } from '../shared/unicode';
export { matchReadBack, normalizeForReadBack, type ReadBackQuery } from './readBack';
export { MAX_ASSOCIATE_NAME_LENGTH, type MessageDraft, validateDraft } from './validation';
export * from './types';
