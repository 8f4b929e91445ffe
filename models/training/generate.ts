/**
 * Training-data generation for the NER model. Reads gold documents (the shared PhysioNet dev
 * corpus, when present, and the synthetic generator's documents, when present), runs them through
 * the runtime's own tokenizer + featurizer + labeller, and writes hashed ids and labels only:
 *
 *   OUT/ids.i32      int32 [tokens * FEATURE_COUNT]
 *   OUT/labels.u8    uint8 [tokens]  (index into NER_LABELS; 255 = ignore in the loss)
 *   OUT/docs.i32     int32 [docs + 1] token offsets of document boundaries
 *   OUT/groups.i32   int32 [docs] source document of each (augmented copies share it)
 *   OUT/meta.json    counts, featurizer version, labels, sources (no text)
 *   OUT/parity.json  the parity fixture inputs: synthetic sentences and their ids
 *
 * OUT is a scratch folder (default /tmp/phi-guard-ner/data): corpus text never reaches the repo,
 * and hashed ids are not committed either.
 *
 * Augmentation (deterministic, seeded faker): each corpus document is kept as is and also copied
 * `--augment` times with its NAME and LOCATION spans swapped for fresh faker surrogates in the
 * same case style, some copies folded to upper or lower case. The model therefore learns the
 * contexts names occur in rather than the corpus's own surrogate names.
 *
 *   tsx models/training/generate.ts [--out DIR] [--seed 1] [--augment 4] [--synth 600]
 *        [--corpus DIR] [--holdout 6:1]   # drop patients with number % 6 == 1 (for honest eval)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Faker, en } from '@faker-js/faker';
import { FEATURE_COUNT, FEATURIZER_VERSION, HASH_BUCKETS, featurize } from '../../src/detectors/ner/featurizer.js';
import { NER_LABELS, labelTokens, type LabelSpan } from '../../src/detectors/ner/labels.js';
import { loadNerLexicon, type NerLexicon } from '../../src/detectors/ner/lexicon.js';
import { loadPhysionet } from '../../bench/eval/corpus.js';

export interface TrainDoc {
  id: string;
  text: string;
  spans: LabelSpan[];
}

type CaseStyle = 'upper' | 'lower' | 'title' | 'as-is';

function caseStyle(s: string): CaseStyle {
  if (!/\p{L}/u.test(s)) return 'as-is';
  if (s === s.toUpperCase()) return 'upper';
  if (s === s.toLowerCase()) return 'lower';
  return 'title';
}

function applyCase(s: string, style: CaseStyle): string {
  if (style === 'upper') return s.toUpperCase();
  if (style === 'lower') return s.toLowerCase();
  return s;
}

const FACILITY_SUFFIXES = ['Hospital', 'Medical Center', 'Clinic', 'Rehab', 'Nursing Home', 'Healthcare', 'General Hospital'];

/**
 * "Hard" surrogates: names and places that are also everyday English words ("Hope", "Young",
 * "Bath"), from the public lists the dictionary detector ships. They are what the rule-based
 * detectors miss most often on held-out patients (a common word needs context to be a name),
 * so a share of one-word surrogates is drawn from them to make the model learn that context.
 */
export interface HardPools {
  first: string[];
  surname: string[];
  place: string[];
}

export async function hardPools(): Promise<HardPools> {
  const [{ FIRST_NAMES }, { SURNAMES, SURNAMES_CENSUS_COUNT }, { PLACES }, { ENGLISH_WORDS }, { COMMON_WORD_NAMES }] = await Promise.all([
    import('../../src/detectors/dictionary/data/first-names.js'),
    import('../../src/detectors/dictionary/data/surnames.js'),
    import('../../src/detectors/dictionary/data/places.js'),
    import('../../src/detectors/dictionary/data/english.js'),
    import('../../src/detectors/clinical/context.js'),
  ]);
  const eng = new Set(ENGLISH_WORDS.split('\n'));
  const title = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  const pick = (words: Iterable<string>): string[] => [...new Set([...words].filter((w) => /^[a-z]{3,}$/.test(w) && eng.has(w)))].sort().map(title);
  return {
    first: pick([...FIRST_NAMES.split('\n'), ...COMMON_WORD_NAMES]),
    surname: pick(SURNAMES.split('\n').slice(0, SURNAMES_CENSUS_COUNT)),
    place: pick(PLACES.split('\n')),
  };
}

/** Generic region and workplace words (written here): the corpus's Location also covers regions and employers. */
const REGION_HEADS = ['North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Upper', 'Lower', 'Central'];
const REGION_TAILS = ['Shore', 'Cape', 'Valley', 'Hills', 'Side', 'End', 'Bay', 'Coast', 'Islands', 'County', 'Woods', 'Lakes'];
const WORKPLACE_TAILS = ['Health', 'Inc', 'Group', 'Associates', 'Building', 'Center', 'Industries', 'Systems', 'Bank', 'School'];

/**
 * A LOCATION surrogate of another kind than a city or hospital: a region ("Eastern Shore", "the
 * Bay") or an employer / building ("Kunze Health"), as the corpus's Location category includes them.
 */
function varietyLocation(f: Faker, words: number): string {
  const company = (f.company.name().split(/[\s,-]+/)[0] as string) || f.person.lastName();
  if (words === 1) return f.datatype.boolean() ? company : f.helpers.arrayElement(REGION_TAILS);
  return f.datatype.boolean()
    ? `${f.helpers.arrayElement(REGION_HEADS)} ${f.helpers.arrayElement(REGION_TAILS)}`
    : `${company} ${f.helpers.arrayElement(WORKPLACE_TAILS)}`;
}

/**
 * A date of the same shape: every digit run replaced by a plausible value of the same number
 * of digits (month first when a separator follows, 2-digit years, 4-digit years 1940-2030);
 * words ("Jan") kept. The model then learns date shapes and contexts, not the corpus's dates.
 */
export function dateSurrogate(f: Faker, original: string): string {
  let run = 0;
  const runs = (original.match(/\d+/g) ?? []).length;
  return original.replace(/\d+/g, (m: string, off: number) => {
    const i = run++;
    const n = m.length;
    if (n === 4) return String(f.number.int({ min: 1940, max: 2030 }));
    if (n === 1) return String(f.number.int({ min: 1, max: 9 }));
    if (n === 2) {
      const next = original.charAt(off + n);
      if (runs === 1 || i >= 2) return String(f.number.int({ min: 0, max: 99 })).padStart(2, '0');
      if (i === 0 && (next === '/' || next === '-')) return String(f.number.int({ min: 10, max: 12 }));
      if (i === 1 && /^\d{4}\D/.test(original)) return String(f.number.int({ min: 1, max: 12 })).padStart(2, '0'); // ISO month
      return String(f.number.int({ min: 10, max: 28 }));
    }
    return Array.from({ length: n }, () => String(f.number.int({ min: 0, max: 9 }))).join('');
  });
}

/** Shares of the extra surrogate kinds (0 = the generator before 2026-12-03 15:00). */
export interface SurrogateMix {
  /** Share of LOCATION surrogates that are regions or employers (varietyLocation). */
  variety: number;
  /** Share of DATE spans swapped for a same-shape date (dateSurrogate). */
  dates: number;
  /**
   * Replace a one-word LOCATION by a US state only when it was a state (full name or postal
   * code), by a city otherwise. Without it half of one-word place surrogates are states, though
   * the corpus rarely annotates states (Safe Harbor allows them), so the model learned states and
   * 2-letter codes ("NC") as PHI.
   */
  statesAsIs?: boolean;
  /** Lowercased US state names and postal codes (filled by generate()). */
  stateWords?: ReadonlySet<string>;
}

/** A surrogate for a gold NAME or LOCATION span with roughly the same shape. */
function surrogate(f: Faker, type: string, original: string, hard: HardPools | undefined, hardShare: number, mix?: SurrogateMix): string | undefined {
  const words = original.trim().split(/\s+/).length;
  if (type === 'DATE') return mix && mix.dates > 0 && /\d/.test(original) && f.number.float({ min: 0, max: 1 }) < mix.dates ? dateSurrogate(f, original) : undefined;
  if (type === 'LOCATION' && mix && mix.variety > 0 && f.number.float({ min: 0, max: 1 }) < mix.variety) return varietyLocation(f, words);
  const useHard = hard !== undefined && words === 1 && f.number.float({ min: 0, max: 1 }) < hardShare;
  if (type === 'NAME') {
    if (/^\p{L}\.?$/u.test(original.trim())) return f.string.alpha({ length: 1, casing: 'upper' }) + (original.includes('.') ? '.' : '');
    if (useHard) return f.helpers.arrayElement(f.datatype.boolean() ? hard.surname : hard.first);
    if (words === 1) return f.datatype.boolean() ? f.person.lastName() : f.person.firstName();
    if (words === 2) return `${f.person.firstName()} ${f.person.lastName()}`;
    return `${f.person.firstName()} ${f.string.alpha({ length: 1, casing: 'upper' })}. ${f.person.lastName()}`;
  }
  if (type === 'LOCATION') {
    const r = f.number.int({ min: 0, max: 9 });
    if (useHard && r < 5) return f.helpers.arrayElement(hard.place);
    if (words === 1 && mix?.statesAsIs) {
      const o = original.trim();
      // The whole city name: its first word alone was often a fragment ("East", "New", "Port").
      if (!mix.stateWords?.has(o.toLowerCase())) return f.location.city();
      return f.location.state({ abbreviated: o.length === 2 });
    }
    if (words === 1) return r < 5 ? f.location.city().split(' ')[0] : f.location.state({ abbreviated: r < 7 });
    if (r < 5) return `${f.person.lastName()} ${f.helpers.arrayElement(FACILITY_SUFFIXES)}`;
    if (r < 8) return f.location.city();
    return `${f.location.city()} ${f.helpers.arrayElement(FACILITY_SUFFIXES)}`;
  }
  return undefined;
}

/** Copy of `doc` with NAME/LOCATION spans replaced by surrogates; offsets rebuilt exactly. */
export function augmentDoc(f: Faker, doc: TrainDoc, fold: CaseStyle, hard?: HardPools, hardShare = 0, lowerShare = 0, mix?: SurrogateMix): TrainDoc {
  const spans = [...doc.spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  const next: LabelSpan[] = [];
  for (const sp of spans) {
    if (sp.start < at) continue; // overlapping gold: keep the first
    const orig = doc.text.slice(sp.start, sp.end);
    const sur = surrogate(f, sp.type, orig, hard, hardShare, mix);
    out += doc.text.slice(at, sp.start);
    // Some surrogates written in lower case inside mixed-case text ("son raul called"), as
    // hurried notes do: the model must not rely on capitals alone.
    const style = sur !== undefined && sp.type !== 'DATE' && lowerShare > 0 && f.number.float({ min: 0, max: 1 }) < lowerShare ? 'lower' : caseStyle(orig);
    const value = sur === undefined ? orig : applyCase(sur, style);
    next.push({ start: out.length, end: out.length + value.length, type: sp.type });
    out += value;
    at = sp.end;
  }
  out += doc.text.slice(at);
  // Case folding preserves UTF-16 length for the text we generate (ASCII surrogates) and, in
  // practice, for the corpus; fall back to the unfolded text if it would not.
  if (fold !== 'as-is') {
    const folded = applyCase(out, fold);
    if (folded.length === out.length) out = folded;
  }
  return { id: doc.id, text: out, spans: next };
}

/** Sentences for the parity fixture: synthetic, written here, safe to commit. */
export const PARITY_TEXTS = [
  'Pt seen by Dr. Amelia Hartwell on 7/22; wife Mary called from Springfield.',
  'TRANSFERRED TO CALVERT HOSPITAL ER 3/14/04. SON JOHN AT BEDSIDE.',
  'lives in boston with daughter; f/u with dr lee at mercy clinic in 2 wks. call 555-201-3344',
  '89 yo male admitted 2019-01-05, MRN 12345678, Foley in place, lasix given.',
  '\u00c9lodie M\u00fcller \ud83d\ude00 visited St. Mary\u2019s Medical Center\ud800 on Jan 3rd.',
];

async function loadSynth(count: number, seed: number): Promise<TrainDoc[]> {
  if (count <= 0) return [];
  const url = pathToFileURL(resolve(import.meta.dirname, '../../bench/synth/index.ts')).href;
  if (!existsSync(new URL(url))) {
    console.warn(`synthetic generator not found (bench/synth/index.ts): training without it`);
    return [];
  }
  const mod = (await import(url)) as {
    generateDocuments?: (o: { seed: number; count: number; split?: string }) => { id?: string; text: string; spans: LabelSpan[] }[];
  };
  if (typeof mod.generateDocuments !== 'function') {
    console.warn('bench/synth has no generateDocuments(): training without it');
    return [];
  }
  // 'dev' half of the generator's cue words and formats only: its 'holdout' half stays unseen,
  // so synthetic held-out evaluations remain honest for a model trained on this.
  return mod.generateDocuments({ seed, count, split: 'dev' }).map((d, i) => ({ id: `synth-${d.id ?? i}`, text: d.text, spans: d.spans }));
}

export interface GenerateOptions {
  out: string;
  seed: number;
  augment: number;
  synth: number;
  corpus: string | undefined;
  holdout: { mod: number; rem: number } | undefined;
  /** Share of one-word NAME/LOCATION surrogates drawn from the hard pools (English-word names). */
  hardShare: number;
  /** Share of surrogates written in lower case whatever the original's case. */
  lowerShare: number;
  /** Extra surrogate kinds (regions/employers, same-shape dates); absent = none. */
  mix?: SurrogateMix;
}

export async function generate(o: GenerateOptions): Promise<Record<string, unknown>> {
  const f = new Faker({ locale: [en] });
  f.seed(o.seed);
  const lexicon: NerLexicon = await loadNerLexicon();
  const hard = o.hardShare > 0 ? await hardPools() : undefined;
  if (o.mix?.statesAsIs) {
    const { US_STATE_NAMES } = await import('../../src/detectors/clinical/context.js');
    const abbr = (f.definitions.location.state_abbr ?? []) as readonly string[];
    o.mix.stateWords = new Set([...US_STATE_NAMES, ...abbr.map((a) => a.toLowerCase())]);
  }
  const docs: TrainDoc[] = [];
  // Source-document index per training document: augmented copies share their original's group,
  // so the trainer's validation split never has a copy of a validation document in training.
  const groups: number[] = [];
  const sources: Record<string, number> = {};
  if (o.corpus && existsSync(o.corpus)) {
    const corpus = loadPhysionet(o.corpus);
    let kept = 0;
    for (const d of corpus.docs) {
      const patient = Number(d.id.split('-')[0]);
      if (o.holdout && patient % o.holdout.mod === o.holdout.rem) continue;
      const base: TrainDoc = { id: d.id, text: d.text, spans: d.spans.map((s) => ({ start: s.start, end: s.end, type: s.type })) };
      docs.push(base);
      groups.push(kept);
      kept++;
      for (let k = 0; k < o.augment; k++) {
        const r = f.number.int({ min: 0, max: 9 });
        const fold: CaseStyle = r < 2 ? 'upper' : r < 4 ? 'lower' : 'as-is';
        docs.push(augmentDoc(f, base, fold, hard, o.hardShare, o.lowerShare, o.mix));
        groups.push(kept - 1);
      }
    }
    sources['physionet-deid-dev'] = kept;
    sources['physionet-deid-dev-augmented'] = kept * o.augment;
  } else {
    console.warn('PhysioNet dev corpus not found: training on synthetic data only');
  }
  const synth = await loadSynth(o.synth, o.seed + 1000);
  // The generator already varies case and register (prose, terse, upper, lower).
  const g0 = groups.length === 0 ? 0 : Math.max(...groups) + 1;
  synth.forEach((d, i) => {
    docs.push(d);
    groups.push(g0 + i);
  });
  sources['synthetic'] = synth.length;
  if (docs.length === 0) throw new Error('No training documents: need the dev corpus or bench/synth');

  const idChunks: Int32Array[] = [];
  const labelChunks: Uint8Array[] = [];
  const bounds = [0];
  let total = 0;
  const labelCounts = new Array<number>(NER_LABELS.length + 1).fill(0);
  for (const d of docs) {
    const { tokens, ids } = featurize(d.text, lexicon);
    const labels = labelTokens(tokens, d.spans);
    idChunks.push(ids);
    labelChunks.push(labels);
    total += tokens.length;
    bounds.push(total);
    for (const l of labels) labelCounts[l === 255 ? NER_LABELS.length : l]!++;
  }
  mkdirSync(o.out, { recursive: true });
  const ids = new Int32Array(total * FEATURE_COUNT);
  const labels = new Uint8Array(total);
  let at = 0;
  for (let i = 0; i < idChunks.length; i++) {
    ids.set(idChunks[i] as Int32Array, at * FEATURE_COUNT);
    labels.set(labelChunks[i] as Uint8Array, at);
    at += (labelChunks[i] as Uint8Array).length;
  }
  writeFileSync(resolve(o.out, 'ids.i32'), Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength));
  writeFileSync(resolve(o.out, 'labels.u8'), labels);
  const b = Int32Array.from(bounds);
  writeFileSync(resolve(o.out, 'docs.i32'), Buffer.from(b.buffer));
  const g = Int32Array.from(groups);
  writeFileSync(resolve(o.out, 'groups.i32'), Buffer.from(g.buffer));
  const parity = PARITY_TEXTS.map((text) => {
    const ft = featurize(text, lexicon);
    return { text, tokens: ft.tokens.length, ids: Array.from(ft.ids) };
  });
  writeFileSync(resolve(o.out, 'parity.json'), JSON.stringify(parity));
  const meta = {
    featurizerVersion: FEATURIZER_VERSION,
    lexiconDigest: lexicon.digest,
    hashBuckets: HASH_BUCKETS,
    featureCount: FEATURE_COUNT,
    labels: NER_LABELS,
    docs: docs.length,
    tokens: total,
    labelCounts: Object.fromEntries(labelCounts.map((c, i) => [i === NER_LABELS.length ? 'IGNORE' : NER_LABELS[i], c])),
    sources,
    seed: o.seed,
    augment: o.augment,
    hardShare: o.hardShare,
    lowerShare: o.lowerShare,
    variety: o.mix?.variety ?? 0,
    dateShare: o.mix?.dates ?? 0,
    statesAsIs: o.mix?.statesAsIs ?? false,
    holdout: o.holdout ? `patient % ${o.holdout.mod} == ${o.holdout.rem} held out` : null,
  };
  writeFileSync(resolve(o.out, 'meta.json'), JSON.stringify(meta, null, 2));
  return meta;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: '/tmp/phi-guard-ner/data' },
      seed: { type: 'string', default: '1' },
      augment: { type: 'string', default: '4' },
      synth: { type: 'string', default: '600' },
      corpus: { type: 'string', default: resolve(import.meta.dirname, '../../../shared/corpora/physionet-deid-dev') },
      holdout: { type: 'string' },
      hard: { type: 'string', default: '0.25' },
      lower: { type: 'string', default: '0.1' },
      variety: { type: 'string', default: '0' },
      dates: { type: 'string', default: '0' },
      'states-as-is': { type: 'boolean', default: false },
    },
  });
  let holdout: GenerateOptions['holdout'];
  if (values.holdout) {
    const [m, r] = values.holdout.split(':').map(Number);
    if (!Number.isInteger(m) || !Number.isInteger(r) || (m as number) <= 0) throw new Error('--holdout expects MOD:REM, e.g. 6:1');
    holdout = { mod: m as number, rem: r as number };
  }
  const meta = await generate({
    out: resolve(values.out),
    seed: Number(values.seed),
    augment: Number(values.augment),
    synth: Number(values.synth),
    corpus: values.corpus,
    holdout,
    hardShare: Number(values.hard),
    lowerShare: Number(values.lower),
    mix: { variety: Number(values.variety), dates: Number(values.dates), statesAsIs: values['states-as-is'] },
  });
  console.log(`generated ${String(meta['docs'])} docs, ${String(meta['tokens'])} tokens -> ${resolve(values.out)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
}
