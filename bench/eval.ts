/**
 * Accuracy eval: run the registered detectors over a gold corpus and score them the way
 * acceptance does (see bench/eval/score.ts).
 *
 *   npm run eval                                   # ../shared/corpora/physionet-deid-dev
 *   npm run eval -- --corpus /tmp/synth.jsonl --by-type
 *   npm run eval -- --detectors patterns,phone --json
 *   npm run eval -- --errors 30                    # dev only: prints corpus snippets to stdout
 *
 * The error listing shows a few characters of corpus text on the terminal for the developer; it
 * is never written to a file by this script, and nothing from the shared corpus belongs in the repo.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createRedactor, type Detector, type Entity, type Redactor, type RedactorOptions } from '../src/index.js';
import { loadCorpus, type Corpus, type GoldDoc } from './eval/corpus.js';
import { coverage, isLeaked, score, tokenOutcomes, type ScoreDoc, type ScoreReport } from './eval/score.js';

export const DEFAULT_CORPUS = '../shared/corpora/physionet-deid-dev';

export interface EvalOptions {
  /** A PhysioNet folder, a JSONL file, or an in-memory corpus (e.g. freshly generated synthetic docs). */
  corpus: string | Corpus;
  /** Detector ids (or Detector objects, for tests). @default the registered default set */
  detectors?: (string | Detector)[] | undefined;
  limit?: number | undefined;
  threshold?: number | undefined;
  /** Score another package (bench/competitors.ts id) instead of phi-guard; category-blind only. */
  system?: string | undefined;
}

export interface EvalResult {
  corpus: string;
  format: Corpus['format'];
  /** Predicted types were compared with gold types (our JSONL gold and a phi-guard run). */
  typed: boolean;
  detectors: readonly string[];
  seconds: number;
  chars: number;
  report: ScoreReport;
  /** Predictions per detector source: entities and how many overlap no gold token at all. */
  bySource: Record<string, { entities: number; falsePositiveEntities: number }>;
  scored: ScoreDoc[];
  /** Category-blind recall / precision / leak per synthetic style and kind (when the corpus has them). */
  byGroup?: Record<'style' | 'kind', Record<string, { docs: number; recall: number; precision: number; leakRate: number }>>;
}

/** Run the eval in-process (the CLI below is a thin wrapper; other bench scripts reuse this). */
export async function runEval(options: EvalOptions): Promise<EvalResult> {
  const corpus = typeof options.corpus === 'string' ? loadCorpus(options.corpus) : options.corpus;
  const docs = options.limit !== undefined ? corpus.docs.slice(0, options.limit) : corpus.docs;
  const ropts: RedactorOptions = {};
  if (options.detectors) ropts.detectors = options.detectors;
  if (options.threshold !== undefined) ropts.threshold = options.threshold;
  let detect: (text: string) => Promise<Entity[]>;
  let detectorIds: readonly string[];
  let typed = corpus.typed;
  if (options.system) {
    const { loadCompetitors } = await import('./competitors.js');
    const { loaded, failed } = await loadCompetitors([options.system]);
    const c = loaded[0];
    if (!c) throw new Error(`Could not load ${failed.join(', ')}`);
    detect = async (text) => (await c.spans(text)).map((s) => ({ ...s, type: 'OTHER_ID' as const, score: 1, source: c.id }));
    detectorIds = [c.pkg];
    typed = false; // their types are not ours
  } else {
    const redactor: Redactor = await createRedactor(ropts);
    detect = (text) => redactor.detect(text);
    detectorIds = redactor.detectors;
  }
  const scored: ScoreDoc[] = [];
  const groupOf: { style?: string | undefined; kind?: string | undefined }[] = [];
  let chars = 0;
  const t0 = performance.now();
  for (const d of docs) {
    const predicted: Entity[] = await detect(d.text);
    chars += d.text.length;
    scored.push({ id: d.id, text: d.text, gold: d.spans, predicted });
    groupOf.push({ style: d.style, kind: d.kind });
  }
  const seconds = (performance.now() - t0) / 1000;
  const report = score(scored, { typed });
  const bySource: EvalResult['bySource'] = {};
  for (const doc of scored) {
    const outcomes = tokenOutcomes(doc);
    for (const p of doc.predicted as Entity[]) {
      const b = (bySource[p.source] ??= { entities: 0, falsePositiveEntities: 0 });
      b.entities++;
      const anyGold = outcomes.some((o) => o.gold && o.token.start < p.end && p.start < o.token.end);
      if (!anyGold) b.falsePositiveEntities++;
    }
  }
  let byGroup: EvalResult['byGroup'];
  if (groupOf.some((g) => g.style !== undefined || g.kind !== undefined)) {
    byGroup = { style: {}, kind: {} };
    for (const key of ['style', 'kind'] as const) {
      const buckets = new Map<string, ScoreDoc[]>();
      scored.forEach((doc, i) => {
        const k = groupOf[i]?.[key] ?? '?';
        let list = buckets.get(k);
        if (!list) buckets.set(k, (list = []));
        list.push(doc);
      });
      for (const [k, list] of [...buckets.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        const r = score(list);
        byGroup[key][k] = { docs: list.length, recall: r.recall, precision: r.precision, leakRate: r.leakRate };
      }
    }
  }
  return { byGroup, corpus: corpus.name, format: corpus.format, typed, detectors: detectorIds, seconds, chars, report, bySource, scored };
}

const pct = (x: number | undefined): string => (x === undefined ? '     -' : `${(x * 100).toFixed(1).padStart(5)}%`);

function printReport(r: EvalResult, byType: boolean): void {
  const s = r.report;
  console.log(`corpus     ${r.corpus} (${r.format}, ${s.docs} docs, ${s.tokens} tokens)`);
  console.log(`detectors  ${r.detectors.join(', ') || '(none registered)'}`);
  console.log(`time       ${r.seconds.toFixed(2)} s (${(r.chars / 1e6 / Math.max(r.seconds, 1e-9)).toFixed(2)} M chars/s)`);
  console.log(`tokens     gold ${s.goldTokens}  predicted ${s.predTokens}  TP ${s.truePositives}  FP ${s.falsePositives}  FN ${s.falseNegatives}`);
  console.log(`recall     ${pct(s.recall)}   precision ${pct(s.precision)}   F1 ${pct(s.f1)}   F2 ${pct(s.f2)}`);
  console.log(`leak       ${s.leakedEntities}/${s.goldEntities} entities = ${pct(s.leakRate)}`);
  if (!byType) return;
  const typed = r.typed;
  console.log('');
  console.log(
    `${'type'.padEnd(16)}${'goldTok'.padStart(8)}${'recall'.padStart(8)}${'leak'.padStart(12)}${'leak%'.padStart(8)}` +
      (typed ? `${'typedRec'.padStart(9)}${'predTok'.padStart(8)}${'prec'.padStart(8)}${'blindP'.padStart(8)}` : ''),
  );
  for (const [t, v] of Object.entries(s.byType)) {
    console.log(
      `${t.padEnd(16)}${String(v.goldTokens).padStart(8)}${(v.goldTokens ? pct(v.recall) : '     -').padStart(8)}` +
        `${`${v.leakedEntities}/${v.goldEntities}`.padStart(12)}${(v.goldEntities ? pct(v.leakRate) : '     -').padStart(8)}` +
        (typed
          ? `${(v.goldTokens ? pct(v.typedRecall) : '     -').padStart(9)}${String(v.predTokens ?? 0).padStart(8)}` +
            `${(v.predTokens ? pct(v.precision) : '     -').padStart(8)}${(v.predTokens ? pct(v.blindPrecision) : '     -').padStart(8)}`
          : ''),
    );
  }
  if (r.byGroup) {
    for (const key of ['style', 'kind'] as const) {
      console.log('');
      console.log(`${key.padEnd(16)}${'docs'.padStart(6)}${'recall'.padStart(8)}${'prec'.padStart(8)}${'leak%'.padStart(8)}`);
      for (const [k, v] of Object.entries(r.byGroup[key])) {
        console.log(`${k.padEnd(16)}${String(v.docs).padStart(6)}${pct(v.recall).padStart(8)}${pct(v.precision).padStart(8)}${pct(v.leakRate).padStart(8)}`);
      }
    }
  }
  console.log('');
  console.log(`${'source'.padEnd(28)}${'entities'.padStart(9)}${'FP-only'.padStart(9)}`);
  for (const [src, v] of Object.entries(r.bySource).sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${src.padEnd(28)}${String(v.entities).padStart(9)}${String(v.falsePositiveEntities).padStart(9)}`);
  }
}

function snippet(text: string, start: number, end: number, ctx = 25): string {
  const flat = (s: string): string => s.replace(/\s/g, ' ');
  const a = Math.max(0, start - ctx);
  const b = Math.min(text.length, end + ctx);
  return `${flat(text.slice(a, start))}⟦${flat(text.slice(start, end))}⟧${flat(text.slice(end, b))}`;
}

/** Dev-only: leaked gold entities and predictions touching no gold token, with context. */
function printErrors(r: EvalResult, max: number): void {
  const fns: string[] = [];
  const fps: string[] = [];
  for (const doc of r.scored) {
    const cov = coverage(doc.text.length, doc.predicted);
    for (const g of doc.gold as GoldDoc['spans']) {
      if (fns.length < max && isLeaked(doc.text, g, cov)) {
        fns.push(`  [${doc.id}] ${(g.rawType ?? g.type).padEnd(16)} ${snippet(doc.text, g.start, g.end)}`);
      }
    }
    if (fps.length < max) {
      const outcomes = tokenOutcomes(doc);
      for (const p of doc.predicted as Entity[]) {
        if (fps.length >= max) break;
        const anyGold = outcomes.some((o) => o.gold && o.token.start < p.end && p.start < o.token.end);
        if (!anyGold) fps.push(`  [${doc.id}] ${`${p.type} ${p.source}`.padEnd(30)} ${snippet(doc.text, p.start, p.end)}`);
      }
    }
    if (fns.length >= max && fps.length >= max) break;
  }
  console.log(`\nFalse negatives (leaked gold entities), first ${fns.length}:`);
  for (const l of fns) console.log(l);
  console.log(`\nFalse positives (predictions overlapping no gold token), first ${fps.length}:`);
  for (const l of fps) console.log(l);
}

function toJson(r: EvalResult): unknown {
  const { scored: _scored, ...rest } = r;
  return rest;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      detectors: { type: 'string' },
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
      errors: { type: 'string' },
      'by-type': { type: 'boolean', default: false },
      threshold: { type: 'string' },
      synth: { type: 'string' },
      system: { type: 'string' },
      seed: { type: 'string', default: '1' },
      split: { type: 'string', default: 'all' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      'usage: npm run eval -- [--corpus DIR|FILE.jsonl | --synth N [--seed S] [--split all|dev|holdout]]\n' +
        '                       [--detectors a,b | --system redact-pii|@redactpii/node|openredaction] [--limit N] [--threshold X] [--by-type] [--errors N] [--json]',
    );
    return;
  }
  const num = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} expects a non-negative number`);
    return n;
  };
  let corpus: string | Corpus = resolve(values.corpus ?? DEFAULT_CORPUS);
  if (values.synth !== undefined) {
    // Generated in memory: same documents as `npm run synth -- --seed S --count N --split X`.
    const { generateDocuments } = await import('./synth/index.js');
    const seed = Number(values.seed);
    const docs = generateDocuments({ seed, count: num('synth', values.synth) ?? 0, split: values.split as 'all' | 'dev' | 'holdout' });
    corpus = { name: `synthetic (seed ${seed}, ${values.split})`, format: 'jsonl', typed: true, docs };
  } else if (!existsSync(corpus)) {
    console.error(`Corpus not found: ${corpus} (pass --corpus DIR or FILE.jsonl)`);
    process.exitCode = 2;
    return;
  }
  const result = await runEval({
    corpus,
    detectors: values.detectors?.split(',').map((s) => s.trim()).filter(Boolean),
    limit: num('limit', values.limit),
    threshold: num('threshold', values.threshold),
    system: values.system,
  });
  if (values.json) {
    console.log(JSON.stringify(toJson(result), null, 2));
    return;
  }
  printReport(result, values['by-type']);
  const errors = num('errors', values.errors);
  if (errors) printErrors(result, errors);
}

// Run as a script (tsx bench/eval.ts), not when imported by another bench module.
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench/eval.ts')) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
}
