/**
 * The scan's token list, built by a small WebAssembly loop (tokens-simd.wat, 64-unit windows
 * read as bit masks, and tokens-scalar.wat for hosts without WebAssembly SIMD, compiled to the
 * bytes below; test/detectors/patterns/tokens.test.ts checks they match the sources). On clinical
 * notes most of the scan's time was the per-character JS walk over words that no rule acts on;
 * the loop walks the code units natively and lists only the tokens the scan must look at:
 *   - every alphanumeric run with a digit (kind 3 with a letter, 4 digits only),
 *   - every '@' (kind 5),
 *   - every letter run whose hash is in the scan's keyword table (after the same (first, last,
 *     length) filter the JS walk uses; kind 0), and every other letter run of 1-4 letters
 *     followed by ':' (kind 1, a possible IPv6 start), with the scan's hash of it.
 * On a 4 KB note that is about 150 of 640 tokens.
 * Each is 12 bytes: start | kind << 29, end, hash (UTF-16 offsets). The scan does the rest in
 * JS exactly as before, and walks the text itself wherever the list is not enough (a pending
 * identifier cue within its window, a family that stopped inside a run).
 *
 * Hosts that do not allow compiling WebAssembly from bytes (Cloudflare workerd) get no
 * tokenizer and the scan walks every character in JS; both give the same entities.
 */

/** Memory layout, bytes: token records, the length filter (1024 i32), the keyword table's hashes and slots, code units. */
export const TOKEN_CAP = 4096;
const FILTER_AT = 49152;
const HASHES_AT = 65536;
const SLOTS_AT = 98304;
/** Largest keyword table the memory layout holds (a longer cueWords list uses the JS walk). */
const MAX_TABLE = 8192;
export const CODES_AT = 131072;
/** The SIMD loop reads 64-unit windows (128 bytes) from any unit before the text's end: up to 124 bytes past the 0 unit after it. */
const SLACK = 128;
/** Longest text the tokenizer takes (start | kind << 29 needs start < 2^29); longer ones use the JS walk. */
const MAX_UNITS = 1 << 26;

/** tokens-simd.wat and tokens-scalar.wat, compiled (the test checks these against the sources). */
export const WASM_SIMD_BASE64 =
  'AGFzbQEAAAABCQFgBH9/f38BfwINAQFtBm1lbW9yeQIAAQMCAQAGBgF/AUEACwcTAgZyZXN1bWUDAAZ0b2tlbnMAAAqYCQGVCQMNfwt+DntBIP0PISRB4QD9DyElQRn9DyEmQTD9DyEnQQn9DyEoQcAA/Q8hKUGAgAggAEEBdGohBEGAgAggAUEBdGohBSACQQxsIQcCQANAIAQgBU8NASAGIAdPDQEgBP0ABAAgBP0ABBD9ZiEcIAT9AAQgIAT9AAQw/WYhHSAE/QAEQCAE/QAEUP1mIR4gBP0ABGAgBP0ABHD9ZiEfIBwgJ/1xICj9KiEgIB0gJ/1xICj9KiEhIB4gJ/1xICj9KiEiIB8gJ/1xICj9KiEjICD9ZCAh/WRBEHRyrSAi/WQgI/1kQRB0cq1CIIaEIRIgICAcICT9UCAl/XEgJv0q/VD9ZCAhIB0gJP1QICX9cSAm/Sr9UP1kQRB0cq0gIiAeICT9UCAl/XEgJv0q/VD9ZCAjIB8gJP1QICX9cSAm/Sr9UP1kQRB0cq1CIIaEIREgHCAp/SP9ZCAdICn9I/1kQRB0cq0gHiAp/SP9ZCAfICn9I/1kQRB0cq1CIIaEIRMgBSAEa0GAAUkEQEIBIAUgBGtBAXathkIBfSEaIBEgGoMhESATIBqDIRMLIBFCf1EEQCAEIQggEkIAUiEPIBJCf1IhECAEQYABaiEJA0AgCf0ABAAgCf0ABBD9ZiEcIBwgJ/1xICj9KiEgICD9ZCEOQf//AyAgIBwgJP1QICX9cSAm/Sr9UP1kcyENIA1BACANa3FBAWtB//8DcSENIA8gDiANcUEAR3IhDyAQIA0gDkF/c3FBAEdyIRAgDUH//wNGBEAgCUEgaiEJDAELIAkgDWlBAXRqIQkLIAkhBCAPRQ0BIAYgCEGAgAhrQQF2QQNBBCAQG0EddHI2AgAgBiAJQYCACGtBAXY2AgQgBkEANgIIIAZBDGohBgwBC0LAACEXIBFCAFMEQELAACARQn+FeX0hFyARQgEgF4ZCAX2DIRELIBMgESARQgGGQn+Fg4QhFSATIBEgEUIBiEJ/hYOEIRYgEiAThCEUA0AgFVAEQCAEIBenQQF0aiEEDAILIBV6IRggFnohGSAVIBVCAX2DIRUgFiAWQgF9gyEWIAQgGKdBAXRqIQggBCAZp0EBdEECamohCUICIBmGQgEgGIZ9IRoCQCAUIBqDQgBSBEAgEiAagyEbIBMgGoNCAFIhD0EFQQRBAyAbIBpRGyAPGyEKQQAhCwwBCyAZQgF8IBh9pyEMIAxBGE0gCC8BAEEfcUEFdCAJQQJrLwEAQR9xckECdCgCgIADIAx2cSENIAxBBE0gCS8BAEE6RnEhDiANIA5yRQ0BQQAhCyAIIQ8DQCALQR9sIA8vAQBBIHJqIQsgD0ECaiEPIA8gCUkNAAtBASEKIA1FDQAgCyADcSEPA0AgD0ECdCgCgIAGRQRAIA4NAgwDCyAPQQJ0KAKAgAQgC0YEQEEAIQoMAgsgD0EBaiADcSEPDAALCyAGIAhBgIAIa0EBdiAKQR10cjYCACAGIAlBgIAIa0EBdjYCBCAGIAs2AgggBkEMaiEGIAYgB0kNACAJIQQMAgsLCyAEIAVLBEAgBSEECyAEQYCACGtBAXYkACAGQQxuCw==';
export const WASM_SCALAR_BASE64 =
  'AGFzbQEAAAABCQFgBH9/f38BfwINAQFtBm1lbW9yeQIAAQMCAQAGBgF/AUEACwcTAgZyZXN1bWUDAAZ0b2tlbnMAAAq+BAG7BAELf0GAgAggAEEBdGohBEGAgAggAUEBdGohBSACQQxsIQkCQANAIAQgBU8NASAIIAlPDQEgBC8BACEGIAZBIHJB4QBrQRlNBEAgBCEHA0AgBEECaiEEIAQvAQAhBiAGQSByQeEAa0EZTQ0ACyAGQTBrQQlNBEADQCAEQQJqIQQgBC8BACEGIAZBMGtBCU0NACAGQSByQeEAa0EZTQ0AC0EDIQtBACEMBSAEIAdrQQF2IQ5BAiELIA5BGE0EQCAHLwEAQR9xQQV0IARBAmsvAQBBH3FyQQJ0KAKAgAMgDnZBAXEEQEEAIQsLCyALQQJGBEAgDkEETSAELwEAQTpGcQRAQQEhCwsLIAtBAkYNAkEAIQwgByENA0AgDEEfbCANLwEAQSByaiEMIA1BAmohDSANIARJDQALIAtFBEAgDCADcSENAkADQCANQQJ0KAKAgAZFBEAgDkEETSAELwEAQTpGcUUNBkEBIQsMAgsgDUECdCgCgIAEIAxGDQEgDUEBaiADcSENDAALCwsLBSAGQTBrQQlNBEAgBCEHQQQhCwNAIARBAmohBCAELwEAIQYgBkEwa0EJTQ0AIAZBIHJB4QBrQRlNBEBBAyELDAELC0EAIQwFIARBAmohBCAGQcAARw0CIARBAmshB0EFIQtBACEMCwsgCCAHQYCACGtBAXYgC0EddHI2AgAgCCAEQYCACGtBAXY2AgQgCCAMNgIIIAhBDGohCAwACwsgBEGAgAhrQQF2JAAgCEEMbgs=';

export type TokenizerKind = 'simd' | 'scalar' | 'off';
const compiled: Partial<Record<TokenizerKind, WebAssembly.Module | null>> = {};
let preferred: TokenizerKind = 'simd';

/**
 * Which tokenizer detectors created from now on use: tests compare all three paths ('simd',
 * its scalar twin for hosts without WebAssembly SIMD, 'off' = the JS walk). Not public API.
 */
export function setTokenizer(kind: TokenizerKind): void {
  preferred = kind;
}

function decodeBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function compile(kind: 'simd' | 'scalar'): WebAssembly.Module | null {
  let m = compiled[kind];
  if (m !== undefined) return m;
  try {
    m = typeof WebAssembly === 'object' ? new WebAssembly.Module(decodeBase64(kind === 'simd' ? WASM_SIMD_BASE64 : WASM_SCALAR_BASE64)) : null;
  } catch {
    // Runtime compilation refused (workerd), no SIMD, or no WebAssembly: the next path does the same job.
    m = null;
  }
  compiled[kind] = m;
  return m;
}

function compiledModule(): WebAssembly.Module | null {
  if (preferred === 'off') return null;
  return (preferred === 'simd' ? compile('simd') : null) ?? compile('scalar');
}

type RunTokens = (from: number, n: number, cap: number, mask: number) => number;

/** What the tokenizer needs of the scan's KeywordIndex. */
export interface KeywordFilter {
  readonly lengthsByEnds: Int32Array;
  readonly hashes: Int32Array;
  readonly slots: Int32Array;
  readonly mask: number;
}

/** One per detector: its own memory (the scan's code-unit buffer lives in it) and filter table. */
export class Tokenizer {
  private readonly memory: WebAssembly.Memory;
  private readonly run: RunTokens;
  private readonly resumeAt: WebAssembly.Global;
  private ab: ArrayBuffer;
  /** this.ab.byteLength, the memory's size. */
  private bytes: number;
  /** Token records of the last run() (a view; refreshed when the memory grows). */
  toks: Int32Array;
  private used = 0;

  private readonly mask: number;

  private constructor(mod: WebAssembly.Module, filter: KeywordFilter, units: number) {
    this.memory = new WebAssembly.Memory({ initial: Math.ceil((CODES_AT + (units + 1) * 2 + SLACK) / 65536) });
    const inst = new WebAssembly.Instance(mod, { m: { memory: this.memory } });
    this.run = inst.exports.tokens as RunTokens;
    this.resumeAt = inst.exports.resume as WebAssembly.Global;
    this.ab = this.memory.buffer;
    this.bytes = this.ab.byteLength;
    this.toks = new Int32Array(this.ab, 0, TOKEN_CAP * 3);
    new Int32Array(this.ab, FILTER_AT, 1024).set(filter.lengthsByEnds);
    new Int32Array(this.ab, HASHES_AT, filter.hashes.length).set(filter.hashes);
    new Int32Array(this.ab, SLOTS_AT, filter.slots.length).set(filter.slots);
    this.mask = filter.mask;
  }

  /** A tokenizer with room for `units` code units, or undefined when WebAssembly is unavailable. */
  static create(filter: KeywordFilter, units: number): Tokenizer | undefined {
    if (filter.hashes.length > MAX_TABLE || filter.slots.length !== filter.hashes.length || filter.mask !== filter.hashes.length - 1) return undefined;
    const mod = compiledModule();
    if (!mod) return undefined;
    try {
      return new Tokenizer(mod, filter, units);
    } catch {
      // No memory for the instance (or instantiation refused): the JS walk does the same job.
      return undefined;
    }
  }

  /**
   * Whether a text of `units` code units can be tokenized (memory grown as needed). Only this
   * method grows the memory, so its size is kept here: `memory.buffer` is an accessor call, and
   * two of them per detect() showed in profiles of 1 KB texts.
   */
  fits(units: number): boolean {
    if (units > MAX_UNITS) return false;
    const need = CODES_AT + (units + 1) * 2 + SLACK;
    if (need > this.bytes) {
      try {
        this.memory.grow(Math.ceil((need - this.bytes) / 65536));
      } catch {
        return false;
      }
      this.ab = this.memory.buffer;
      this.bytes = this.ab.byteLength;
      this.toks = new Int32Array(this.ab, 0, TOKEN_CAP * 3);
    }
    return true;
  }

  /** The memory's buffer; the views on it must be rebuilt when it changed (fits() grew it). */
  buffer(): ArrayBuffer {
    return this.ab;
  }

  /** Zeroes the token records the last calls wrote (they hold offsets and word hashes). */
  clear(): void {
    if (this.used > 0) this.toks.fill(0, 0, this.used * 3);
    this.used = 0;
  }

  /** Lists up to TOKEN_CAP tokens from `from` (a token boundary) into toks; returns the count. */
  tokens(from: number, n: number): number {
    const count = this.run(from, n, TOKEN_CAP, this.mask);
    if (count > this.used) this.used = count;
    return count;
  }

  /** Where the last tokens() call stopped (a token boundary; n when done). */
  resume(): number {
    return this.resumeAt.value as number;
  }
}
