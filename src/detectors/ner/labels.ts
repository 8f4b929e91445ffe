/**
 * The NER label set (BIO over a handful of entity types) and the mapping from gold spans to token
 * labels. Shared by training-data generation and the runtime, like the featurizer. The shipped
 * model's metadata lists its labels; the runtime reads them from there, so a model with another
 * label order still decodes correctly.
 */
import type { EntityType } from '../../types.js';
import type { Tokens } from './tokenizer.js';

/** Entity types the NER model is trained on. Structured identifiers are left to `patterns`. */
export const NER_TYPES = ['NAME', 'LOCATION', 'ORGANIZATION', 'DATE', 'AGE', 'PHONE', 'OTHER_ID'] as const satisfies readonly EntityType[];
export type NerType = (typeof NER_TYPES)[number];

/** 'O', then B-/I- for each type, in NER_TYPES order. */
export const NER_LABELS: readonly string[] = ['O', ...NER_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

/**
 * How the generator folds other canonical gold types into the NER label set (types not listed
 * are left unlabelled: the pattern detectors own them and the model should not learn them as O
 * either, so the generator drops documents' tokens of such types from the loss).
 */
export const TRAIN_TYPE_MAP: Readonly<Record<string, NerType>> = {
  NAME: 'NAME',
  LOCATION: 'LOCATION',
  ZIP_CODE: 'LOCATION',
  ORGANIZATION: 'ORGANIZATION',
  DATE: 'DATE',
  AGE: 'AGE',
  PHONE: 'PHONE',
  FAX: 'PHONE',
  OTHER_ID: 'OTHER_ID',
  MRN: 'OTHER_ID',
};

/** Label value meaning "ignore this token in the loss". */
export const IGNORE_LABEL = 255;

export interface LabelSpan {
  start: number;
  end: number;
  type: string;
}

/**
 * Token labels (indexes into NER_LABELS) for gold spans: a token overlapping a span gets B- when
 * it is the span's first token, I- otherwise. Tokens overlapping a span whose type is not mapped
 * get IGNORE_LABEL.
 */
export function labelTokens(tokens: Tokens, spans: readonly LabelSpan[]): Uint8Array {
  const labels = new Uint8Array(tokens.length);
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let t0 = 0;
  for (const sp of sorted) {
    const mapped = TRAIN_TYPE_MAP[sp.type];
    while (t0 < tokens.length && (tokens.ends[t0] as number) <= sp.start) t0++;
    let first = true;
    for (let t = t0; t < tokens.length && (tokens.starts[t] as number) < sp.end; t++) {
      if ((tokens.ends[t] as number) <= sp.start) continue;
      if (mapped === undefined) {
        labels[t] = IGNORE_LABEL;
        continue;
      }
      const ti = NER_TYPES.indexOf(mapped);
      labels[t] = first ? 1 + 2 * ti : 2 + 2 * ti;
      first = false;
    }
  }
  return labels;
}
