import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DetectorError, createRedactor, listDetectorFactories, type DetectContext } from '../../../src/index.js';
import { ExecutionProviderError, bareState, createNerDetector, implausibleDate, letterless, nerAvailable, nerDetectorFactory, numericGlue } from '../../../src/detectors/ner/index.js';
import { ENTITY_TYPES } from '../../../src/types.js';
import { METADATA_PATH, MODEL_PATH, canRun, hasOrt } from './helpers.js';

const ctx: DetectContext = { types: new Set(ENTITY_TYPES) };
const SECRET = 'Zebulon Quixwright';

describe('ner options', () => {
  it.each([
    [{ intraOpNumThreads: 0 }, 'ner.intraOpNumThreads'],
    [{ executionProviders: [] }, 'ner.executionProviders'],
    [{ executionProviders: ['CUDA!'] }, 'ner.executionProviders'],
    [{ threshold: 2 }, 'ner.threshold'],
    [{ windowTokens: 3 }, 'ner.windowTokens'],
    [{ batchSize: 0 }, 'ner.batchSize'],
    [{ modelPath: '' }, 'ner.modelPath'],
    [{ bogus: 1 }, 'ner.bogus'],
    [{ stopWords: 'yes' }, 'ner.stopWords'],
    [{ calibrated: 1 }, 'ner.calibrated'],
    [{ stopWordScore: 3 }, 'ner.stopWordScore'],
    [{ stopWordScore: '0.9' }, 'ner.stopWordScore'],
  ])('rejects %o naming %s', (opts, option) => {
    expect(() => createNerDetector(opts as never)).toThrow(ConfigError);
    try {
      createNerDetector(opts as never);
    } catch (err) {
      expect((err as ConfigError).option).toBe(option);
    }
  });

  it('is registered last among the built-in families', () => {
    const ids = listDetectorFactories().map((f) => f.id);
    expect(ids.at(-1)).toBe('ner');
  });

  it('reports itself unavailable when the model file is missing', async () => {
    expect(await nerAvailable('/nonexistent/phi-ner.onnx')).toBe(false);
  });

  it('fails closed with a typed error when the model is missing', async () => {
    const d = createNerDetector({ modelPath: '/nonexistent/phi-ner.onnx' });
    await expect(d.load!()).rejects.toThrow(DetectorError);
  });
});

/** A filter over [start, end) called on the first occurrence of `span` in `text`. */
const onSpan =
  (f: (text: string, start: number, end: number) => boolean) =>
  (text: string, span: string): boolean => {
    const i = text.indexOf(span);
    return f(text, i, i + span.length);
  };

describe('ner date filter (numericGlue)', () => {
  const at = onSpan(numericGlue);
  it('flags parts of times, decimals and long digit-group runs', () => {
    expect(at('left at 13:10 today', '10')).toBe(true);
    expect(at('PT/PTT 12.9/21.9, INR', '9/21')).toBe(true);
    expect(at('CO/CI 5.4/2.8/1348', '2.8/1348'.slice(2))).toBe(true);
    expect(at('on a 24/06/12/18 schedule', '24/06/12/18')).toBe(true);
  });
  it('leaves ordinary dates alone', () => {
    expect(at('seen 3/7. intubated', '3/7')).toBe(false);
    expect(at('treatments 10/03/10/04 and', '10/04')).toBe(false);
    expect(at('admitted 2019-01-05, MRN', '2019-01-05')).toBe(false);
    expect(at('7/22', '7/22')).toBe(false);
    expect(at('since 1988: stable', '1988')).toBe(false);
  });
});

describe('ner date filter (implausibleDate)', () => {
  const at = onSpan(implausibleDate);
  it('flags ratios, lab pairs and impossible dates', () => {
    expect(at('SVR 8/4/460 changed', '8')).toBe(true);
    expect(at('PT/PTT 14/32. Next', '32')).toBe(true);
    expect(at('note from a 07-1530 shift', '07-1530')).toBe(true);
    expect(at('ratio 14/32 today', '14/32')).toBe(true);
    expect(at('value 123/4', '123/4')).toBe(true);
    expect(at('s/p CABG x3 (1998)', 'x3')).toBe(true);
    expect(at('lasix q6 prn', 'q6')).toBe(true);
    expect(at('7P-7A shift', '7P')).toBe(true);
  });
  it('keeps calendar dates, years and spans with words', () => {
    for (const [text, span] of [
      ['seen 3/7. intubated', '3/7'],
      ['treatments 10/03/10/04 and', '10/04'],
      ['admitted 2019-01-05, MRN', '2019-01-05'],
      ['on 12/25/98 at home', '12/25/98'],
      ['smoked until 1988', '1988'],
      ['from 1988-1990 abroad', '1988-1990'],
      ['quit in 62 then', '62'],
      ['back on Jan 3', 'Jan 3'],
      ['seen 7/22', '7/22'],
      ['on the 5th', '5th'],
      ['since Jan3', 'Jan3'],
    ] as const) {
      expect(at(text, span), span).toBe(false);
    }
  });
});

describe('ner place filter (bareState, letterless)', () => {
  const state = onSpan(bareState);
  const noLetter = onSpan(letterless);
  it('flags a state alone after a word, in any case, and two-letter codes in capitals', () => {
    expect(state('they are moving from Florida soon', 'Florida')).toBe(true);
    expect(state('RETURNING TO NC IN THE AM', 'NC')).toBe(true);
    expect(state('a sister in illinois was called', 'illinois')).toBe(true);
  });
  it('keeps states in addresses and records, cities and words that are not states', () => {
    for (const [text, span] of [
      ['lives in Red Bank, NJ with son', 'NJ'],
      ['PID|1||^^LOWELL^MA^01852', 'MA'],
      ['"city": "Boston", "state": "MA"', 'MA'],
      ['sent to Albany NY 12208 today', 'NY'],
      ['Florida', 'Florida'],
      ['from York this am', 'York'],
      ['moved to Columbia last year', 'Columbia'],
      ['seen in oh 3 weeks', 'oh'],
      ['from Springfield today', 'Springfield'],
    ] as const) {
      expect(state(text, span), `${text} / ${span}`).toBe(false);
    }
  });
  it('letterless: digits and punctuation only', () => {
    expect(noLetter('transferred to 209 quartermain', '209')).toBe(true);
    expect(noLetter('at 19:00', '19:00')).toBe(true);
    expect(noLetter('to 5B today', '5B')).toBe(false);
    expect(noLetter('at Zoë', 'Zoë')).toBe(false);
    expect(noLetter('to Ōsaka', 'Ōsaka')).toBe(false);
  });
});

describe.skipIf(!canRun)('ner detector', () => {
  it('factory is available here', async () => {
    expect(await nerDetectorFactory.available()).toBe(true);
  });

  it('loads lazily and idempotently', async () => {
    const d = createNerDetector();
    expect(d.provider).toBeUndefined();
    await Promise.all([d.load!(), d.load!()]);
    await d.load!();
    expect(d.provider).toBe('cpu');
  });

  it('finds names, places and dates in a note (uncalibrated: every type at 0.5)', async () => {
    const d = createNerDetector({ calibrated: false });
    const text = 'Pt seen by Dr. Hartwell today. Wife Mary called from Springfield on 7/22.';
    const found = await d.detect(text, ctx);
    const got = found.map((e) => `${e.type}:${text.slice(e.start, e.end)}`);
    expect(got).toContain('DATE:7/22');
    expect(found.every((e) => e.source === 'ner' && e.score >= 0.5 && e.score <= 1)).toBe(true);
    expect(found.some((e) => e.type === 'NAME')).toBe(true);
  });

  it('windowed results equal whole-text results exactly', async () => {
    const text = 'Pt seen by Dr. Hartwell on 7/22; wife Mary called from Springfield. '.repeat(40);
    const small = createNerDetector({ windowTokens: 16, batchSize: 3 });
    const large = createNerDetector({ windowTokens: 65_536 });
    const a = await small.tokenProbabilities(text);
    const b = await large.tokenProbabilities(text);
    expect(a.probs.length).toBe(b.probs.length);
    let maxDiff = 0;
    for (let i = 0; i < a.probs.length; i++) maxDiff = Math.max(maxDiff, Math.abs((a.probs[i] as number) - (b.probs[i] as number)));
    expect(maxDiff).toBeLessThan(1e-5);
    // Batch shapes change float summation order in the GEMMs (last bits only): compare spans
    // exactly and scores closely.
    const ea = await small.detect(text, ctx);
    const eb = await large.detect(text, ctx);
    expect(ea.map(({ score: _s, ...rest }) => rest)).toEqual(eb.map(({ score: _s, ...rest }) => rest));
    ea.forEach((e, i) => expect(Math.abs(e.score - eb[i]!.score)).toBeLessThan(1e-5));
  });

  it('detect (softmax skipped on certain-O tokens) agrees with the full probabilities', async () => {
    // detect() only computes the softmax where P(O) could be < 0.5; at threshold 0 with no
    // filters every word token with P(O) < 0.5 must be inside an entity, and no entity may
    // hold a word token with P(O) >= 0.5.
    const d = createNerDetector({ calibrated: false, stopWords: false, threshold: 0 });
    const text = 'Pt seen by Dr. Hartwell on 7/22; wife Mary called from Springfield, MA. 89 yo. call 555-201-3344. '.repeat(5);
    const { tokens, probs, labels } = await d.tokenProbabilities(text);
    const found = await d.detect(text, ctx);
    const L = labels.length;
    for (let t = 0; t < tokens.length; t++) {
      if (!tokens.word[t]) continue;
      const inside = found.some((e) => e.start <= tokens.starts[t]! && tokens.ends[t]! <= e.end);
      expect(inside).toBe((probs[t * L] as number) < 0.5);
    }
  });

  it('calibration switches types off and only raises thresholds', async () => {
    const cal = createNerDetector();
    const raw = createNerDetector({ calibrated: false });
    await Promise.all([cal.load!(), raw.load!()]);
    expect(raw.types.length).toBeGreaterThanOrEqual(cal.types.length);
    const text = 'Pt seen by Dr. Hartwell today. Wife Mary called from Springfield on 7/22. 89 yo. call 555-201-3344';
    const a = await cal.detect(text, ctx);
    const b = await raw.detect(text, ctx);
    // Every calibrated entity is also an uncalibrated one (same span and type).
    for (const e of a) expect(b.some((x) => x.start === e.start && x.end === e.end && x.type === e.type)).toBe(true);
    expect(a.every((e) => cal.types.includes(e.type))).toBe(true);
  });

  it('stop words only ever remove entities', async () => {
    const text = 'son and grandson visited today; seen by dr. lindqvist at hospice. Wife Mary called.';
    const on = await createNerDetector({ calibrated: false }).detect(text, ctx);
    const off = await createNerDetector({ calibrated: false, stopWords: false }).detect(text, ctx);
    for (const e of on) expect(off).toContainEqual(e);
  });

  it('stopWordScore keeps stop-word entities the model is sure of: 0 keeps all, above 1 none', async () => {
    const text = 'son and grandson visited today; seen by dr. lindqvist at hospice. lives in hope with wife rose.';
    const none = await createNerDetector({ calibrated: false, stopWords: false }).detect(text, ctx);
    const all = await createNerDetector({ calibrated: false, stopWordScore: 0 }).detect(text, ctx);
    const never = await createNerDetector({ calibrated: false, stopWordScore: 2 }).detect(text, ctx);
    const filtered = await createNerDetector({ calibrated: false }).detect(text, ctx);
    expect(all).toEqual(none);
    expect(never).toEqual(filtered);
  });

  it('only reports requested types', async () => {
    const d = createNerDetector({ calibrated: false });
    const found = await d.detect('Wife Mary called on 7/22.', { types: new Set(['DATE']) });
    expect(found.every((e) => e.type === 'DATE')).toBe(true);
  });

  it('runs in the pipeline by id, merged with the other detectors', async () => {
    const r = await createRedactor({ detectors: ['ner'], detectorOptions: { ner: { calibrated: false } } });
    const res = await r.redact('Wife Mary called from Springfield on 7/22.');
    expect(res.text).toContain('[DATE]');
  });

  it('refuses a model whose featurizer version differs, without echoing anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phi-ner-'));
    copyFileSync(MODEL_PATH, join(dir, 'm.onnx'));
    const meta = JSON.parse(readFileSync(METADATA_PATH, 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ ...meta, featurizerVersion: 'old/0' }));
    const d = createNerDetector({ modelPath: join(dir, 'm.onnx') });
    await expect(d.load!()).rejects.toThrow(/featurizer/);
  });

  it('refuses a model trained with other gazetteer lists (lexicon digest), without echoing anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phi-ner-'));
    copyFileSync(MODEL_PATH, join(dir, 'm.onnx'));
    const meta = JSON.parse(readFileSync(METADATA_PATH, 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ ...meta, lexiconDigest: '0000000000000000' }));
    const err = await createNerDetector({ modelPath: join(dir, 'm.onnx') }).load!().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DetectorError);
    expect(String((err as Error).message)).toMatch(/gazetteer/);
  });

  it('refuses a model whose bytes do not match the metadata sha256', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phi-ner-'));
    const bytes = readFileSync(MODEL_PATH);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    writeFileSync(join(dir, 'm.onnx'), bytes);
    copyFileSync(METADATA_PATH, join(dir, 'm.json'));
    await expect(createNerDetector({ modelPath: join(dir, 'm.onnx') }).load!()).rejects.toThrow(/sha256/);
  });
});

describe.skipIf(!canRun)('ner execution-provider fallback', () => {
  it("['cuda', 'cpu'] falls back to cpu when cuda cannot load", async () => {
    const d = createNerDetector({ executionProviders: ['cuda', 'cpu'] });
    await d.load!();
    // On a machine with the CUDA provider this would be 'cuda'; here it is not bundled.
    expect(['cuda', 'cpu']).toContain(d.provider);
    const found = await d.detect(`${SECRET} called on 7/22.`, ctx);
    expect(Array.isArray(found)).toBe(true);
  });

  it("['cuda'] alone gives a typed error listing what failed, with no input text", async () => {
    const d = createNerDetector({ executionProviders: ['cuda'] });
    const err = await Promise.resolve().then(() => d.detect(`${SECRET} called`, ctx)).catch((e: unknown) => e);
    if (d.provider === 'cuda') return; // a machine with CUDA: nothing to fall back from
    expect(err).toBeInstanceOf(ExecutionProviderError);
    expect(err).toBeInstanceOf(DetectorError);
    const e = err as ExecutionProviderError;
    expect(e.code).toBe('E_DETECTOR_UNAVAILABLE');
    expect(e.tried.map((t) => t.provider)).toEqual(['cuda']);
    expect(e.message).toMatch(/cuda/);
    expect(e.message).not.toContain('Zebulon');
    expect(JSON.stringify(e)).not.toContain('Zebulon');
  });

  it('an unknown provider name fails over too', async () => {
    const d = createNerDetector({ executionProviders: ['nosuch', 'cpu'] });
    await d.load!();
    expect(d.provider).toBe('cpu');
  });
});

describe.skipIf(hasOrt)('ner without onnxruntime-node', () => {
  it('reports itself unavailable', async () => {
    expect(await nerAvailable()).toBe(false);
  });
});
