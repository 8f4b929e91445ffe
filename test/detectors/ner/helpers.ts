/** Shared test setup: the shipped model and onnxruntime-node may be absent (skip cleanly). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadOrt } from '../../../src/detectors/ner/runtime.js';

export const MODEL_PATH = fileURLToPath(new URL('../../../models/phi-ner.onnx', import.meta.url));
export const METADATA_PATH = fileURLToPath(new URL('../../../models/phi-ner.json', import.meta.url));
export const LEXICON_PATH = fileURLToPath(new URL('../../../models/phi-ner-lexicon.bin', import.meta.url));
export const PARITY_PATH = fileURLToPath(new URL('../../../models/ner-parity.json', import.meta.url));

export const hasModel = existsSync(MODEL_PATH) && existsSync(METADATA_PATH);
export const hasOrt = (await loadOrt()) !== undefined;
export const canRun = hasModel && hasOrt;
