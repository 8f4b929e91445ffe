/**
 * `npm run train:model`: the whole NER training pipeline, deterministic for a fixed seed.
 *
 *   1. check prerequisites (Debian's python3 with torch, onnx, numpy) with a clear message
 *   2. generate hashed training data into a scratch folder (models/training/generate.ts)
 *   3. train, export to ONNX with a float16 embedding (models/training/train.py)
 *   4. write models/phi-ner.onnx, models/phi-ner.json (metadata) and models/ner-parity.json
 *
 *   npm run train:model                                    # ship: all dev patients + synthetic
 *   npm run train:model -- --holdout 6:1 --out /tmp/fold   # honest eval: patients % 6 == 1 held out
 *   npm run train:model -- --python /usr/bin/python3 --seed 1 --epochs 6
 *
 * Not part of `npm test`. Needs the shared dev corpus or bench/synth (or both) for data.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './generate.js';
import { loadNerLexicon, serializeLexicon } from '../../src/detectors/ner/lexicon.js';

const here = import.meta.dirname;
const repo = resolve(here, '../..');

function die(msg: string): never {
  console.error(`train:model: ${msg}`);
  process.exit(2);
}

/** Debian's interpreter first: the pyenv one on PATH has no torch and PyPI is not reachable. */
function findPython(explicit: string | undefined): string {
  const candidates = explicit ? [explicit] : [process.env['PHI_GUARD_PYTHON'], '/usr/bin/python3', 'python3'].filter((x): x is string => !!x);
  const probe = 'import torch, onnx, numpy; print(torch.__version__)';
  for (const py of candidates) {
    const r = spawnSync(py, ['-c', probe], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  die(
    `no python3 with torch, onnx and numpy found (tried ${candidates.join(', ')}).\n` +
      '  On Debian: apt-get update && apt-get install -y python3-torch python3-onnx libopenblas0-pthread\n' +
      '  then rerun, or pass --python /path/to/python3 (or set PHI_GUARD_PYTHON).',
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: resolve(repo, 'models') },
      work: { type: 'string', default: '/tmp/phi-guard-ner' },
      seed: { type: 'string', default: '1' },
      epochs: { type: 'string', default: '6' },
      augment: { type: 'string', default: '4' },
      synth: { type: 'string', default: '600' },
      corpus: { type: 'string', default: resolve(repo, '../shared/corpora/physionet-deid-dev') },
      holdout: { type: 'string' },
      // Training-data mix (see generate.ts): share of one-word surrogates that are English-word
      // names/places, share of surrogates written in lower case.
      hard: { type: 'string', default: '0.25' },
      lower: { type: 'string', default: '0.1' },
      // Extra surrogate kinds: share of LOCATION surrogates that are regions / employers, share of
      // DATE spans swapped for a same-shape date (0 = none, the generator before these options).
      variety: { type: 'string', default: '0' },
      dates: { type: 'string', default: '0' },
      // One-word LOCATION surrogates are states only where the original was a state.
      'states-as-is': { type: 'boolean', default: false },
      python: { type: 'string' },
      // Architecture of the shipped model (hidden 64 since 2026-12-03: 2x faster than 128 at the
      // same held-out recall); smaller = faster inference.
      hidden: { type: 'string', default: '64' },
      dim: { type: 'string', default: '32' },
      dilations: { type: 'string', default: '1,2,4,8' },
      // 'concat' (shipped): concatenated rows + projection; 'sum': per-feature hidden-wide rows
      // summed (tried 2026-12-03: ~10 % faster inference, 5x slower training; not shipped).
      embed: { type: 'string', default: 'concat' },
      // Loss weight of entity labels (O = 1): higher = more recall-oriented model.
      'entity-weight': { type: 'string', default: '3' },
      export: { type: 'string', default: 'fp16' },
    },
  });
  const python = findPython(values.python);
  const seed = Number(values.seed);
  const work = resolve(values.work, values.holdout ? `holdout-${values.holdout.replace(':', '-')}` : 'ship');
  const dataDir = resolve(work, 'data');
  const modelDir = resolve(work, 'model');
  let holdout: { mod: number; rem: number } | undefined;
  if (values.holdout) {
    const [m, r] = values.holdout.split(':').map(Number);
    if (!Number.isInteger(m) || !Number.isInteger(r) || (m as number) <= 0) die('--holdout expects MOD:REM, e.g. 6:1');
    holdout = { mod: m as number, rem: r as number };
  }
  console.log(`[1/3] generating training data -> ${dataDir}`);
  const meta = await generate({
    out: dataDir,
    seed,
    augment: Number(values.augment),
    synth: Number(values.synth),
    corpus: existsSync(values.corpus) ? values.corpus : undefined,
    holdout,
    hardShare: Number(values.hard),
    lowerShare: Number(values.lower),
    mix: { variety: Number(values.variety), dates: Number(values.dates), statesAsIs: values['states-as-is'] },
  });
  console.log(`      ${String(meta['docs'])} docs, ${String(meta['tokens'])} tokens; sources ${JSON.stringify(meta['sources'])}`);

  console.log(`[2/3] training with ${python} (one thread)`);
  const r = spawnSync(
    python,
    [resolve(here, 'train.py'), '--data', dataDir, '--out', modelDir, '--seed', String(seed), '--epochs', values.epochs,
      '--hidden', values.hidden, '--dim', values.dim, '--dilations', values.dilations,
      '--embed', values.embed, '--export', values.export, '--entity-weight', values['entity-weight']],
    { stdio: 'inherit', env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' } },
  );
  if (r.status !== 0) die(`train.py failed (exit ${String(r.status)})`);

  console.log(`[3/3] writing model, metadata and parity fixture -> ${values.out}`);
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  const report = JSON.parse(readFileSync(resolve(modelDir, 'train-report.json'), 'utf8')) as Record<string, unknown> & {
    architecture: { receptiveRadius: number };
  };
  const onnxOut = resolve(out, 'phi-ner.onnx');
  copyFileSync(resolve(modelDir, 'phi-ner.onnx'), onnxOut);
  const bytes = readFileSync(onnxOut);
  // The gazetteer table the features were computed with, shipped beside the model: the runtime
  // loads it instead of rebuilding it from the lists (faster, and immune to later list edits).
  const lexicon = await loadNerLexicon();
  if (lexicon.digest !== meta['lexiconDigest']) die('the gazetteer lists changed during training: rerun');
  const lexBytes = serializeLexicon(lexicon);
  writeFileSync(resolve(out, 'phi-ner-lexicon.bin'), lexBytes);
  // Calibration and held-out figures are measured with the whole pipeline (see MODEL_CARD.md)
  // and recorded by hand in calibration.json; carried into the metadata as they are.
  const calPath = resolve(here, 'calibration.json');
  const cal = existsSync(calPath) ? (JSON.parse(readFileSync(calPath, 'utf8')) as Record<string, unknown>) : {};
  const metadata = {
    name: 'phi-guard-ner',
    version: '1.0.0',
    featurizerVersion: meta['featurizerVersion'],
    lexiconDigest: meta['lexiconDigest'],
    lexiconSha256: createHash('sha256').update(lexBytes).digest('hex'),
    lexiconBytes: lexBytes.length,
    hashBuckets: meta['hashBuckets'],
    featureCount: meta['featureCount'],
    labels: meta['labels'],
    receptiveRadius: report.architecture.receptiveRadius,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    inputs: { ids: 'int32 [batch, tokens, featureCount]', mask: 'float32 [batch, tokens]' },
    outputs: { logits: 'float32 [batch, tokens, labels]' },
    architecture: report.architecture,
    quantization: report['quantization'],
    training: { ...(report['training'] as object), data: { docs: meta['docs'], tokens: meta['tokens'], sources: meta['sources'], augment: meta['augment'], hardShare: meta['hardShare'], lowerShare: meta['lowerShare'], variety: meta['variety'], dateShare: meta['dateShare'], statesAsIs: meta['statesAsIs'], holdout: meta['holdout'] } },
    metrics: {
      validation: report['validation'],
      validationExport: report['validationExport'],
      exportArgmaxAgreement: report['exportArgmaxAgreement'],
      ...((cal['metrics'] as object | undefined) ?? {}),
    },
    calibration: cal['calibration'] ?? {},
    licence: 'MIT (weights and code); see MODEL_CARD.md for training-data provenance',
  };
  writeFileSync(resolve(out, 'phi-ner.json'), `${JSON.stringify(metadata, null, 2)}\n`);
  const parity = JSON.parse(readFileSync(resolve(modelDir, 'parity.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(resolve(out, 'ner-parity.json'), `${JSON.stringify({ model: 'phi-ner.onnx', sha256: metadata.sha256, ...parity })}\n`);
  console.log(`done: ${onnxOut} (${(bytes.length / 1e6).toFixed(1)} MB), sha256 ${metadata.sha256.slice(0, 12)}…`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
