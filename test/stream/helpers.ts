import fc from 'fast-check';
import type { Detector, Entity } from '../../src/index.js';

/** Cut `text` at the given fractions: a chunking. */
export function chunk(text: string, cuts: number[]): string[] {
  const pos = [...new Set(cuts.map((c) => Math.floor(c * text.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let last = 0;
  for (const p of pos) {
    out.push(text.slice(last, p));
    last = p;
  }
  out.push(text.slice(last));
  return out;
}

export const cutsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 });

/**
 * A deterministic but context-sensitive fake detector: a capitalised word after "Dr" or
 * "patient" is a NAME; so is "Alice Smith" / "Bob Jones"; 3-3-4 digit runs are PHONEs. Context
 * sensitivity makes it a fair test of the segmenting redactor.
 */
export const fakeDetector: Detector = {
  id: 'fake',
  types: ['NAME', 'PHONE'],
  detect(text) {
    const out: Entity[] = [];
    for (const m of text.matchAll(/\b(?:Alice Smith|Bob Jones)\b/g)) out.push({ type: 'NAME', start: m.index, end: m.index + m[0].length, score: 0.9, source: 'fake' });
    for (const m of text.matchAll(/\b(?:Dr\.?|patient) ([A-Z][a-z]+)\b/g)) {
      const s = m.index + m[0].length - (m[1] as string).length;
      out.push({ type: 'NAME', start: s, end: m.index + m[0].length, score: 0.9, source: 'fake' });
    }
    for (const m of text.matchAll(/\b\d{3}-\d{3}-\d{4}\b/g)) out.push({ type: 'PHONE', start: m.index, end: m.index + m[0].length, score: 0.9, source: 'fake' });
    return out;
  },
};

const WORDS = ['the', 'visit', 'went', 'well', 'Alice Smith', 'Bob Jones', 'Dr. Grey', 'patient Ames', '555-123-4567', 'ok.', 'fine!', '\n', 'called', 'résumé', '😀', 'St.', 'J.', 'e.g.'];

/** Random prose with PHI, punctuation, newlines and astral characters. */
export const proseArb = fc
  .array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 400 })
  .chain((ws) => fc.constantFrom(' ', ' ', '  ', '. ', '\n').map((sep) => ws.join(sep)));
