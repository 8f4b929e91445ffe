/**
 * Seeded synthetic clinical documents with exact gold spans in our canonical entity types.
 *
 *   generateDocuments({ seed: 1, count: 500 })                       // every kind and style
 *   generateDocuments({ seed: 7, count: 200, styles: ['upper'] })     // ALL CAPS only
 *   generateDocuments({ seed: 7, count: 200, split: 'holdout' })      // cue words/formats unseen in 'dev'
 *
 * The same seed and options always give the same documents (all randomness comes from one seeded
 * Faker instance). Text and spans are built together (builder.ts), so offsets are exact.
 */
import { DocBuilder, type CaseStyle, type GoldSpan } from './builder.js';
import { Gen, type Split } from './gen.js';
import { DOC_KINDS, TEMPLATES, type DocKind } from './templates.js';

export { DOC_KINDS, type DocKind } from './templates.js';
export type { GoldSpan } from './builder.js';
export type { Split } from './gen.js';

/** Register and case: prose, terse (fragments, abbreviations), ALL CAPS, all lowercase. */
export const DOC_STYLES = ['prose', 'terse', 'upper', 'lower'] as const;
export type DocStyle = (typeof DOC_STYLES)[number];

/** How often each style is drawn when `styles` is not given. */
export const DEFAULT_STYLE_WEIGHTS: Readonly<Record<DocStyle, number>> = { prose: 0.4, terse: 0.25, upper: 0.2, lower: 0.15 };

export interface SynthDoc {
  id: string;
  text: string;
  spans: GoldSpan[];
  kind: DocKind;
  style: DocStyle;
}

export interface GenerateOptions {
  /** Seed for the whole corpus. @default 1 */
  seed?: number;
  /** Number of documents. */
  count: number;
  /** Styles to draw from (uniformly when given). @default all, weighted by DEFAULT_STYLE_WEIGHTS */
  styles?: readonly DocStyle[];
  /** Document kinds to draw from (uniformly). @default all DOC_KINDS */
  kinds?: readonly DocKind[];
  /** Which half of the cue-word and format variety to use. @default 'all' */
  split?: Split;
}

function validate(options: GenerateOptions): Required<GenerateOptions> {
  const { seed = 1, count, styles, kinds, split = 'all' } = options;
  if (!Number.isInteger(seed)) throw new TypeError('generateDocuments: option "seed" must be an integer');
  if (!Number.isInteger(count) || count < 0) throw new TypeError('generateDocuments: option "count" must be a non-negative integer');
  if (styles !== undefined && (styles.length === 0 || styles.some((s) => !DOC_STYLES.includes(s)))) {
    throw new TypeError(`generateDocuments: option "styles" must be a non-empty subset of ${DOC_STYLES.join(', ')}`);
  }
  if (kinds !== undefined && (kinds.length === 0 || kinds.some((k) => !DOC_KINDS.includes(k)))) {
    throw new TypeError(`generateDocuments: option "kinds" must be a non-empty subset of ${DOC_KINDS.join(', ')}`);
  }
  if (!['all', 'dev', 'holdout'].includes(split)) throw new TypeError('generateDocuments: option "split" must be all, dev or holdout');
  return { seed, count, styles: styles ?? [], kinds: kinds ?? DOC_KINDS, split };
}

function drawStyle(g: Gen, styles: readonly DocStyle[]): DocStyle {
  if (styles.length > 0) return g.pick(styles);
  const r = g.f.number.float({ min: 0, max: 1 });
  let acc = 0;
  for (const s of DOC_STYLES) {
    acc += DEFAULT_STYLE_WEIGHTS[s];
    if (r < acc) return s;
  }
  return 'prose';
}

/** Generate `count` documents for `seed`. Deterministic. */
export function generateDocuments(options: GenerateOptions): SynthDoc[] {
  const { seed, count, styles, kinds, split } = validate(options);
  const g = new Gen(seed, split);
  const docs: SynthDoc[] = [];
  for (let i = 0; i < count; i++) {
    const kind = g.pick(kinds);
    const style = drawStyle(g, styles);
    g.terse = style === 'terse' || ((style === 'upper' || style === 'lower') && g.chance(0.5));
    g.newPatient();
    const b = new DocBuilder();
    TEMPLATES[kind](g, b);
    const caseStyle: CaseStyle = style === 'upper' ? 'upper' : style === 'lower' ? 'lower' : 'mixed';
    const { text, spans } = b.build(caseStyle);
    docs.push({ id: `synth-${seed}-${i}`, text, spans, kind, style });
  }
  return docs;
}
