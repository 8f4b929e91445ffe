/**
 * One error base class with subclasses, each with a stable `code`. Messages describe what went
 * wrong in terms of options, sizes, offsets, line numbers and detector ids: never the input text,
 * which may be PHI. `cause` is kept for debugging but is scrubbed of text by the thrower.
 */

export type ErrorCode =
  | 'E_CONFIG'
  | 'E_INPUT_TYPE'
  | 'E_INPUT_TOO_LARGE'
  | 'E_DETECTOR_FAILED'
  | 'E_DETECTOR_UNAVAILABLE'
  | 'E_TIMEOUT'
  | 'E_PATTERN'
  | (string & {});

const BRAND = Symbol.for('phi-guard.error');

export class PhiGuardError extends Error {
  readonly code: ErrorCode;
  readonly [BRAND] = true;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  override get name(): string {
    return 'PhiGuardError';
  }

  /** Structured form for logs: code and message only. */
  toJSON(): { name: string; code: string; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }
}

/** True for any phi-guard error, even across duplicated copies of the package. */
export function isPhiGuardError(value: unknown): value is PhiGuardError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** Invalid options. The message names the option and what was expected. */
export class ConfigError extends PhiGuardError {
  readonly option: string;
  constructor(option: string, expected: string, options?: { cause?: unknown }) {
    super('E_CONFIG', `Invalid option "${option}": expected ${expected}`, options);
    this.option = option;
  }
  override get name(): string {
    return 'ConfigError';
  }
}

/** The input is not a string, or is larger than allowed. Never carries the input. */
export class InputError extends PhiGuardError {
  constructor(code: 'E_INPUT_TYPE' | 'E_INPUT_TOO_LARGE' | (string & {}), message: string) {
    super(code, message);
  }
  override get name(): string {
    return 'InputError';
  }
}

/** A detector threw or could not load: the request fails closed. */
export class DetectorError extends PhiGuardError {
  readonly detector: string;
  constructor(
    detector: string,
    message: string,
    options?: { cause?: unknown; code?: 'E_DETECTOR_FAILED' | 'E_DETECTOR_UNAVAILABLE' },
  ) {
    super(options?.code ?? 'E_DETECTOR_FAILED', message, { cause: options?.cause });
    this.detector = detector;
  }
  override get name(): string {
    return 'DetectorError';
  }
}

/** The configured deadline passed before detection finished: fail closed. */
export class TimeoutError extends PhiGuardError {
  constructor(message: string) {
    super('E_TIMEOUT', message);
  }
  override get name(): string {
    return 'TimeoutError';
  }
}

/**
 * Strip anything that might be input text from a third-party error before keeping it as a
 * `cause`: keep the constructor name only. Third-party messages (JSON.parse, regex engines,
 * onnxruntime) routinely quote their input.
 */
export function scrubCause(err: unknown): Error {
  const name = err instanceof Error ? err.constructor.name : typeof err;
  const safe = new Error(`${name} (message withheld: may contain input text)`);
  safe.name = name;
  return safe;
}
