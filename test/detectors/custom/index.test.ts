import { describe, expect, it } from 'vitest';
import { ConfigError, DetectorError } from '../../../src/errors.js';
import { createCustomPatternDetector, type CustomPattern } from '../../../src/detectors/custom/index.js';
import { liveRe2Count } from '../../../src/detectors/custom/re2.js';
import { createRedactor } from '../../../src/pipeline/redactor.js';
import { ENTITY_TYPES, type Entity } from '../../../src/types.js';

const ctx = { types: new Set(ENTITY_TYPES) };
const EMP: CustomPattern = { name: 'employee-id', pattern: 'EMP-\\d{6}', type: 'OTHER_ID' };

describe('createCustomPatternDetector', () => {
  it('finds matches with type, score and source', () => {
    const d = createCustomPatternDetector([EMP]);
    const text = 'badge EMP-123456 and EMP-654321.';
    const found = d.detect(text, ctx) as Entity[];
    expect(found.map((e) => text.slice(e.start, e.end))).toEqual(['EMP-123456', 'EMP-654321']);
    expect(found[0]).toMatchObject({ type: 'OTHER_ID', source: 'custom/employee-id', score: 0.85 });
    expect(d.id).toBe('custom');
    expect(d.types).toEqual(['OTHER_ID']);
    d.close();
  });

  it('applies flags, score and context words', () => {
    const d = createCustomPatternDetector([
      { name: 'case', pattern: 'case-[a-z]+', flags: 'i', type: 'OTHER_ID', score: 0.5, context: ['study', 'trial id'] },
    ]);
    const text = 'CASE-abc; trial  ID: Case-XYZ';
    const found = d.detect(text, ctx) as Entity[];
    expect(found.map((e) => [text.slice(e.start, e.end), e.score])).toEqual([
      ['CASE-abc', 0.5],
      ['Case-XYZ', 0.8],
    ]);
    d.close();
  });

  it('skips patterns whose type was not requested', () => {
    const d = createCustomPatternDetector([EMP, { name: 'lic', pattern: 'LIC\\d+', type: 'LICENSE_NUMBER' }]);
    const found = d.detect('EMP-123456 LIC42', { types: new Set(['LICENSE_NUMBER'] as const) }) as Entity[];
    expect(found.map((e) => e.source)).toEqual(['custom/lic']);
    d.close();
  });

  it.each([
    [[{ ...EMP, name: '' }], /customPatterns\[0\]\.name/],
    [[{ ...EMP, name: 'has space' }], /customPatterns\[0\]\.name/],
    [[EMP, EMP], /customPatterns\.employee-id\.name/],
    [[{ ...EMP, type: 'NOPE' }], /customPatterns\.employee-id\.type/],
    [[{ ...EMP, score: 0 }], /customPatterns\.employee-id\.score/],
    [[{ ...EMP, score: 1.5 }], /customPatterns\.employee-id\.score/],
    [[{ ...EMP, context: [''] }], /customPatterns\.employee-id\.context/],
    [[{ ...EMP, flags: 'g' }], /customPatterns\.employee-id\.flags/],
    [[{ ...EMP, pattern: 'a*' }], /customPatterns\.employee-id\.pattern.*empty/],
    [[{ ...EMP, pattern: '\\b' }], /customPatterns\.employee-id\.pattern.*empty/],
    [[{ ...EMP, pattern: '(?=x)x' }], /customPatterns\.employee-id\.pattern.*RE2/],
    [[{ ...EMP, pattern: '(a)\\1' }], /customPatterns\.employee-id\.pattern.*RE2/],
    [[null], /customPatterns\[0\]/],
  ])('rejects bad config %#', (patterns, message) => {
    expect(() => createCustomPatternDetector(patterns as CustomPattern[])).toThrow(ConfigError);
    expect(() => createCustomPatternDetector(patterns as CustomPattern[])).toThrow(message);
  });

  it('validates its options', () => {
    expect(() => createCustomPatternDetector('x' as unknown as CustomPattern[])).toThrow(/customPatterns/);
    expect(() => createCustomPatternDetector([EMP], { maxMatchLength: 0 })).toThrow(/maxMatchLength/);
    expect(() => createCustomPatternDetector([EMP], { contextWindow: -1 })).toThrow(/contextWindow/);
    expect(() => createCustomPatternDetector([EMP], { contextBoost: 2 })).toThrow(/contextBoost/);
  });

  it('frees the patterns compiled before a bad one', () => {
    const before = liveRe2Count();
    expect(() => createCustomPatternDetector([EMP, { ...EMP, name: 'b' }, { ...EMP, name: 'c', pattern: '[' }])).toThrow(ConfigError);
    expect(liveRe2Count()).toBe(before);
  });

  it('close frees everything; detect after close fails closed', () => {
    const before = liveRe2Count();
    const d = createCustomPatternDetector([EMP, { ...EMP, name: 'two' }]);
    expect(liveRe2Count()).toBe(before + 2);
    d.close();
    d.close();
    expect(d.closed).toBe(true);
    expect(liveRe2Count()).toBe(before);
    expect(() => d.detect('EMP-123456', ctx)).toThrow(DetectorError);
  });

  it('never shows the pattern in errors or inspect output', async () => {
    const { inspect } = await import('node:util');
    const d = createCustomPatternDetector([{ ...EMP, pattern: 'TOPSECRET\\d+' }]);
    expect(inspect(d)).not.toContain('TOPSECRET');
    expect(inspect(d)).toContain('employee-id');
    d.close();
  });
});

describe('redactor option customPatterns', () => {
  it('appends the custom detector and redacts its matches', async () => {
    const r = await createRedactor({ detectors: [], customPatterns: [EMP] });
    expect(r.detectors).toEqual(['custom']);
    const out = await r.redact('Badge EMP-123456 on file.');
    expect(out.text).toBe('Badge [OTHER_ID] on file.');
    expect(out.entities[0]?.source).toBe('custom/employee-id');
  });

  it('takes detectorOptions.custom', async () => {
    await expect(createRedactor({ detectors: [], customPatterns: [EMP], detectorOptions: { custom: { maxMatchLength: -1 } } })).rejects.toThrow(
      /maxMatchLength/,
    );
  });

  it('rejects bad patterns at construction with a ConfigError naming the pattern', async () => {
    await expect(createRedactor({ detectors: [], customPatterns: [{ ...EMP, pattern: 'x?' }] })).rejects.toThrow(
      /customPatterns\.employee-id\.pattern/,
    );
    await expect(createRedactor({ customPatterns: 'nope' as unknown as CustomPattern[] })).rejects.toThrow(ConfigError);
  });

  it('an empty list adds nothing', async () => {
    const r = await createRedactor({ detectors: [], customPatterns: [] });
    expect(r.detectors).toEqual([]);
  });
});
