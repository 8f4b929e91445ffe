/**
 * Registration of the built-in detector families, in the order they run and appear in the
 * default set. Each family's module exports its factory; this file is the only list of them.
 */
import { registerDetector } from './registry.js';
import { patternsDetectorFactory } from './patterns/index.js';
import { nerDetectorFactory } from './ner/index.js';
import { phoneDetectorFactory } from './phone.js';
import { nlpDetectorFactory } from './nlp/index.js';
import { dictionaryDetectorFactory } from './dictionary/index.js';

// Families register below as they land: patterns, phone, nlp, dictionary, ner.
// (keep 'phone' right after 'patterns')
registerDetector(patternsDetectorFactory);
registerDetector(phoneDetectorFactory);
registerDetector(nlpDetectorFactory);
registerDetector(dictionaryDetectorFactory);
// 'ner' stays last: it only adds what the rule-based families miss, and is optional
// (available() is false without onnxruntime-node or the model file).
registerDetector(nerDetectorFactory);
export { registerDetector };
