import { describe, expect, it } from 'vitest';
import { ceilBoundary, floorBoundary, isInsidePair, isWordCharAt } from '../../src/utils/text.js';

describe('text helpers', () => {
  it('find code-point boundaries', () => {
    const s = 'a😀b';
    expect(isInsidePair(s, 2)).toBe(true);
    expect(isInsidePair(s, 1)).toBe(false);
    expect(floorBoundary(s, 2)).toBe(1);
    expect(ceilBoundary(s, 2)).toBe(3);
    expect(isInsidePair('\uD800\uD800', 1)).toBe(false);
  });
  it.each([
    ['a', 0, true],
    ['9', 0, true],
    ['-', 0, false],
    ['é', 0, true],
    ['𝒜', 0, true],
    ['𝒜', 1, true],
    ['😀', 0, false],
    ['😀', 1, false],
    ['\uD800', 0, false],
    ['\uDC00', 0, false],
    ['a', 1, false],
    ['a', -1, false],
  ])('isWordCharAt(%j, %i) is %s', (s, i, expected) => {
    expect(isWordCharAt(s, i)).toBe(expected);
  });
});
