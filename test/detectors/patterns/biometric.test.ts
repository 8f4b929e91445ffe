import { describe, expect, it } from 'vitest';
import { createPatternsDetector } from '../../../src/detectors/patterns/index.js';
import { ENTITY_TYPES, type Entity, type EntityType } from '../../../src/types.js';

const detector = createPatternsDetector();
const all = { types: new Set<EntityType>(ENTITY_TYPES) };
const found = (text: string) =>
  (detector.detect(text, all) as Entity[]).filter((e) => e.type === 'BIOMETRIC_ID').map((e) => text.slice(e.start, e.end));

describe('patterns: biometric identifiers (Safe Harbor P)', () => {
  it.each([
    ['Enrolled with fingerprint hash 3fa9c2e17d0b44e8a61c and badge', '3fa9c2e17d0b44e8a61c'],
    ['FACE TEMPLATE # 9C2D11AA07F3E6B2', '9C2D11AA07F3E6B2'],
    ['palm vein id PV-2208-KQ71XZ on file', 'PV-2208-KQ71XZ'],
    ['Retinal scan ID: RS44019372', 'RS44019372'],
    ['voiceprint VX-550213 verified', 'VX-550213'],
  ])('%s', (text, id) => {
    expect(found(text)).toEqual([id]);
  });

  it.each([
    'iris 3 mm, round and reactive',
    'fingerprint 2 of 5 fingers smudged',
    'retina attached, 20/20 OU',
    'template 12 of the intake form',
    'hash 5 days of meds',
  ])('no biometric id in %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});
