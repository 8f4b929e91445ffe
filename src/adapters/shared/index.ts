/** Shared exports re-exported by every adapter entry point. */
export { GuardHttpError, HTTP_ERROR_CODES, errorResponse, type HttpErrorCode, type ViolationSummary } from './errors.js';
export { LLM_REQUEST_FIELDS, LLM_RESPONSE_FIELDS, type FieldSelection } from './fields.js';
export { HOP_BY_HOP_HEADERS } from './headers.js';
export { createMemoryVault, type MemoryVaultOptions, type PlaceholderVault } from './vault.js';
export {
  DEFAULT_GUARD_OPTIONS,
  type GuardOptions,
  type GuardScope,
  type PromptCheck,
  type PromptCheckResult,
  type ResponseMode,
} from './guard.js';
// The streaming core, for apps that call the model themselves.
export { createRestoreStream, DEFAULT_MAX_TOKEN_LENGTH, type RestoreStreamOptions } from '../../stream/restore.js';
export { createRedactStream, redactText, DEFAULT_ABBREVIATIONS, DEFAULT_REDACT_STREAM_OPTIONS, type RedactStreamOptions } from '../../stream/redact.js';
export { createLlmSseTransform, createLlmEventRewriter, type LlmStreamOptions } from '../../stream/llm.js';
export { createSseParser, formatSseItem, type SseItem, type SseEvent } from '../../stream/sse.js';
export type { TextTransform } from '../../stream/text.js';
