import { beforeAll, describe, expect, it } from 'vitest';
import { createNlpDetector, NLP_DEFAULTS } from '../../../src/detectors/nlp/index.js';
import { ConfigError } from '../../../src/errors.js';
import type { DetectContext, Detector, EntityType } from '../../../src/types.js';

const ctx: DetectContext = { types: new Set<EntityType>(['NAME', 'LOCATION', 'ORGANIZATION']) };
let det: Detector;
beforeAll(async () => {
  det = createNlpDetector();
  await det.load?.();
});

async function spans(text: string): Promise<string[]> {
  return (await det.detect(text, ctx)).map((e) => text.slice(e.start, e.end));
}

const covers = async (text: string, word: string): Promise<boolean> => {
  const at = text.indexOf(word);
  return (await det.detect(text, ctx)).some((e) => e.start <= at && at + word.length <= e.end);
};

describe('nlp detector', () => {
  it.each([
    ['Spoke with Dr. Bob Lee about the plan.', 'Bob Lee'],
    ['Pt seen by Dr. Healey, wife Mary present.', 'Healey'],
    ['PT SEEN BY DR HEALEY. WIFE MARY PRESENT.', 'HEALEY'],
    ['pt seen by dr healey. wife mary present.', 'healey'],
    ['Her husband Thomas Vandermolen called twice.', 'Thomas Vandermolen'],
  ])('finds the person in %j', async (text, want) => {
    expect(await covers(text, want), JSON.stringify(await spans(text))).toBe(true);
  });

  it('maps offsets exactly, also for spans that start after punctuation', async () => {
    for (const text of ['(Dr. Bob Lee) saw the patient.', 'Note: "Dr. Bob Lee" came by; (Mary Jones) called.', 'x\n(Dr. Smith)']) {
      for (const e of await det.detect(text, ctx)) {
        const s = text.slice(e.start, e.end);
        expect(s, text).toMatch(/^[\p{L}]/u);
        expect(s, text).toMatch(/[\p{L}]$/u);
        expect(s).not.toMatch(/^(Dr|Mr|Mrs)\b/);
      }
    }
    const t = '(Dr. Bob Lee) saw the patient.';
    expect(await spans(t)).toContain('Bob Lee');
  });

  it.each([
    ['Foley catheter draining amber urine.', ['Foley', 'amber']],
    ['Given Lasix 40 mg and Haldol 2 mg.', ['Lasix', 'Haldol']],
    ["History of Parkinson's disease, on Coumadin.", ['Parkinson', 'Coumadin']],
    ['Ambulated with walker in the hall.', ['walker']],
    ['Sister lives in Maryland.', ['Maryland']],
    ['Follow-up: Cardiology clinic in 1 week.', ['Cardiology']],
  ])('does not tag clinical words in %j', async (text, words) => {
    const got = await det.detect(text, ctx);
    for (const w of words) {
      const at = text.indexOf(w);
      expect(got.some((e) => e.start < at + w.length && at < e.end), `${w}: ${JSON.stringify(await spans(text))}`).toBe(false);
    }
  });

  it('skips text without candidates (nothing reaches compromise)', async () => {
    expect(await spans('HR 80 NSR. BP 110/60. Lungs clear. UO 40 cc/hr.')).toEqual([]);
  });

  it.each([
    ['Social: husband in to visit this afternoon.', []],
    ['Seen by Dr. Okonkwo-Baptiste in clinic.', ['Okonkwo-Baptiste']],
    ['pt seen by dr zabrowski today', ['zabrowski']],
  ])('tags cue windows only when a word could be a name: %j', async (text, want) => {
    const got = await spans(text);
    if (want.length === 0) expect(got).toEqual([]);
    for (const w of want) expect(await covers(text, w), JSON.stringify(got)).toBe(true);
  });

  it('validates options', () => {
    expect(() => createNlpDetector({ maxSegment: 3 })).toThrow(ConfigError);
    expect(() => createNlpDetector({ scores: { NAME: 3 } })).toThrow(/nlp\.scores/);
    expect(() => createNlpDetector({ truecase: 'x' as unknown as boolean })).toThrow(/nlp\.truecase/);
    expect(NLP_DEFAULTS.candidatesOnly).toBe(true);
  });

  it('fails closed when detect runs before load', () => {
    expect(() => createNlpDetector().detect('Dr. Smith', ctx)).toThrow(ConfigError);
  });
});
