/**
 * Registration of the built-in detector families, in the order they run and appear in the
 * default set. Each family's module exports its factory; this file is the only list of them.
 */
import { registerDetector } from './registry.js';

// Families register below as they land: patterns, phone, nlp, dictionary, ner.
export { registerDetector };
