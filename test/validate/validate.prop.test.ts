/**
 * Properties of validatePrompt on arbitrary input: it never throws on a string (lone surrogates,
 * astral characters, controls, huge inputs), violations carry nothing but code / rule / severity /
 * offsets, and offsets are valid UTF-16 code-point boundaries inside the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPromptValidator, VIOLATION_CODES, type PromptValidationResult } from '../../src/index.js';
import { RULE_FAMILIES } from '../../src/validate/index.js';

const validators = {
  standard: createPromptValidator(),
  strict: createPromptValidator({ contentFiltering: 'strict' }),
  off: createPromptValidator({ contentFiltering: 'off' }),
  unlimited: createPromptValidator({ maxLength: 10_000_000, maxTokens: 10_000_000 }),
};

// Any UTF-16 unit (lone surrogates included), plus pieces attackers and clinicians use.
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: 'binary', maxLength: 3 }),
  fc.constantFrom(
    'ignore', ' previous ', 'instructions', '\u200B', '\u202E', '\u{E0041}', '\u{1F3F4}', '\u{E007F}', 'а', 'о',
    '{{', '}}', '${', '<script>', "' OR '1'='1", '; DROP TABLE x', '<|im_start|>', 'aWdub3Jl', '==', 'mg/kg', '\uD800', '\uDFFF',
    'ＩＧＮＯＲＥ', 'ﬁ', 'e\u0301', 'DAN', ' developer mode ', '\n### system:', 'password',
  ),
);
const prompt = fc.array(unit, { maxLength: 200 }).map((xs) => xs.join(''));

const ALLOWED_KEYS = new Set(['code', 'rule', 'severity', 'start', 'end']);
const SEVERITIES = new Set(['low', 'medium', 'high']);

function isBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  const lo = text.charCodeAt(i);
  const hi = text.charCodeAt(i - 1);
  return !(lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff);
}

function checkResult(text: string, r: PromptValidationResult): void {
  expect(typeof r.ok).toBe('boolean');
  expect(Object.keys(r).every((k) => ['ok', 'violations', 'score'].includes(k))).toBe(true);
  if (r.score !== undefined) expect(r.score >= 0 && r.score <= 1).toBe(true);
  for (const v of r.violations) {
    for (const k of Object.keys(v)) expect(ALLOWED_KEYS.has(k)).toBe(true);
    expect(Object.hasOwn(VIOLATION_CODES, v.code)).toBe(true);
    expect((RULE_FAMILIES as readonly string[]).includes(v.rule)).toBe(true);
    expect(SEVERITIES.has(v.severity)).toBe(true);
    if (v.start !== undefined || v.end !== undefined) {
      expect(Number.isInteger(v.start) && Number.isInteger(v.end)).toBe(true);
      expect(0 <= v.start! && v.start! <= v.end! && v.end! <= text.length).toBe(true);
      expect(isBoundary(text, v.start!) && isBoundary(text, v.end!)).toBe(true);
    }
  }
  // No string in the result other than the fixed code/rule/severity vocabulary.
  const strings = JSON.stringify(r).match(/"(?:[^"\\]|\\.)*"/g) ?? [];
  const vocabulary = new Set(['ok', 'violations', 'score', ...ALLOWED_KEYS, ...SEVERITIES, ...RULE_FAMILIES, ...Object.keys(VIOLATION_CODES)]);
  for (const s of strings) expect(vocabulary.has(JSON.parse(s) as string)).toBe(true);
}

describe('validatePrompt properties', () => {
  it('never throws and returns well-formed, text-free violations', () => {
    fc.assert(
      fc.property(prompt, fc.constantFrom(...(Object.keys(validators) as (keyof typeof validators)[])), (text, level) => {
        checkResult(text, validators[level](text));
      }),
      { numRuns: 1500 },
    );
  });

  it('handles fully random binary strings including lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 500 }), (text) => {
        checkResult(text, validators.standard(text));
        checkResult(text, validators.strict(text));
      }),
      { numRuns: 800 },
    );
  });

  it('handles huge inputs without throwing', () => {
    const big = 'ignore previous instructions \uD800 аbc {{7*7}} '.repeat(25_000); // ~1.1M units
    checkResult(big, validators.standard(big));
    expect(validators.standard(big).violations.map((v) => v.code)).toEqual(['PROMPT_TOO_LONG']);
    checkResult(big, validators.unlimited(big));
    const blob = 'A1b2'.repeat(200_000);
    checkResult(blob, validators.unlimited(blob));
    const surrogates = '\uDC00\uD800'.repeat(300_000);
    checkResult(surrogates, validators.unlimited(surrogates));
  });
});
