import { describe, expect, it } from 'vitest';
import { isIbanValid, isLuhnValid, deaCheckDigit, vinCheckChar, npiCheckDigit } from '../../bench/synth/checksums.js';
import { DOC_KINDS, DOC_STYLES, generateDocuments, type SynthDoc } from '../../bench/synth/index.js';
import { ENTITY_TYPES } from '../../src/types.js';

const sample = generateDocuments({ seed: 42, count: 500 });
const valuesOf = (docs: SynthDoc[], type: string): string[] =>
  docs.flatMap((d) => d.spans.filter((s) => s.type === type).map((s) => d.text.slice(s.start, s.end)));

describe('generateDocuments', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateDocuments({ seed: 7, count: 40 });
    const b = generateDocuments({ seed: 7, count: 40 });
    const c = generateDocuments({ seed: 8, count: 40 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('writes spans that are in bounds, sorted, disjoint, trimmed and canonically typed', () => {
    for (const d of sample) {
      let prevEnd = 0;
      for (const s of d.spans) {
        expect(ENTITY_TYPES).toContain(s.type);
        expect(s.start).toBeGreaterThanOrEqual(prevEnd);
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.end).toBeLessThanOrEqual(d.text.length);
        const v = d.text.slice(s.start, s.end);
        expect(v).toBe(v.trim());
        // Code-point boundaries: a span never starts on a low surrogate.
        const c = d.text.charCodeAt(s.start);
        expect(c >= 0xdc00 && c <= 0xdfff).toBe(false);
        prevEnd = s.end;
      }
    }
  });

  it('covers every canonical (Safe Harbor + PII) type, every kind and every style in 500 docs', () => {
    const types = new Set(sample.flatMap((d) => d.spans.map((s) => s.type)));
    for (const t of ENTITY_TYPES) expect(types, t).toContain(t);
    expect(new Set(sample.map((d) => d.kind))).toEqual(new Set(DOC_KINDS));
    expect(new Set(sample.map((d) => d.style))).toEqual(new Set(DOC_STYLES));
  });

  it('gives checksummed identifiers valid check digits', () => {
    for (const v of valuesOf(sample, 'CREDIT_CARD')) expect(isLuhnValid(v.replace(/\D/g, '')), v).toBe(true);
    for (const v of valuesOf(sample, 'NPI')) expect(npiCheckDigit(v.slice(0, 9)), v).toBe(Number(v[9]));
    for (const v of valuesOf(sample, 'IBAN')) expect(isIbanValid(v), v).toBe(true);
    const deas = sample.flatMap((d) =>
      d.spans.filter((s) => s.type === 'LICENSE_NUMBER' && /dea/i.test(d.text.slice(Math.max(0, s.start - 20), s.start))).map((s) => d.text.slice(s.start, s.end)),
    );
    expect(deas.length).toBeGreaterThan(0);
    for (const v of deas) expect(deaCheckDigit(v.slice(2, 8)), v).toBe(Number(v[8]));
    const vins = valuesOf(sample, 'VEHICLE_ID').filter((v) => v.length === 17);
    expect(vins.length).toBeGreaterThan(0);
    for (const v of vins) expect(vinCheckChar(v.toUpperCase()), v).toBe(v.toUpperCase()[8]);
  });

  it('annotates only ages over 89', () => {
    const ages = valuesOf(sample, 'AGE');
    expect(ages.length).toBeGreaterThan(0);
    for (const a of ages) expect(Number(a)).toBeGreaterThanOrEqual(90);
  });

  it('keeps hard negatives out of gold spans', () => {
    for (const d of sample) {
      for (const s of d.spans) {
        const v = d.text.slice(s.start, s.end);
        expect(v, v).not.toMatch(/\b\d+(\.\d+)? (mg|mcg|mL|units)\b|\bBP \d/);
        expect(v, v).not.toMatch(/\bpain\b|\bCPT\b|Foley|Parkinson|\bpack-year/i);
      }
    }
  });

  it('applies case styles to the whole document', () => {
    for (const d of generateDocuments({ seed: 3, count: 30, styles: ['upper'] })) expect(d.text).toBe(d.text.toUpperCase());
    for (const d of generateDocuments({ seed: 3, count: 30, styles: ['lower'] })) expect(d.text).toBe(d.text.toLowerCase());
  });

  it('dev and holdout splits use different surface variety', () => {
    const dev = generateDocuments({ seed: 5, count: 200, split: 'dev' }).map((d) => d.text).join('\n');
    const hold = generateDocuments({ seed: 5, count: 200, split: 'holdout' }).map((d) => d.text).join('\n');
    // 'MRN: ' is the first MRN cue (dev half); 'MRN ' the second (holdout half).
    expect(dev).toMatch(/\bMRN: /);
    expect(hold).not.toMatch(/\bMRN: /);
  });

  it('restricts kinds and rejects bad options naming the option', () => {
    expect(new Set(generateDocuments({ seed: 1, count: 20, kinds: ['lab'] }).map((d) => d.kind))).toEqual(new Set(['lab']));
    expect(() => generateDocuments({ seed: 1.5, count: 1 })).toThrow(/seed/);
    expect(() => generateDocuments({ seed: 1, count: -1 })).toThrow(/count/);
    expect(() => generateDocuments({ seed: 1, count: 1, styles: ['fancy' as never] })).toThrow(/styles/);
    expect(() => generateDocuments({ seed: 1, count: 1, kinds: [] })).toThrow(/kinds/);
  });
});

describe('synthetic checksums', () => {
  it('match published examples', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('4111111111111112')).toBe(false);
    expect(npiCheckDigit('123456789')).toBe(3); // CMS example 1234567893
    expect(vinCheckChar('1M8GDM9AXKP042788')).toBe('X');
    expect(isIbanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(isIbanValid('DE89370400440532013001')).toBe(false);
  });
});
