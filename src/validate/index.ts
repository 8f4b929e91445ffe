/**
 * Prompt validation: `createPromptValidator(policy)` and `validatePrompt(text, policy?)`.
 *
 * Fixed order, synchronous, no I/O:
 *
 *   1. limits      length in UTF-16 units (an over-long prompt stops here: nothing else is
 *                  computed on it), empty / whitespace-only, approximate tokens
 *   2. encoding    raw input: control chars, bidi controls, invisible and tag characters,
 *                  script mixing in words, base64/hex blobs (decoded ones are re-checked)
 *   3. views       NFKC, lowercase, invisibles dropped, look-alikes/accents/l33t folded
 *   4. harmful     script, template, shell, SQL payloads (normalised view)
 *   5. injection   override, role-play/jailbreak, extraction, delimiter cues (folded view)
 *   6. learned     hashed n-gram logistic regression -> `score`; INJECTION_LEARNED at threshold
 *   7. decide      ok = no violation at or above the level's blocking severity
 *
 * Violations carry code, rule family, severity and input offsets: never text.
 */
import { InputError } from '../errors.js';
import { createEncodingRule, DEFAULT_ENCODING_OPTIONS } from './encoding.js';
import { createHarmfulRule } from './harmful.js';
import { createInjectionRule } from './injection.js';
import { INJECTION_MODEL } from './injection-model.js';
import { createLearnedScorer, type InjectionModel } from './learned.js';
import { createLimitsRule } from './limits.js';
import { buildViews } from './normalize.js';
import { resolvePolicy } from './policy.js';
import type { PromptPolicy, PromptValidationResult, PromptValidator, Severity, Violation } from './types.js';

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

/**
 * How the learned score and the heuristics combine. A prompt the model rates at or above the
 * threshold gets INJECTION_LEARNED (medium). Below it, but within `assistMargin`, the score still
 * counts when a heuristic cue already fired: weak evidence from both sides is stronger together.
 */
export const LEARNED_COMBINATION = { assistMargin: 0.2 } as const;

// The default rules and the decoded model are shared by every validator (they are stateless
// apart from the scorer's dedupe table, which is safe in single-threaded JavaScript).
let sharedRules:
  | {
      harmful: ReturnType<typeof createHarmfulRule>;
      injection: ReturnType<typeof createInjectionRule>;
    }
  | undefined;
const scorers = new WeakMap<InjectionModel, (fold: string) => number>();

function rules(): NonNullable<typeof sharedRules> {
  sharedRules ??= { harmful: createHarmfulRule(), injection: createInjectionRule() };
  return sharedRules;
}

function scorerFor(model: InjectionModel): (fold: string) => number {
  let s = scorers.get(model);
  if (!s) {
    s = createLearnedScorer(model);
    scorers.set(model, s);
  }
  return s;
}

/** Options beyond the policy, for evaluation and advanced use. */
export interface PromptValidatorInternals {
  /** A learned model to use instead of the shipped one (cross-validation, retrained models). */
  readonly model?: InjectionModel;
}

/** True when a decoded blob or tag-character text carries a hostile payload (any level). */
function hiddenPayload(decoded: string): boolean {
  const views = buildViews(decoded);
  const { harmful, injection } = rules();
  const found = [...harmful(views.norm), ...injection(decoded, views).violations];
  return found.some((v) => RANK[v.severity] >= RANK.medium);
}

/**
 * Build a validator from a policy. The policy is checked once, here (ConfigError names the
 * option); the returned `validatePromptWithPolicy` is synchronous and never throws on a string.
 */
export function createPromptValidator(policy?: PromptPolicy, internals?: PromptValidatorInternals): PromptValidator {
  const resolved = resolvePolicy(policy);
  const { enabled, threshold, blockAt } = resolved;
  const limits = createLimitsRule(resolved);
  const encoding = createEncodingRule({ blobLength: DEFAULT_ENCODING_OPTIONS.blobLength, inspectDecoded: hiddenPayload });
  const { harmful, injection } = rules();
  const score = enabled.has('learned') ? scorerFor(internals?.model ?? INJECTION_MODEL) : undefined;
  const needViews = enabled.has('harmful') || enabled.has('injection') || enabled.has('learned');
  const blockRank = RANK[blockAt];

  return function validatePromptWithPolicy(text: string): PromptValidationResult {
    if (typeof text !== 'string') throw new InputError('E_INPUT_TYPE', `validatePrompt expects a string, got ${typeof text}`);
    const violations: Violation[] = [];

    if (enabled.has('limits')) {
      const found = limits(text);
      violations.push(...found);
      if (found.some((v) => v.code === 'PROMPT_TOO_LONG' || v.code === 'PROMPT_EMPTY')) {
        return { ok: false, violations };
      }
    } else if (text.length > resolved.maxLength) {
      // Limits switched off still must not let a huge input run every rule: analyse nothing,
      // and fail closed.
      return { ok: false, violations: [{ code: 'PROMPT_TOO_LONG', rule: 'limits', severity: 'high' }] };
    }

    if (enabled.has('encoding')) violations.push(...encoding(text));

    let result: number | undefined;
    if (needViews) {
      const views = buildViews(text);
      if (enabled.has('harmful')) {
        for (const v of harmful(views.norm)) {
          violations.push({ ...v, start: views.toInput(v.start ?? 0), end: views.toInputEnd(v.end ?? 0) });
        }
      }
      let cueWeight = 0;
      if (enabled.has('injection')) {
        const found = injection(text, views);
        violations.push(...found.violations);
        cueWeight = found.weight;
      }
      if (score) {
        result = score(views.fold);
        const assisted = cueWeight > 0 && result >= threshold - LEARNED_COMBINATION.assistMargin;
        if (result >= threshold || assisted) {
          violations.push({ code: 'INJECTION_LEARNED', rule: 'learned', severity: 'medium' });
        }
      }
    }

    const ok = !violations.some((v) => RANK[v.severity] >= blockRank);
    return result === undefined ? { ok, violations } : { ok, violations, score: result };
  };
}

let defaultValidator: PromptValidator | undefined;

/**
 * Validate one prompt. Without a policy, a cached default validator is used; with one, the
 * policy is resolved on each call (cheap), so prefer createPromptValidator for a fixed policy.
 */
export function validatePrompt(text: string, policy?: PromptPolicy): PromptValidationResult {
  if (policy === undefined) {
    defaultValidator ??= createPromptValidator();
    return defaultValidator(text);
  }
  return createPromptValidator(policy)(text);
}

export { VIOLATION_CODES, RULE_FAMILIES } from './types.js';
export { DEFAULT_PROMPT_POLICY, LEVELS } from './policy.js';
export { HARMFUL_PATTERNS } from './harmful.js';
export { INJECTION_CUES } from './injection.js';
export { estimateTokens } from './limits.js';
export type {
  Violation,
  ViolationCode,
  Severity,
  RuleFamily,
  PromptPolicy,
  PromptValidationResult,
  PromptValidator,
  ContentFiltering,
} from './types.js';
export type { InjectionModel } from './learned.js';
