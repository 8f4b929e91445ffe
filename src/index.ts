/** phi-guard public API. Heavy parts (adapters, ONNX) live behind subpath exports. */
export { createRedactor, redact } from './pipeline/redactor.js';
export { ENTITY_TYPES, isEntityType } from './types.js';
export { createPlaceholderMap, exportPlaceholderEntries } from './operators/placeholder.js';
export { RESTRICTED_ZIP3 } from './operators/generalize.js';
export { DEFAULT_CONTEXT_WORDS } from './pipeline/context.js';
export { RESOLUTION_STRATEGIES } from './pipeline/resolve.js';
export { registerDetector, listDetectorFactories } from './detectors/registry.js';
export { DEFAULT_CLINICAL_STOP_WORDS, createStopList } from './detectors/clinical/stoplist.js';
export { DEFAULT_PATTERNS, DEFAULT_CUE_WORDS, PATTERN_FAMILIES, createPatternsDetector } from './detectors/patterns/index.js';
export { validatePrompt, createPromptValidator, VIOLATION_CODES, DEFAULT_PROMPT_POLICY } from './validate/index.js';
export {
  PhiGuardError,
  ConfigError,
  InputError,
  DetectorError,
  TimeoutError,
  isPhiGuardError,
} from './errors.js';
export { ExecutionProviderError } from './detectors/ner/runtime.js';

export type { Entity, EntityType, Detector, DetectContext, Operator, OperatorContext } from './types.js';
export type { Redactor, RedactorOptions, RedactCallOptions, RedactionResult } from './pipeline/redactor.js';
export type { PlaceholderMap, PlaceholderEntry } from './operators/placeholder.js';
export type { OperatorSpec, OperatorOption } from './operators/index.js';
export type { MaskOptions } from './operators/mask.js';
export type { HashOptions } from './operators/hash.js';
export type { GeneralizeOptions } from './operators/generalize.js';
export type { DenyTerm } from './pipeline/lists.js';
export type { ContextOptions } from './pipeline/context.js';
export type { ResolutionStrategy } from './pipeline/resolve.js';
export type { DetectorFactory } from './detectors/registry.js';
export type { PatternSpec, PatternsOptions, CueName } from './detectors/patterns/index.js';
export type { CustomPattern, CustomPatternOptions } from './detectors/custom/index.js';
export type { NlpDetectorOptions } from './detectors/nlp/index.js';
export type { DictionaryDetectorOptions } from './detectors/dictionary/index.js';
export type { ErrorCode } from './errors.js';
export type {
  Violation,
  ViolationCode,
  Severity,
  RuleFamily,
  PromptPolicy,
  PromptValidationResult,
  PromptValidator,
  ContentFiltering,
} from './validate/index.js';
