import { ConfigError } from '../errors.js';
import { isEntityType, type Entity, type EntityType } from '../types.js';
import { escapeLiteral } from '../utils/text.js';

/**
 * Context enhancement (Presidio's step of the same name): a candidate preceded by a cue word for
 * its type within a short window gets its score raised. Detectors that need a cue to admit a
 * weak shape at all (a bare 8-digit MRN) check cues themselves; this step only boosts.
 * Exported as data so callers can read and extend it.
 */
export const DEFAULT_CONTEXT_WORDS: Readonly<Partial<Record<EntityType, readonly string[]>>> = {
  NAME: ['dr', 'doctor', 'patient', 'pt', 'mr', 'mrs', 'ms', 'name', 'wife', 'husband', 'son', 'daughter', 'seen by', 'per'],
  DATE: ['dob', 'date', 'born', 'admitted', 'discharged', 'on', 'since', 'seen'],
  AGE: ['age', 'aged', 'yo', 'year old', 'years old', 'y/o'],
  PHONE: ['phone', 'tel', 'call', 'cell', 'mobile', 'pager', 'contact', 'ph'],
  FAX: ['fax'],
  SSN: ['ssn', 'social security', 'ss#'],
  MRN: ['mrn', 'medical record', 'record number', 'chart'],
  HEALTH_PLAN_ID: ['member', 'insurance', 'policy', 'plan', 'medicare', 'medicaid', 'beneficiary'],
  ACCOUNT_NUMBER: ['account', 'acct', 'routing'],
  LICENSE_NUMBER: ['license', 'licence', 'dea', 'lic'],
  VEHICLE_ID: ['vin', 'plate', 'vehicle'],
  DEVICE_ID: ['serial', 'udi', 'device', 'implant', 'pacemaker'],
  ZIP_CODE: ['zip', 'postal'],
  NPI: ['npi'],
  CREDIT_CARD: ['card', 'visa', 'mastercard', 'amex', 'credit'],
  IBAN: ['iban'],
};

export interface ContextOptions {
  words?: Readonly<Partial<Record<EntityType, readonly string[]>>>;
  /** Characters before the entity that are searched for a cue. @default 40 */
  window?: number;
  /** Added to the score of a cued entity (capped at 1). @default 0.3 */
  boost?: number;
}

export function createContextEnhancer(options: ContextOptions = {}): (text: string, entities: Entity[]) => Entity[] {
  if (typeof options !== 'object' || options === null) throw new ConfigError('context', 'an object or false');
  const words = options.words ?? DEFAULT_CONTEXT_WORDS;
  const window = options.window ?? 40;
  const boost = options.boost ?? 0.3;
  if (!Number.isInteger(window) || window < 0) throw new ConfigError('context.window', 'a non-negative integer');
  if (typeof boost !== 'number' || !(boost >= 0 && boost <= 1)) throw new ConfigError('context.boost', 'a number between 0 and 1');
  if (typeof words !== 'object' || words === null) throw new ConfigError('context.words', 'a map of entity type to cue words');
  for (const [type, list] of Object.entries(words)) {
    if (!isEntityType(type)) throw new ConfigError(`context.words.${type.slice(0, 40)}`, 'an entity type from ENTITY_TYPES');
    // An empty cue would match before every candidate and boost them all.
    if (!Array.isArray(list) || list.some((w) => typeof w !== 'string' || w.trim() === '')) {
      throw new ConfigError(`context.words.${type}`, 'an array of non-empty strings');
    }
  }
  const cues = new Map<EntityType, RegExp>();
  for (const [type, list] of Object.entries(words) as [EntityType, readonly string[]][]) {
    if (!list || list.length === 0) continue;
    // Alternation of escaped literals bounded by word edges: linear, no nested quantifiers.
    const alt = list.map((w) => escapeLiteral(w.trim()).replace(/\s+/g, '\\s+')).join('|');
    // ASCII cue lists (the defaults) use ASCII word edges without the `u` flag: this runs once
    // per candidate on the hot path, and `u` regexes are several times slower in V8.
    const ascii = list.every((w) => /^[\x20-\x7e]+$/.test(w));
    cues.set(
      type,
      ascii
        ? new RegExp(`(?:^|[^A-Za-z0-9])(?:${alt})(?![A-Za-z0-9])`, 'i')
        : new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])`, 'iu'),
    );
  }
  return function enhanceContext(text, entities) {
    for (const e of entities) {
      if (e.score >= 1) continue;
      const re = cues.get(e.type);
      if (!re) continue;
      const before = text.slice(Math.max(0, e.start - window), e.start);
      if (re.test(before)) e.score = Math.min(1, e.score + boost);
    }
    return entities;
  };
}
