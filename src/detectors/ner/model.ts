/**
 * The shipped model's metadata (models/phi-ner.json) and its checks. The runtime refuses a model
 * whose featurizer version differs from the code's, whose labels it cannot decode, or whose bytes
 * do not match the recorded sha256: each is a DetectorError (fail closed), never a silent
 * degradation.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DetectorError } from '../../errors.js';
import { isEntityType, type EntityType } from '../../types.js';
import { FEATURE_COUNT, FEATURIZER_VERSION, HASH_BUCKETS } from './featurizer.js';
import { lexiconFromBytes, type NerLexicon } from './lexicon.js';

/** The model shipped in the package: models/phi-ner.onnx (same path from src/ and dist/). */
export const DEFAULT_MODEL_PATH = defaultModelPath();

/** '' when the module runs where its URL is not a file path (a bundled Worker): NER is then unavailable. */
function defaultModelPath(): string {
  try {
    return fileURLToPath(new URL('../../../models/phi-ner.onnx', import.meta.url));
  } catch {
    return '';
  }
}

export interface NerMetadata {
  name: string;
  version: string;
  featurizerVersion: string;
  /** Fingerprint of the gazetteer lists the features were computed with (lexicon.ts). */
  lexiconDigest: string;
  hashBuckets: number;
  featureCount: number;
  labels: string[];
  /** Tokens either side that can influence a token's output (sum of dilations). */
  receptiveRadius: number;
  sha256: string;
  /** Per-type minimum entity score chosen on held-out patients (optional). */
  calibration?: { thresholds?: Partial<Record<EntityType, number>> };
  [key: string]: unknown;
}

/** models/phi-ner.onnx -> models/phi-ner-lexicon.bin (the gazetteer table the model was trained with) */
export function lexiconPathFor(modelPath: string): string {
  return modelPath.replace(/(\.onnx)?$/, '-lexicon.bin');
}

/**
 * Read the model's own lexicon file and check it against the metadata (sha256 and digest):
 * the features are then exactly the training ones.
 */
export function readLexicon(path: string, meta: NerMetadata): NerLexicon {
  const bytes = readFileSync(path);
  const want = meta['lexiconSha256'];
  if (typeof want === 'string' && createHash('sha256').update(bytes).digest('hex') !== want) {
    fail(`NER lexicon ${path} does not match the sha256 in the model metadata`);
  }
  const lexicon = lexiconFromBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!lexicon) fail(`NER lexicon ${path} is not a lexicon file`);
  if (lexicon.digest !== meta.lexiconDigest) {
    fail('NER model was trained with other gazetteer lists (lexiconDigest of its lexicon file differs from the metadata): retrain (npm run train:model)');
  }
  return lexicon;
}

/** models/phi-ner.onnx -> models/phi-ner.json */
export function metadataPathFor(modelPath: string): string {
  return modelPath.replace(/(\.onnx)?$/, '.json');
}

function fail(message: string, cause?: unknown): never {
  throw new DetectorError('ner', message, { code: 'E_DETECTOR_UNAVAILABLE', cause });
}

/**
 * Read and check metadata. Messages name files and fields, nothing else. With `lexiconDigest`,
 * the model must have been trained with exactly these gazetteer lists.
 */
export function readMetadata(path: string, lexiconDigest?: string): NerMetadata {
  if (!existsSync(path)) fail(`NER model metadata not found: ${path}`);
  let meta: NerMetadata;
  try {
    meta = JSON.parse(readFileSync(path, 'utf8')) as NerMetadata;
  } catch {
    fail(`NER model metadata is not valid JSON: ${path}`);
  }
  if (meta.featurizerVersion !== FEATURIZER_VERSION) {
    fail(`NER model was built for featurizer "${String(meta.featurizerVersion)}", this code has "${FEATURIZER_VERSION}": retrain (npm run train:model)`);
  }
  if (lexiconDigest !== undefined && meta.lexiconDigest !== lexiconDigest) {
    fail('NER model was trained with other gazetteer lists (lexiconDigest differs from the shipped dictionary data): retrain (npm run train:model)');
  }
  if (meta.hashBuckets !== HASH_BUCKETS || meta.featureCount !== FEATURE_COUNT) {
    fail('NER model metadata: hashBuckets/featureCount do not match the featurizer');
  }
  if (!Array.isArray(meta.labels) || meta.labels[0] !== 'O' || meta.labels.some((l) => typeof l !== 'string')) {
    fail('NER model metadata: labels must be an array starting with "O"');
  }
  for (const l of meta.labels.slice(1)) {
    const m = /^[BI]-(.+)$/.exec(l);
    if (!m || !isEntityType(m[1])) fail('NER model metadata: labels must be B-/I- followed by an entity type');
  }
  if (!Number.isInteger(meta.receptiveRadius) || meta.receptiveRadius < 0) fail('NER model metadata: receptiveRadius must be a non-negative integer');
  if (typeof meta.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(meta.sha256)) fail('NER model metadata: sha256 missing');
  return meta;
}

/** Read the model bytes and check them against the metadata's sha256. */
export function readModel(path: string, meta: NerMetadata): Uint8Array {
  if (!existsSync(path)) fail(`NER model not found: ${path}`);
  const bytes = readFileSync(path);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== meta.sha256) fail(`NER model ${path} does not match the sha256 in its metadata`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
