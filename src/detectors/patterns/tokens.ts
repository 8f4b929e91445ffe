/**
 * The scan's token list, built by a small WebAssembly loop (tokens.wat, compiled to the bytes
 * below; test/detectors/patterns/tokens.test.ts checks they match). On clinical notes most of
 * the scan's time was the per-character JS walk over words that no rule acts on; the loop walks
 * the code units natively and lists only the tokens the scan must look at:
 *   - every alphanumeric run with a digit (kind 3 with a letter, 4 digits only),
 *   - every '@' (kind 5),
 *   - every letter run that passes the keyword table's (first, last, length) filter (kind 0) or
 *     is followed by ':' (kind 1), with the scan's hash of it.
 * Each is 12 bytes: start | kind << 29, end, hash (UTF-16 offsets). The scan does the rest in
 * JS exactly as before, and walks the text itself wherever the list is not enough (a pending
 * identifier cue within its window, a family that stopped inside a run).
 *
 * Hosts that do not allow compiling WebAssembly from bytes (Cloudflare workerd) get no
 * tokenizer and the scan walks every character in JS; both give the same entities.
 */

/** Memory layout, bytes: token records, the length filter (1024 i32), code units. */
export const TOKEN_CAP = 4096;
const FILTER_AT = 49152;
export const CODES_AT = 65536;
/** The SIMD loop reads 16 bytes at a time, up to 14 past the 0 unit after the text (always 0). */
const SLACK = 16;
/** Longest text the tokenizer takes (start | kind << 29 needs start < 2^29); longer ones use the JS walk. */
const MAX_UNITS = 1 << 26;

/** tokens-simd.wat and tokens-scalar.wat, compiled (the test checks these against the sources). */
export const WASM_SIMD_BASE64 =
  'AGFzbQEAAAABCAFgA39/fwF/Ag0BAW0GbWVtb3J5AgABAwIBAAYGAX8BQQALBxMCBnJlc3VtZQMABnRva2VucwAACuYFAeMFAwp/AXsFf0GAgAQgAEEBdGohA0GAgAQgAUEBdGohBCACQQxsIQgCQANAIAMgBE8NASAHIAhPDQEgA/0ABAAhDSAN/QwgACAAIAAgACAAIAAgACAA/VD9DGEAYQBhAGEAYQBhAGEAYQD9kQH9DBkAGQAZABkAGQAZABkAGQD9NP2EASAN/QwwADAAMAAwADAAMAAwADAA/ZEB/QwJAAkACQAJAAkACQAJAAkA/TT9hAFyIA39DEAAQABAAEAAQABAAEAAQAD9Lf2EAXIhECAQRQRAIANBEGohAwwBCyADIBBoQQF0aiEDIAMgBE8NASADIQYgAy8BAEHAAEYEQCADQQJqIQNBBSEJQQAhCgVBACERQQAhEgNAIAP9AAQAIQ0gDf0MIAAgACAAIAAgACAAIAAgAP1Q/QxhAGEAYQBhAGEAYQBhAGEA/ZEB/QwZABkAGQAZABkAGQAZABkA/TT9hAEhDiAN/QwwADAAMAAwADAAMAAwADAA/ZEB/QwJAAkACQAJAAkACQAJAAkA/TT9hAEhDyAOIA9yQf8Bc0H/AXEhECAQRQRAIBEgDnIhESASIA9yIRIgA0EQaiEDDAELCyAQQQAgEGtxQQFrIRAgESAOIBBxciERIBIgDyAQcXIhEiADIBBpQQF0aiEDIBIEQEEDQQQgERshCUEAIQoFIAMgBmtBAXYhDEECIQkgDEEYTQRAIAYvAQBBIHJBH3FBBXQgA0ECay8BAEEgckEfcXJBAnQoAoCAAyAMdkEBcQRAQQAhCQsLIAlBAkYEQCADLwEAQTpGBEBBASEJCwsgCUECRg0CQQAhCiAGIQsDQCAKQR9sIAsvAQBBIHJqIQogC0ECaiELIAsgA0kNAAsLCyAHIAZBgIAEa0EBdiAJQR10cjYCACAHIANBgIAEa0EBdjYCBCAHIAo2AgggB0EMaiEHDAALCyADIARLBEAgBCEDCyADQYCABGtBAXYkACAHQQxuCw==';
export const WASM_SCALAR_BASE64 =
  'AGFzbQEAAAABCAFgA39/fwF/Ag0BAW0GbWVtb3J5AgABAwIBAAYGAX8BQQALBxMCBnJlc3VtZQMABnRva2VucwAACugDAeUDAQp/QYCABCAAQQF0aiEDQYCABCABQQF0aiEEIAJBDGwhCAJAA0AgAyAETw0BIAcgCE8NASADLwEAIQUgBUEgckHhAGtBGU0EQCADIQYDQCADQQJqIQMgAy8BACEFIAVBIHJB4QBrQRlNDQALIAVBMGtBCU0EQANAIANBAmohAyADLwEAIQUgBUEwa0EJTQ0AIAVBIHJB4QBrQRlNDQALQQMhCUEAIQoFIAMgBmtBAXYhDEECIQkgDEEYTQRAIAYvAQBBIHJBH3FBBXQgA0ECay8BAEEgckEfcXJBAnQoAoCAAyAMdkEBcQRAQQAhCQsLIAVBOkYEQCAJQQJGBEBBASEJCwsgCUECRg0CQQAhCiAGIQsDQCAKQR9sIAsvAQBBIHJqIQogC0ECaiELIAsgA0kNAAsLBSAFQTBrQQlNBEAgAyEGQQQhCQNAIANBAmohAyADLwEAIQUgBUEwa0EJTQ0AIAVBIHJB4QBrQRlNBEBBAyEJDAELC0EAIQoFIANBAmohAyAFQcAARw0CIANBAmshBkEFIQlBACEKCwsgByAGQYCABGtBAXYgCUEddHI2AgAgByADQYCABGtBAXY2AgQgByAKNgIIIAdBDGohBwwACwsgA0GAgARrQQF2JAAgB0EMbgs=';

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

type RunTokens = (from: number, n: number, cap: number) => number;

/** One per detector: its own memory (the scan's code-unit buffer lives in it) and filter table. */
export class Tokenizer {
  private readonly memory: WebAssembly.Memory;
  private readonly run: RunTokens;
  private readonly resumeAt: WebAssembly.Global;
  private ab: ArrayBuffer;
  /** Token records of the last run() (a view; refreshed when the memory grows). */
  toks: Int32Array;
  private used = 0;

  private constructor(mod: WebAssembly.Module, filter: Int32Array, units: number) {
    this.memory = new WebAssembly.Memory({ initial: Math.ceil((CODES_AT + (units + 1) * 2 + SLACK) / 65536) });
    const inst = new WebAssembly.Instance(mod, { m: { memory: this.memory } });
    this.run = inst.exports.tokens as RunTokens;
    this.resumeAt = inst.exports.resume as WebAssembly.Global;
    this.ab = this.memory.buffer;
    this.toks = new Int32Array(this.ab, 0, TOKEN_CAP * 3);
    new Int32Array(this.ab, FILTER_AT, 1024).set(filter);
  }

  /** A tokenizer with room for `units` code units, or undefined when WebAssembly is unavailable. */
  static create(filter: Int32Array, units: number): Tokenizer | undefined {
    const mod = compiledModule();
    return mod ? new Tokenizer(mod, filter, units) : undefined;
  }

  /** Whether a text of `units` code units can be tokenized (memory grown as needed). */
  fits(units: number): boolean {
    if (units > MAX_UNITS) return false;
    const need = CODES_AT + (units + 1) * 2 + SLACK;
    if (need > this.memory.buffer.byteLength) {
      try {
        this.memory.grow(Math.ceil((need - this.memory.buffer.byteLength) / 65536));
      } catch {
        return false;
      }
    }
    return true;
  }

  /** The memory's buffer; the views on it must be rebuilt when it changed (the memory grew). */
  buffer(): ArrayBuffer {
    if (this.memory.buffer !== this.ab) {
      this.ab = this.memory.buffer;
      this.toks = new Int32Array(this.ab, 0, TOKEN_CAP * 3);
    }
    return this.ab;
  }

  /** Zeroes the token records the last calls wrote (they hold offsets and word hashes). */
  clear(): void {
    if (this.used > 0) this.toks.fill(0, 0, this.used * 3);
    this.used = 0;
  }

  /** Lists up to TOKEN_CAP tokens from `from` (a token boundary) into toks; returns the count. */
  tokens(from: number, n: number): number {
    const count = this.run(from, n, TOKEN_CAP);
    if (count > this.used) this.used = count;
    return count;
  }

  /** Where the last tokens() call stopped (a token boundary; n when done). */
  resume(): number {
    return this.resumeAt.value as number;
  }
}
