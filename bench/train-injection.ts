/**
 * Trains the learned injection scorer (logistic regression over hashed n-grams, features.ts) and
 * writes src/validate/injection-model.ts. Deterministic: fixed seed, fixed data order, one thread.
 *
 *   npm run train:injection              train on everything available, write the model
 *   npm run train:injection -- --cv      also run cross-validation by source (no write with --dry)
 *   npm run train:injection -- --dry     do not write the model
 *
 * Training data: the development corpus when present (../shared/corpora/prompt-injection-dev,
 * read in place, never copied) plus the committed synthetic sets, EXCEPT the eval-only synthetic
 * sources (synthetic-hardneg-eval, synthetic-attack-eval), which no model ever sees. The written
 * model holds only hashed bucket indices and int8 weights: no strings from any training text.
 *
 * Cross-validation by source: for each source, train on all other sources and evaluate the whole
 * validator (heuristics + that fold's model, default policy) on the held-out source. That is the
 * closest estimate we have of behaviour on sources nobody tuned on.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEATURE_BITS, FEATURE_BUCKETS, featureBuckets } from '../src/validate/features.js';
import { createPromptValidator, type ContentFiltering } from '../src/validate/index.js';
import type { InjectionModel } from '../src/validate/learned.js';
import { buildViews } from '../src/validate/normalize.js';
import { DEV_SET_PATH, EVAL_ONLY_SOURCES, loadAll, type LabeledPrompt } from './prompt-data.js';
import { rng } from '../test/fixtures/validate/synthetic-prompts.js';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(here, '../src/validate/injection-model.ts');

/** Hyperparameters, written into the model's metadata. */
export const TRAINING = {
  epochs: 12,
  learningRate: 0.5,
  l2: 2e-5,
  seed: 20261203,
  /** Only the largest weights (by magnitude) are shipped; the rest are dropped. */
  maxWeights: 20_000,
} as const;

interface Example {
  readonly buckets: Uint32Array;
  readonly y: 0 | 1;
  readonly source: string;
  weight: number;
}

export function featurize(rows: readonly LabeledPrompt[]): Example[] {
  return rows.map((r) => ({
    buckets: featureBuckets(buildViews(r.text).fold),
    y: r.label === 'injection' ? 1 : 0,
    source: r.source,
    weight: 1,
  }));
}

/**
 * Example weights: each class carries half the total weight, and within a class each source
 * carries an equal share, so the 1,000 MedQuAD questions do not teach "benign = MedQuAD style"
 * and the long jailbreaks do not drown the short overrides.
 */
function balance(examples: Example[]): void {
  const groups = new Map<string, number>();
  const perClass = [new Set<string>(), new Set<string>()];
  for (const e of examples) {
    const key = `${e.y}|${e.source}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
    perClass[e.y]!.add(e.source);
  }
  const n = examples.length;
  for (const e of examples) {
    const sourcesInClass = perClass[e.y]!.size;
    const groupSize = groups.get(`${e.y}|${e.source}`)!;
    e.weight = (n / 2 / sourcesInClass / groupSize);
  }
}

export function train(examples: Example[]): { w: Float64Array; bias: number } {
  balance(examples);
  const w = new Float64Array(FEATURE_BUCKETS);
  const g2 = new Float64Array(FEATURE_BUCKETS).fill(1e-8);
  let bias = 0;
  let gb2 = 1e-8;
  const order = examples.map((_, i) => i);
  const rand = rng(TRAINING.seed);
  for (let epoch = 0; epoch < TRAINING.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const e = examples[idx]!;
      const x = e.buckets.length > 0 ? 1 / Math.sqrt(e.buckets.length) : 0;
      let z = bias;
      for (const b of e.buckets) z += w[b]! * x;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - e.y) * e.weight;
      for (const b of e.buckets) {
        const grad = g * x + TRAINING.l2 * w[b]!;
        g2[b]! += grad * grad;
        w[b]! -= (TRAINING.learningRate * grad) / Math.sqrt(g2[b]!);
      }
      gb2 += g * g;
      bias -= (TRAINING.learningRate * g) / Math.sqrt(gb2);
    }
  }
  return { w, bias };
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

export function encodeModel(w: Float64Array, bias: number, meta: Record<string, unknown>): InjectionModel {
  let max = 0;
  for (const v of w) if (Math.abs(v) > max) max = Math.abs(v);
  const scale = max > 0 ? max / 127 : 1;
  // Keep the maxWeights largest magnitudes (ties broken by bucket, so the result is deterministic).
  const mags = Array.from(w, (v) => Math.abs(v)).sort((a, b) => b - a);
  const cutoff = Math.max(mags[Math.min(TRAINING.maxWeights, mags.length) - 1] ?? 0, 1e-12);
  const idx: number[] = [];
  const q: number[] = [];
  let prev = 0;
  for (let b = 0; b < w.length; b++) {
    const v = w[b]!;
    if (Math.abs(v) < cutoff) continue;
    const qi = Math.round(v / scale);
    if (qi === 0) continue;
    let delta = b - prev;
    prev = b;
    do {
      let byte = delta & 0x7f;
      delta = Math.floor(delta / 128);
      if (delta > 0) byte |= 0x80;
      idx.push(byte);
    } while (delta > 0);
    q.push(qi & 0xff);
  }
  return {
    format: 'phi-guard/hashed-logreg',
    version: 1,
    bits: FEATURE_BITS,
    bias: Number(bias.toFixed(6)),
    scale: Number(scale.toPrecision(8)),
    indices: toBase64(Uint8Array.from(idx)),
    weights: toBase64(Uint8Array.from(q)),
    meta: { ...meta, nonZeroWeights: q.length },
  };
}

function rate(rows: readonly LabeledPrompt[], validate: (t: string) => { ok: boolean }): Map<string, { n: number; flagged: number }> {
  const out = new Map<string, { n: number; flagged: number }>();
  for (const r of rows) {
    const key = `${r.source}|${r.label}`;
    const s = out.get(key) ?? { n: 0, flagged: 0 };
    s.n++;
    if (!validate(r.text).ok) s.flagged++;
    out.set(key, s);
  }
  return out;
}

function printRates(title: string, rates: Map<string, { n: number; flagged: number }>): void {
  console.log(`\n${title}`);
  for (const [key, s] of [...rates].sort()) {
    const [source, label] = key.split('|');
    const metric = label === 'injection' ? 'detection' : 'false positives';
    console.log(`  ${source!.padEnd(36)} ${label!.padEnd(10)} n=${String(s.n).padStart(5)}  ${metric.padEnd(15)} ${((100 * s.flagged) / s.n).toFixed(1).padStart(5)}%`);
  }
}

function main(): void {
  const args = new Set(process.argv.slice(2));
  const all = loadAll();
  const trainRows = all.filter((r) => !EVAL_ONLY_SOURCES.includes(r.source));
  const evalOnly = all.filter((r) => EVAL_ONLY_SOURCES.includes(r.source));
  const sources = [...new Set(trainRows.map((r) => r.source))].sort();
  const started = Date.now();
  const examples = featurize(trainRows);
  console.log(`featurized ${examples.length} training rows from ${sources.length} sources in ${Date.now() - started} ms (dev set ${trainRows.length > 0 && all.some((r) => !r.source.startsWith('synthetic')) ? 'present' : 'absent'})`);

  if (args.has('--cv')) {
    const levels: ContentFiltering[] = ['standard', 'strict'];
    for (const level of levels) {
      const rates = new Map<string, { n: number; flagged: number }>();
      for (const held of sources) {
        const fold = examples.filter((e) => e.source !== held);
        const { w, bias } = train(fold);
        const model = encodeModel(w, bias, {});
        const validate = createPromptValidator({ contentFiltering: level }, { model });
        for (const [k, v] of rate(trainRows.filter((r) => r.source === held), validate)) rates.set(k, v);
      }
      printRates(`cross-validation by source (${level}): each source scored by a model trained without it`, rates);
    }
  }

  const { w, bias } = train(examples);
  const usesDev = all.some((r) => !r.source.startsWith('synthetic'));
  const model = encodeModel(w, bias, {
    trainedOn: usesDev
      ? ['prompt-injection-dev (deepset/prompt-injections train split, jackhhao/jailbreak-classification train split, Giskard-AI/prompt-injections, MedQuAD sample)', 'phi-guard synthetic prompts (test/fixtures/validate/synthetic-prompts.ts, eval-only sources excluded)']
      : ['phi-guard synthetic prompts (test/fixtures/validate/synthetic-prompts.ts, eval-only sources excluded)'],
    rows: examples.length,
    ...TRAINING,
  });
  for (const level of ['standard', 'strict'] as const) {
    const validate = createPromptValidator({ contentFiltering: level }, { model });
    printRates(`final model (${level}) on eval-only synthetic sources (never trained on)`, rate(evalOnly, validate));
    printRates(`final model (${level}) on training sources (optimistic: seen in training)`, rate(trainRows, validate));
  }
  if (args.has('--dry')) return;
  const body = `/**
 * GENERATED by bench/train-injection.ts (npm run train:injection). Do not edit by hand.
 *
 * Hashed-feature logistic regression for INJECTION_LEARNED: bucket indices (delta varints) and
 * int8 weights, base64. No strings from the training data are stored: only hashes and weights.
 * Training data: ${usesDev ? 'the prompt-injection-dev corpus (deepset/prompt-injections, jackhhao/jailbreak-classification, Giskard-AI/prompt-injections, MedQuAD sample; read in place, not copied) and ' : ''}the synthetic prompts in test/fixtures/validate/synthetic-prompts.ts.
 */
import type { InjectionModel } from './learned.js';

export const INJECTION_MODEL: InjectionModel = ${JSON.stringify(model)};
`;
  writeFileSync(OUT, body);
  console.log(`\nwrote ${OUT} (${(body.length / 1024).toFixed(0)} KiB, ${String(model.meta?.nonZeroWeights)} weights; dev set path ${DEV_SET_PATH})`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
