import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createPatternsDetector, type PatternsOptions } from '../../../src/detectors/patterns/index.js';
import { buildKeywordTable } from '../../../src/detectors/patterns/keywords.js';
import { KeywordIndex } from '../../../src/detectors/patterns/shared.js';
import {
  CODES_AT,
  TOKEN_CAP,
  Tokenizer,
  WASM_SCALAR_BASE64,
  WASM_SIMD_BASE64,
  setTokenizer,
  type KeywordFilter,
  type TokenizerKind,
} from '../../../src/detectors/patterns/tokens.js';
import { ENTITY_TYPES, type EntityType } from '../../../src/types.js';

/**
 * The scan's three paths (the SIMD token list, its scalar twin, the JS walk every character)
 * must give the same entities; the committed bytes must be the compiled .wat sources.
 */
const src = (name: string) => fileURLToPath(new URL(`../../../src/detectors/patterns/${name}`, import.meta.url));

afterEach(() => setTokenizer('simd'));

function detectors(options?: PatternsOptions) {
  const out: Record<TokenizerKind, ReturnType<typeof createPatternsDetector>> = {} as never;
  for (const k of ['simd', 'scalar', 'off'] as const) {
    setTokenizer(k);
    out[k] = createPatternsDetector(options);
  }
  setTokenizer('simd');
  return out;
}

const all = { types: new Set<EntityType>(ENTITY_TYPES) };

function same(d: ReturnType<typeof detectors>, text: string, ctx = all): void {
  const want = d.off.detect(text, ctx);
  expect(d.simd.detect(text, ctx)).toEqual(want);
  expect(d.scalar.detect(text, ctx)).toEqual(want);
}

describe('patterns tokenizer', () => {
  it('ships the compiled tokens-simd.wat and tokens-scalar.wat', async () => {
    const wabt = await (await import('wabt')).default();
    for (const [file, b64] of [['tokens-simd.wat', WASM_SIMD_BASE64], ['tokens-scalar.wat', WASM_SCALAR_BASE64]] as const) {
      const mod = wabt.parseWat(file, readFileSync(src(file), 'utf8'), { simd: true });
      mod.validate();
      expect(Buffer.from(mod.toBinary({}).buffer).toString('base64')).toBe(b64);
      mod.destroy();
    }
  });

  it('compiles here (Node has WebAssembly SIMD)', () => {
    expect(WebAssembly.validate(Buffer.from(WASM_SIMD_BASE64, 'base64'))).toBe(true);
    expect(WebAssembly.validate(Buffer.from(WASM_SCALAR_BASE64, 'base64'))).toBe(true);
  });

  const FRAGMENTS = [
    'MRN: ', 'MR# ', 'mrn', 'SSN ', '123-45-6789', '3/14/2021 14:30', '7/22', "'92", '92 yo', 'age 95', 'ninety-two', 'john@ex.com', '@', '@@',
    'www.ex.org', 'https://a.org/x', 'ex.com', '192.168.0.1', 'fe80::1', 'dead:beef::1', 'abc:', 'abcdef:', 'Boston, MA 02114', '123 Main St',
    'PO Box 5', '4111 1111 1111 1111', 'NPI 1234567893', 'GB82 WEST 1234 5698 7654 32', 'VIN 1HGCM82633A004352', 'DEA AB1234563',
    'Member ID: ', 'plate ', 'ABC 1234', 'Serial #: ', 'Acct no. ', 'account number', 'no ', 'No.', 'id ', 'on ', 'in ', 'since ', 'the 22nd',
    '14 Mar 2021', 'March 14, 2021', 'in September', 'MR-0012345', 'AB-123', 'abcdefghijklmnopqrstuvwxyz', 'Abcdefgh', 'abcdefg1',
    'PID|1||12345^^^H||Doe^J||19800101|M|||1 Main St^^Town^MA^02114||||||A123|123-45-6789\n', 'MRN,Name,DOB\n12345678,Doe,1/2/1980\n',
    '-', '/', '.', ' ', '  ', '\n', '\t', '#', ':', '|', ',', "'", '\uD83D\uDE00', '\uD800', '\uDC00', 'é', 'Ünï', '\u00A0', '\uFF21', '\u0130',
    '0', '9', '12', '2021', '20210314', 'Mar', 'may', 'x', 'Z', 'ab', 'room #412', 'x3', 'v2', '98.6', '120/80',
  ];
  const text = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((a) => a.join(''));
  const options = fc.constantFrom<PatternsOptions | undefined>(
    undefined, { window: 0 }, { window: 200 }, { yearAlone: false }, { families: ['dates', 'mrn', 'ip'] }, { cueWords: { mrn: ['zq'] } },
  );

  it('gives the same entities on all three paths', () => {
    const cache = new Map<string, ReturnType<typeof detectors>>();
    fc.assert(
      fc.property(text, options, fc.boolean(), (t, o, upper) => {
        const key = JSON.stringify(o ?? null);
        let d = cache.get(key);
        if (!d) cache.set(key, (d = detectors(o)));
        same(d, upper ? t.toUpperCase() : t);
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the same entities for a subset of types', () => {
    const d = detectors();
    const ctx = { types: new Set<EntityType>(['DATE', 'MRN', 'EMAIL']) };
    fc.assert(fc.property(text, (t) => same(d, t, ctx)), { numRuns: 300 });
  });

  it('reads texts with more tokens than one batch, and texts longer than the kept buffer', () => {
    const d = detectors();
    const many = 'MRN: 12345678 seen on 3/4/2020 by dr x@y.org, ip 10.0.0.1; '.repeat(Math.ceil((TOKEN_CAP * 2) / 10));
    same(d, many);
    expect((d.simd.detect(many, all) as unknown[]).length).toBeGreaterThan(100);
    const big = 'Admitted 3/14/2021. MRN 1234567. '.repeat(3000) + 'Acct no. 55512345 '.repeat(10);
    expect(big.length).toBeGreaterThan(1 << 16);
    same(d, big);
    // The memory grown for the big text still serves small ones.
    same(d, 'DOB: 01/02/1980, SSN 123-45-6789');
  });

  // The records themselves (not only the entities): the SIMD loop reads 64-unit windows, so
  // runs across window edges, runs of 64+ units, the text's end at every lane and the cap matter.
  function records(tk: Tokenizer, text: string, from: number): number[] {
    expect(tk.fits(text.length)).toBe(true);
    const codes = new Uint16Array(tk.buffer(), CODES_AT, text.length + 1);
    for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
    const out: number[] = [];
    for (let guard = 0; from < text.length && guard < 1000; guard++) {
      const count = tk.tokens(from, text.length);
      from = tk.resume();
      out.push(count, from, ...tk.toks.subarray(0, count * 3));
    }
    codes.fill(0);
    tk.clear();
    return out;
  }

  function tokenizers(filter: KeywordFilter): [Tokenizer, Tokenizer] {
    setTokenizer('simd');
    const simd = Tokenizer.create(filter, 1 << 12);
    setTokenizer('scalar');
    const scalar = Tokenizer.create(filter, 1 << 12);
    setTokenizer('simd');
    if (!simd || !scalar) throw new Error('no tokenizer');
    return [simd, scalar];
  }

  const hashOf = (w: string) => [...w].reduce((h, c) => (Math.imul(h, 31) + (c.charCodeAt(0) | 32)) | 0, 0);
  /** Every letter run passes the (first, last, length) filter; the table holds a few words. */
  function openFilter(words: string[]): KeywordFilter {
    const hashes = new Int32Array(64);
    const slots = new Int32Array(64);
    words.forEach((w, n) => {
      let i = hashOf(w) & 63;
      while (slots[i] !== 0) i = (i + 1) & 63;
      slots[i] = n + 1;
      hashes[i] = hashOf(w);
    });
    return { lengthsByEnds: new Int32Array(1024).fill(-1), hashes, slots, mask: 63 };
  }

  const UNITS = ['a', 'Z', 'mrn', 'May', 'abc', 'x1', '7', '42', '@', ':', ' ', '.', '-', '\n', '\u00e9', '\u0130', '\uff21', '\u8000', '\uD83D\uDE00', '\uD800'];
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...UNITS) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'B', '5'), fc.integer({ min: 1, max: 140 })).map(([c, n]) => c.repeat(n)) },
  );
  const rawText = fc.array(piece, { maxLength: 120 }).map((a) => a.join(''));

  it('lists the same records and resume points on the SIMD and scalar loops', () => {
    const pairs = [tokenizers(new KeywordIndex(buildKeywordTable())), tokenizers(openFilter(['abc', 'may', 'mrn', 'z', 'aaaa']))];
    fc.assert(
      fc.property(rawText, fc.nat(), (t, f) => {
        const from = t.length > 0 ? f % t.length : 0;
        for (const [simd, scalar] of pairs) {
          expect(records(simd, t, 0)).toEqual(records(scalar, t, 0));
          expect(records(simd, t, from)).toEqual(records(scalar, t, from));
        }
      }),
      { numRuns: 1500 },
    );
    // More tokens than one call lists, and the text's end at every lane of a window.
    const many = '1 ab: mrn @ x9 '.repeat(TOKEN_CAP);
    for (const [simd, scalar] of pairs) {
      expect(records(simd, many, 0)).toEqual(records(scalar, many, 0));
      for (let n = 0; n < 200; n++) expect(records(simd, many.slice(0, n), 0)).toEqual(records(scalar, many.slice(0, n), 0));
    }
  });
});
