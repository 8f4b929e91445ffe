import { PhiGuardError, isPhiGuardError } from '../../errors.js';

/**
 * Request-time failures of the HTTP adapters: one error class carrying an HTTP status and a
 * stable code. Messages name limits, sizes and offsets, never request text. The JSON body every
 * adapter answers with is `{ "error": { "code", "message", "requestId"?, "violations"? } }`.
 */
export const HTTP_ERROR_CODES = {
  E_BODY_JSON: { status: 400, message: 'Request body is not valid JSON' },
  E_BODY_ENCODING: { status: 400, message: 'Request body is not valid UTF-8' },
  E_BODY_SURROGATE: { status: 400, message: 'Request body contains a lone UTF-16 surrogate' },
  E_BODY_TOO_DEEP: { status: 400, message: 'Request body is nested too deeply' },
  E_BODY_TOO_LARGE: { status: 413, message: 'Request body is too large' },
  E_BODY_TOO_MANY_STRINGS: { status: 413, message: 'Request body has too many strings' },
  E_CONTENT_TYPE: { status: 415, message: 'Request body must be application/json' },
  E_CONTENT_ENCODING: { status: 415, message: 'Compressed request bodies are not accepted' },
  E_PROMPT_REJECTED: { status: 422, message: 'Prompt rejected by the validation policy' },
  E_BAD_PATH: { status: 400, message: 'Request path is not allowed' },
  E_DETECTOR_FAILED: { status: 503, message: 'Redaction failed; nothing was forwarded' },
  E_DETECTOR_UNAVAILABLE: { status: 503, message: 'Redaction is unavailable; nothing was forwarded' },
  E_TIMEOUT: { status: 503, message: 'Redaction timed out; nothing was forwarded' },
  E_VAULT: { status: 503, message: 'Placeholder vault is unavailable' },
  E_UPSTREAM_UNREACHABLE: { status: 502, message: 'Upstream could not be reached' },
  E_UPSTREAM_TIMEOUT: { status: 504, message: 'Upstream timed out' },
  E_UPSTREAM_BAD_RESPONSE: { status: 502, message: 'Upstream response could not be processed' },
  E_INTERNAL: { status: 500, message: 'Internal error; nothing was forwarded' },
} as const satisfies Record<string, { status: number; message: string }>;

export type HttpErrorCode = keyof typeof HTTP_ERROR_CODES;

export interface ViolationSummary {
  code: string;
  rule?: string;
  severity?: string;
  /** JSON Pointer of the field the violation was found in. */
  field?: string;
  start?: number;
  end?: number;
}

export class GuardHttpError extends PhiGuardError {
  readonly status: number;
  /** Express's error handler reads these two. */
  readonly statusCode: number;
  readonly expose = true;
  requestId?: string;
  readonly violations?: ViolationSummary[];

  constructor(code: HttpErrorCode, detail?: string, options?: { cause?: unknown; violations?: ViolationSummary[] }) {
    const info = HTTP_ERROR_CODES[code];
    super(code, detail ? `${info.message}: ${detail}` : info.message, { cause: options?.cause });
    this.status = info.status;
    this.statusCode = info.status;
    if (options?.violations) this.violations = options.violations;
  }

  override get name(): string {
    return 'GuardHttpError';
  }

  /** The JSON error body. */
  body(): { error: { code: string; message: string; requestId?: string; violations?: ViolationSummary[] } } {
    const error: { code: string; message: string; requestId?: string; violations?: ViolationSummary[] } = {
      code: this.code,
      message: this.message,
    };
    if (this.requestId) error.requestId = this.requestId;
    if (this.violations) error.violations = this.violations;
    return { error };
  }
}

/** Any failure as a GuardHttpError: core errors map to 503/400, anything else to 500 (fail closed). */
export function toHttpError(err: unknown): GuardHttpError {
  if (err instanceof GuardHttpError) return err;
  if (isPhiGuardError(err)) {
    const code = err.code;
    if (code === 'E_TIMEOUT') return new GuardHttpError('E_TIMEOUT', undefined, { cause: err });
    if (code === 'E_DETECTOR_UNAVAILABLE' || code === 'E_CONFIG') return new GuardHttpError('E_DETECTOR_UNAVAILABLE', undefined, { cause: err });
    if (code === 'E_INPUT_TOO_LARGE') return new GuardHttpError('E_BODY_TOO_LARGE', 'a field exceeds the redactor\'s maxInputLength', { cause: err });
    return new GuardHttpError('E_DETECTOR_FAILED', undefined, { cause: err });
  }
  return new GuardHttpError('E_INTERNAL');
}

/** The Web Response for an error. */
export function errorResponse(err: GuardHttpError, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set('content-type', 'application/json; charset=utf-8');
  h.set('cache-control', 'no-store');
  return new Response(JSON.stringify(err.body()), { status: err.status, headers: h });
}
