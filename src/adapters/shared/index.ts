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
