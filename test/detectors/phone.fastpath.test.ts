import { describe, expect, it } from 'vitest';
import { createPhoneDetector } from '../../src/detectors/phone.js';
import { ENTITY_TYPES, type Entity } from '../../src/types.js';

/**
 * The short cuts the detector takes for speed (a number glued to a letter skips the cue search,
 * the pager gate's newline check after a match, reads bounded at the text's ends, the NANP
 * prefilter's lookahead) must not change what it finds. Expectations recorded from the detector
 * before those short cuts.
 */
const ctx = { types: new Set(ENTITY_TYPES) };
const detector = createPhoneDetector();

function found(text: string): [string, string, number][] {
  return (detector.detect(text, ctx) as Entity[]).map((e) => [text.slice(e.start, e.end), e.type, e.score]);
}

describe('phone detector: numbers glued to a letter', () => {
  it.each<[string, [string, string, number][]]>([
    ['pager 4521cc', []],
    ['Pager 45216Units', []],
    ['pgr 4521e', []],
    ['call 5550123mg', []],
    ['ext. 4521b', []],
    ['x14903abc', []],
    // An extension after the number still counts (x, ext: letters the short cut lets through).
    ['pager 4521x12', [['4521x12', 'PHONE', 0.8]]],
    ['pager 4521ext 5', [['4521ext 5', 'PHONE', 0.8]]],
    ['call 5550123x7', [['5550123x7', 'PHONE', 0.8]]],
  ])('%j', (text, want) => {
    expect(found(text)).toEqual(want);
  });
});

describe('phone detector: pager cues and the window', () => {
  it.each<[string, [string, string, number][]]>([
    ['pager 4521', [['4521', 'PHONE', 0.8]]],
    ['pager 4521;', [['4521', 'PHONE', 0.8]]],
    ['page me at 55123', [['55123', 'PHONE', 0.8]]],
    // The cue on the line before does not count.
    ['pager\n4521', []],
    ['pager\nat 4521', []],
    // A cue after the newline does.
    ['seen\npager 4521', [['4521', 'PHONE', 0.8]]],
    // A pager cue inside a word is none (the gate matches, the cue search does not).
    [`${'a'.repeat(40)}pager 4521`, []],
    [`${'a'.repeat(40)} pager 4521`, [['4521', 'PHONE', 0.8]]],
    // The window starts inside a word: that fragment is dropped before the gate.
    [`${'b'.repeat(30)}pg 4521`, []],
    [`x${'b'.repeat(30)} pg 4521`, [['4521', 'PHONE', 0.8]]],
  ])('%j', (text, want) => {
    expect(found(text)).toEqual(want);
  });
});

describe('phone detector: numbers at the ends of the text', () => {
  it.each<[string, [string, string, number][]]>([
    ['555-0123', [['555-0123', 'PHONE', 0.5]]],
    ['(617) 555-0123', [['(617) 555-0123', 'PHONE', 0.85]]],
    ['tel +1 617 555 0123+', [['+1 617 555 0123', 'PHONE', 0.9]]],
    ['617-555-0123\t', [['617-555-0123', 'PHONE', 0.85]]],
    ['x14903', [['14903', 'PHONE', 0.8]]],
    ['pager 45', []],
    ['+', []],
    ['1+', []],
  ])('%j', (text, want) => {
    expect(found(text)).toEqual(want);
  });

  it('gives the same answers once warm (no slower path after a read past the end)', () => {
    const texts = ['call 617-555-0123', 'pager 4521', 'x14903', '617 555 0123 ext 4', 'no number here'];
    const first = texts.map(found);
    for (let i = 0; i < 2000; i++) for (const t of texts) detector.detect(t, ctx);
    expect(texts.map(found)).toEqual(first);
  });
});
