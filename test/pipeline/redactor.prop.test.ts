/**
 * Pipeline properties over arbitrary strings (lone surrogates, astral characters, PHI-shaped
 * fragments): whatever the detectors report, the redactor's output keeps its promises.
 *
 * Runs with the built-in `patterns`, `phone`, `nlp` and `dictionary` families that are
 * registered and available, plus a
 * synthetic detector that deliberately misbehaves (overlapping, unsorted, out-of-bounds spans,
 * spans that split surrogate pairs) so the properties mean something before the real detectors
 * land and keep checking the pipeline's own clamping and resolution afterwards.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENTITY_TYPES, createRedactor, listDetectorFactories, type Detector, type Entity, type Redactor } from '../../src/index.js';
import { RESOLUTION_STRATEGIES } from '../../src/pipeline/resolve.js';

// The rule-based built-ins (the ONNX `ner` family is left out: heavy and optional).
const BUILTIN_IDS = ['patterns', 'phone', 'nlp', 'dictionary'];
/** PHI_GUARD_PROP_SCALE=20 runs twenty times as many cases (for a soak run, not CI). */
const SCALE = Math.max(1, Number(process.env.PHI_GUARD_PROP_SCALE ?? '1') || 1);

/** Emits sloppy candidates on purpose: the pipeline must clean them up. */
const sloppy: Detector = {
  id: 'sloppy',
  types: ['OTHER_ID', 'NAME', 'DATE'],
  detect(text) {
    const out: Entity[] = [];
    // Alphanumeric runs of 4+ with a digit: the kind of value the leak property checks.
    // Whole words only (a fake that cut words would make idempotency fail by its own fault:
    // fragments left beside a tag read differently to word-based detectors the second time).
    for (const m of text.matchAll(/[\p{L}\p{N}]*\p{N}[\p{L}\p{N}]*/gu)) {
      if (m[0].length >= 4) out.push({ type: 'OTHER_ID', start: m.index, end: m.index + m[0].length, score: 0.9, source: 'sloppy/run' });
    }
    for (const m of text.matchAll(/(?<![\p{L}\p{N}])(?:Alice|Bob)(?![\p{L}\p{N}])/gu)) {
      const end = m.index + m[0].length;
      out.push({ type: 'NAME', start: m.index, end, score: 0.8, source: 'sloppy/name' });
      // An overlapping, wider and weaker candidate that runs past either end of the text when
      // the name is at an edge (the pipeline clamps it); it stops short of a following word.
      if (!/[\p{L}\p{N}]/u.test(text.charAt(end + 1))) {
        out.push({ type: 'NAME', start: m.index - 1, end: end + 1, score: 0.6, source: 'sloppy/wide' });
      }
    }
    // Spans that start or end in the middle of a surrogate pair (chosen by code point, not by
    // position, so that the detector itself gives the same answer on redacted text).
    for (let i = 0; i + 1 < text.length; i++) {
      const c = text.charCodeAt(i);
      const d = text.charCodeAt(i + 1);
      if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff && (text.codePointAt(i) as number) % 2 === 0 && !/[\p{L}\p{N}]/u.test(text.slice(i, i + 2))) {
        // [i+1, i+2) is the low half alone; the pipeline must widen it to the whole pair. (Not
        // past it: a span that cut a word in two would leave fragments that a word-based
        // detector reads differently the second time, which is the fake's fault, not the
        // pipeline's.)
        out.push({ type: 'DATE', start: i + 1, end: i + 2, score: 0.7, source: 'sloppy/split' });
      }
    }
    return out.reverse(); // unsorted on purpose
  },
};

const LONE = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];
const FRAGMENTS = [
  'Alice', 'Bob', ' SSN 123-45-6789 ', ' DOB 03/14/1950 ', ' 2021-03-14 ', ' March 14, 2021 ', ' MRN 12345678 ',
  ' (617) 555-0142 ', ' fax 617-555-0199 ', ' jane.doe@example.com ', ' https://example.org/p?id=7 ',
  ' 192.168.10.4 ', ' 4111 1111 1111 1111 ', ' ZIP 02139 ', ' age 92 ', ' BP 120/80 ', ' [NAME] ', ' 1234 ',
  ' [IP_ADDRESS] ', '[NAME_2]', '[SSN:0123abcd]', ' Dr. John Smith ', ' Boston, MA ', ' Mercy Hospital ',
];
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 4, arbitrary: fc.constantFrom(' ', '-', '/', '.', ':', '\n', 'a', '7') },
  { weight: 2, arbitrary: fc.constantFrom(...LONE) },
  { weight: 2, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)) },
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
);
const textArb = fc.string({ unit, maxLength: 40 });

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
function onBoundary(text: string, i: number): boolean {
  return i <= 0 || i >= text.length || !(isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1)));
}

function checkEntities(text: string, entities: readonly Entity[]): void {
  let prevEnd = 0;
  for (const e of entities) {
    expect(Number.isInteger(e.start) && Number.isInteger(e.end)).toBe(true);
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeLessThanOrEqual(text.length);
    expect(e.end).toBeGreaterThan(e.start);
    expect(onBoundary(text, e.start) && onBoundary(text, e.end)).toBe(true);
    expect(e.start).toBeGreaterThanOrEqual(prevEnd); // sorted and non-overlapping
    expect(ENTITY_TYPES).toContain(e.type);
    expect(e.score).toBeGreaterThanOrEqual(0);
    expect(e.score).toBeLessThanOrEqual(1);
    expect(Object.keys(e).sort()).toEqual(['end', 'score', 'source', 'start', 'type']); // no matched text
    prevEnd = e.end;
  }
}

/** True when `value` occurs in `text` somewhere that overlaps no entity span. */
function occursOutside(text: string, value: string, entities: readonly Entity[]): boolean {
  for (let i = text.indexOf(value); i !== -1; i = text.indexOf(value, i + 1)) {
    const end = i + value.length;
    if (!entities.some((e) => e.start < end && i < e.end)) return true;
  }
  return false;
}

const TAGS = ENTITY_TYPES.map((t) => `[${t}]`);

describe('redactor properties', () => {
  const builtins: string[] = [];
  const redactors = new Map<string, Redactor>();

  beforeAll(async () => {
    for (const f of listDetectorFactories()) if (BUILTIN_IDS.includes(f.id) && (await f.available())) builtins.push(f.id);
    for (const resolution of RESOLUTION_STRATEGIES) {
      redactors.set(resolution, await createRedactor({ detectors: [...builtins, sloppy], resolution }));
    }
  });

  it('uses the synthetic detector plus whichever built-ins are registered', () => {
    expect(redactors.get('merge')?.detectors).toEqual([...builtins, 'sloppy']);
  });

  for (const resolution of RESOLUTION_STRATEGIES) {
    it(`never throws; entities in bounds, on code-point boundaries, sorted, disjoint (${resolution})`, async () => {
      const r = redactors.get(resolution) as Redactor;
      await fc.assert(
        fc.asyncProperty(textArb, async (text) => {
          const entities = await r.detect(text);
          checkEntities(text, entities);
          const res = await r.redact(text);
          checkEntities(text, res.entities);
          expect(res.entities).toEqual(entities);
        }),
        { numRuns: 150 * SCALE },
      );
    });
  }

  it('no detected value survives redaction', async () => {
    const r = redactors.get('merge') as Redactor;
    await fc.assert(
      fc.asyncProperty(textArb, async (text) => {
        const { text: out, entities } = await r.redact(text);
        for (const e of entities) {
          const value = text.slice(e.start, e.end);
          if (value.length < 4 || !/[\p{L}\p{N}]/u.test(value)) continue;
          // A value that is part of a tag ("NAME" in "[NAME]") is not a leak.
          if (TAGS.some((t) => t.includes(value))) continue;
          if (out.includes(value)) expect(occursOutside(text, value, entities)).toBe(true);
        }
      }),
      { numRuns: 200 * SCALE },
    );
  });

  it('redaction with the default tag operator is idempotent', async () => {
    const r = redactors.get('merge') as Redactor;
    await fc.assert(
      fc.asyncProperty(textArb, async (text) => {
        const once = (await r.redact(text)).text;
        const twice = (await r.redact(once)).text;
        expect(twice).toBe(once);
      }),
      { numRuns: 200 * SCALE },
    );
  });

  it('splices exactly: text outside entities is kept byte for byte', async () => {
    const r = redactors.get('merge') as Redactor;
    await fc.assert(
      fc.asyncProperty(textArb, async (text) => {
        const { text: out, entities } = await r.redact(text);
        let expected = '';
        let at = 0;
        for (const e of entities) {
          expected += text.slice(at, e.start) + `[${e.type}]`;
          at = e.end;
        }
        expect(out).toBe(expected + text.slice(at));
      }),
      { numRuns: 100 * SCALE },
    );
  });
});
