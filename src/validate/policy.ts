/**
 * Policy: defaults (exported as data), the filtering levels, and the resolver that validates a
 * user policy once and throws a ConfigError naming the offending option.
 */
import { ConfigError } from '../errors.js';
import { RULE_FAMILIES, type ContentFiltering, type PromptPolicy, type RuleFamily, type Severity } from './types.js';

/** What each level runs and blocks. */
export const LEVELS: Readonly<
  Record<ContentFiltering, { readonly families: readonly RuleFamily[]; readonly blockAt: Severity; readonly threshold: number }>
> = {
  off: { families: ['limits', 'encoding'], blockAt: 'medium', threshold: 0.8 },
  standard: { families: RULE_FAMILIES, blockAt: 'medium', threshold: 0.8 },
  strict: { families: RULE_FAMILIES, blockAt: 'low', threshold: 0.55 },
};

/** Defaults for every policy option. */
export const DEFAULT_PROMPT_POLICY = {
  contentFiltering: 'standard',
  maxLength: 32_000,
  maxTokens: 8_000,
  minLength: 1,
} as const satisfies PromptPolicy;

/** Largest maxLength accepted: beyond this, a prompt is not a prompt. */
export const MAX_LENGTH_CAP = 10_000_000;

export interface ResolvedPolicy {
  readonly contentFiltering: ContentFiltering;
  readonly maxLength: number;
  readonly maxTokens: number;
  readonly minLength: number;
  readonly enabled: ReadonlySet<RuleFamily>;
  readonly threshold: number;
  readonly blockAt: Severity;
}

const KNOWN_KEYS = new Set(['contentFiltering', 'maxLength', 'maxTokens', 'minLength', 'rules', 'threshold', 'blockAt']);
const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high'];

function positiveInt(option: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(option, `an integer from ${min} to ${max}`);
  }
  return value;
}

/** Validate and complete a policy. Throws ConfigError naming the option. */
export function resolvePolicy(policy: PromptPolicy | undefined): ResolvedPolicy {
  if (policy !== undefined && (typeof policy !== 'object' || policy === null || Array.isArray(policy))) {
    throw new ConfigError('policy', 'an object');
  }
  const p: PromptPolicy = policy ?? {};
  for (const key of Object.keys(p)) {
    if (!KNOWN_KEYS.has(key)) throw new ConfigError(`policy.${key}`, `one of ${[...KNOWN_KEYS].join(', ')} (unknown option)`);
  }
  const contentFiltering = p.contentFiltering ?? DEFAULT_PROMPT_POLICY.contentFiltering;
  if (!(contentFiltering in LEVELS)) throw new ConfigError('contentFiltering', "'off', 'standard' or 'strict'");
  const level = LEVELS[contentFiltering];

  const maxLength = p.maxLength === undefined ? DEFAULT_PROMPT_POLICY.maxLength : positiveInt('maxLength', p.maxLength, 1, MAX_LENGTH_CAP);
  const maxTokens = p.maxTokens === undefined ? DEFAULT_PROMPT_POLICY.maxTokens : positiveInt('maxTokens', p.maxTokens, 1, MAX_LENGTH_CAP);
  const minLength = p.minLength === undefined ? DEFAULT_PROMPT_POLICY.minLength : positiveInt('minLength', p.minLength, 0, maxLength);

  const enabled = new Set<RuleFamily>(level.families);
  if (p.rules !== undefined) {
    if (typeof p.rules !== 'object' || p.rules === null || Array.isArray(p.rules)) throw new ConfigError('rules', 'an object of rule family -> boolean');
    for (const [name, on] of Object.entries(p.rules)) {
      if (!(RULE_FAMILIES as readonly string[]).includes(name)) throw new ConfigError(`rules.${name}`, `one of ${RULE_FAMILIES.join(', ')}`);
      if (typeof on !== 'boolean') throw new ConfigError(`rules.${name}`, 'a boolean');
      // A switch can turn a family off, or back on within what the level allows to run.
      if (!on) enabled.delete(name as RuleFamily);
      else if ((level.families as readonly string[]).includes(name)) enabled.add(name as RuleFamily);
    }
  }

  let threshold = level.threshold;
  if (p.threshold !== undefined) {
    if (typeof p.threshold !== 'number' || !Number.isFinite(p.threshold) || p.threshold <= 0 || p.threshold > 1) {
      throw new ConfigError('threshold', 'a number in (0, 1]');
    }
    threshold = p.threshold;
  }
  let blockAt = level.blockAt;
  if (p.blockAt !== undefined) {
    if (!SEVERITIES.includes(p.blockAt)) throw new ConfigError('blockAt', "'low', 'medium' or 'high'");
    blockAt = p.blockAt;
  }
  return { contentFiltering, maxLength, maxTokens, minLength, enabled, threshold, blockAt };
}
