import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPatternsDetector } from '../../../src/detectors/patterns/index.js';
import { buildKeywordTable } from '../../../src/detectors/patterns/keywords.js';
import { ENTITY_TYPES, type Entity, type EntityType } from '../../../src/types.js';

/**
 * Invariants the scan's shortcuts rely on (see the scan loop in src/detectors/patterns/index.ts):
 * a word that is no keyword, with no pending cue in reach and no ':' after it, changes nothing,
 * so the loop may pass it without a handler call; and what the families read is the text's
 * code units, whatever string representation the caller passes.
 */
const detector = createPatternsDetector();
const ctx = { types: new Set<EntityType>(ENTITY_TYPES) };

const FRAGMENTS = [
  'MRN: ', 'MR# ', 'SSN ', '123-45-6789', '3/14/2021 14:30', '7/22', "'92", '92 yo', 'age 95', 'ninety-two years old', 'john@ex.com',
  'www.ex.org', 'https://a.org/x', 'ex.com', '192.168.0.1', 'fe80::1', 'dead:beef::1', 'Boston, MA 02114', '123 Main St', 'PO Box 5',
  '4111 1111 1111 1111', 'NPI 1234567893', 'GB82 WEST 1234 5698 7654 32', 'VIN 1HGCM82633A004352', 'DEA AB1234563', 'Member ID: ',
  'plate ', 'Serial #: ', 'Acct no. ', 'no ', 'id ', 'on ', 'in ', 'since ', 'the 22nd', '14 Mar 2021', 'March 14, 2021', 'in September',
  'PID|1||12345^^^H||Doe^J||19800101|M|||1 Main St^^Town^MA^02114||||||A123|123-45-6789\n', 'MRN,Name,DOB\n12345678,Doe,1/2/1980\n',
  '-', '/', '.', ' ', '  ', '\n', '\t', '#', ':', '|', ',', "'", '\uD83D\uDE00', '\uD800', '\uDC00', 'é', '0', '9', '12', '2021', '20210314',
  'Mar', 'may', 'x', 'Z', 'ab', 'MR-0012345', 'AB-123',
];
const phiLike = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((a) => a.join(''));

// Filler words: letters only, never a keyword, a phrase word or a unit (so nothing the scan or
// a family looks back for), and from letters that spell none of the substrings the date family
// searches around a candidate (pain, peep, vent, ...).
const KNOWN = new Set<string>();
for (const list of buildKeywordTable().values()) for (const k of list) for (const w of [k.word, ...k.before]) KNOWN.add(w);
const fillerWord = fc
  .array(fc.constantFrom('z', 'q', 'x', 'j', 'k', 'w', 'Z', 'Q', 'X', 'J', 'K', 'W'), { minLength: 3, maxLength: 8 })
  .map((a) => a.join(''))
  .filter((w) => !KNOWN.has(w.toLowerCase()));
const filler = fc.array(fillerWord, { minLength: 1, maxLength: 40 }).map((ws) => `${ws.join(' ')}\n`);

function shifted(list: Entity[], by: number): Entity[] {
  return list.map((e) => ({ ...e, start: e.start + by, end: e.end + by }));
}

describe('patterns scan invariants', () => {
  it('a prefix of filler words and a line break shifts every entity and changes nothing else', () => {
    fc.assert(
      fc.property(filler, phiLike, (f, t) => {
        expect(detector.detect(f + t, ctx)).toEqual(shifted(detector.detect(t, ctx) as Entity[], f.length));
      }),
      { numRuns: 1500 },
    );
  });

  it('filler words between two fragments change only the offsets after them', () => {
    fc.assert(
      fc.property(phiLike, filler, phiLike, (a, f, b) => {
        // Only when the first part cannot reach into the second (no pending cue or date run
        // across the filler): compare against the two parts scanned alone.
        const whole = detector.detect(`${a}\n${f}${b}`, ctx) as Entity[];
        const left = whole.filter((e) => e.start < a.length + 1);
        const right = whole.filter((e) => e.start >= a.length + 1 + f.length);
        expect(left.length + right.length).toBe(whole.length);
        const alone = detector.detect(`${a}\n`, ctx) as Entity[];
        expect(left).toEqual(alone);
      }),
      { numRuns: 800 },
    );
  });

  it('the result does not depend on the string representation (flat, sliced, cons, two-byte)', () => {
    fc.assert(
      fc.property(phiLike, (t) => {
        const expected = detector.detect(t, ctx);
        const padded = `\u20AC${t}\u20AC`; // two-byte parent
        const sliced = padded.slice(1, padded.length - 1);
        const cons = t.length > 1 ? t.slice(0, t.length >> 1) + t.slice(t.length >> 1) : t;
        const long = `${'x '.repeat(20)}${t}`.slice(40); // a sliced string of a one-byte parent
        expect(detector.detect(sliced, ctx)).toEqual(expected);
        expect(detector.detect(cons, ctx)).toEqual(expected);
        expect(detector.detect(long, ctx)).toEqual(expected);
      }),
      { numRuns: 600 },
    );
  });
});
