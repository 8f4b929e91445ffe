/**
 * The two small interfaces everything plugs into (detectors and operators), and the data they
 * exchange. Entities never carry the matched text: only where it is, what it is, how sure we are
 * and who found it, so an entity list can be logged, audited or returned to a caller safely.
 */

/** Canonical entity types: the 18 HIPAA Safe Harbor identifier kinds plus common PII. */
export const ENTITY_TYPES = [
  'NAME',
  'LOCATION',
  'ZIP_CODE',
  'ORGANIZATION',
  'DATE',
  'AGE',
  'PHONE',
  'FAX',
  'EMAIL',
  'SSN',
  'MRN',
  'HEALTH_PLAN_ID',
  'ACCOUNT_NUMBER',
  'LICENSE_NUMBER',
  'VEHICLE_ID',
  'DEVICE_ID',
  'URL',
  'IP_ADDRESS',
  'BIOMETRIC_ID',
  'OTHER_ID',
  'CREDIT_CARD',
  'NPI',
  'IBAN',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

const ENTITY_TYPE_SET: ReadonlySet<string> = new Set(ENTITY_TYPES);

/** True when `value` is one of {@link ENTITY_TYPES}. */
export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && ENTITY_TYPE_SET.has(value);
}

/**
 * One detected identifier. `start`/`end` are UTF-16 offsets into the input (`end` exclusive),
 * always on code-point boundaries. `source` names the detector (and pattern) that found it,
 * e.g. `patterns/ssn`, `phone`, `nlp`.
 */
export interface Entity {
  type: EntityType;
  start: number;
  end: number;
  score: number;
  source: string;
}

/** What a detector gets besides the text. Shared, read-only, computed once per call. */
export interface DetectContext {
  /** Entity types the caller asked for; detectors may skip work for types not listed. */
  readonly types: ReadonlySet<EntityType>;
  /** Aborted when the caller's deadline passes; long-running detectors should check it. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Scratch space for one call, shared by the detectors that run on it (e.g. one tokenization
   * for several detectors), keyed by a name its user owns. The pipeline creates a new one per
   * call; detectors must work without it.
   */
  readonly shared?: Map<string, unknown> | undefined;
}

/** A detector family. Plug-ins implement this and register under an id. */
export interface Detector {
  /** Stable id, e.g. 'patterns', 'phone', 'nlp', 'dictionary', 'ner'. Appears in audit events. */
  readonly id: string;
  /** Entity types this detector can emit. */
  readonly types: readonly EntityType[];
  /** Lazy, idempotent loading of models and dictionaries. */
  load?(): Promise<void>;
  /** Find candidates. Offsets are UTF-16 into `text`. Must not throw on any string. */
  detect(text: string, ctx: DetectContext): Entity[] | Promise<Entity[]>;
}

/** State an operator may keep for the duration of one redaction call (or a shared session). */
export interface OperatorContext {
  /** The entity being replaced. */
  readonly entity: Entity;
  /** The whole input text (for operators that look around the entity). */
  readonly text: string;
  /** Per-call scratch space, keyed by operator name. */
  readonly state: Map<string, unknown>;
}

/** A replacement strategy. `apply` returns the text that replaces `value`. */
export interface Operator {
  readonly name: string;
  /** True when `reverse` can recover the original for an authorised caller. */
  readonly reversible: boolean;
  apply(value: string, ctx: OperatorContext): string;
  reverse?(token: string, ctx: OperatorContext): string | undefined;
}
