/**
 * Types and the code table of prompt validation. A violation says which rule fired, how bad it
 * is and where: never the offending text, so results can go into logs, audit events and HTTP
 * error bodies (the middleware answers 422 with these codes).
 */

/** How bad a finding is. Which severities block depends on the filtering level. */
export type Severity = 'low' | 'medium' | 'high';

/** Rule families; `rules: { <family>: false }` in a policy switches one off. */
export const RULE_FAMILIES = ['limits', 'encoding', 'harmful', 'injection', 'learned'] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];

export interface ViolationInfo {
  readonly rule: RuleFamily;
  /** Default severity; some codes are raised or lowered by how much evidence there is. */
  readonly severity: Severity;
  readonly description: string;
}

/**
 * Every code validation can emit, with its rule family and default severity. Codes are stable:
 * callers and the HTTP middleware branch on them. Exported as data so docs and UIs can list them.
 */
export const VIOLATION_CODES = {
  PROMPT_EMPTY: { rule: 'limits', severity: 'high', description: 'Prompt is empty or whitespace only.' },
  PROMPT_TOO_SHORT: { rule: 'limits', severity: 'high', description: 'Prompt is shorter than policy.minLength characters.' },
  PROMPT_TOO_LONG: { rule: 'limits', severity: 'high', description: 'Prompt is longer than policy.maxLength characters (content rules are skipped).' },
  PROMPT_TOO_MANY_TOKENS: { rule: 'limits', severity: 'high', description: 'Approximate token count exceeds policy.maxTokens.' },

  ENCODING_CONTROL_CHAR: { rule: 'encoding', severity: 'low', description: 'C0/C1 control characters other than tab and newlines (medium for NUL and ESC).' },
  ENCODING_BIDI_OVERRIDE: { rule: 'encoding', severity: 'medium', description: 'Bidirectional embedding, override or isolate controls (Trojan Source).' },
  ENCODING_ZERO_WIDTH: { rule: 'encoding', severity: 'low', description: 'Zero-width or invisible characters (medium when they split a word).' },
  ENCODING_TAG_CHARS: { rule: 'encoding', severity: 'high', description: 'Unicode tag characters outside an emoji flag sequence (invisible ASCII smuggling).' },
  ENCODING_CONFUSABLE_MIX: { rule: 'encoding', severity: 'medium', description: 'A word mixing Latin letters with look-alike letters of another script.' },
  ENCODING_BLOB: { rule: 'encoding', severity: 'low', description: 'Long base64 or hex run.' },
  ENCODING_HIDDEN_INSTRUCTIONS: { rule: 'encoding', severity: 'high', description: 'Decoded base64 or tag-character content contains an injection or harmful payload.' },

  HARMFUL_SCRIPT_INJECTION: { rule: 'harmful', severity: 'medium', description: 'HTML/JavaScript injection: script tags, event handlers, javascript: URLs.' },
  HARMFUL_TEMPLATE_INJECTION: { rule: 'harmful', severity: 'medium', description: 'Server-side template or expression injection ({{ }}, ${ }, <% %>, JNDI lookups).' },
  HARMFUL_SHELL: { rule: 'harmful', severity: 'medium', description: 'Shell or code-execution payload (reverse shells, pipe-to-shell, os.system, eval of input).' },
  HARMFUL_SQL: { rule: 'harmful', severity: 'medium', description: 'SQL injection syntax (quote tautologies, stacked DROP/DELETE, UNION SELECT probes).' },
  HARMFUL_PATH_TRAVERSAL: { rule: 'harmful', severity: 'low', description: 'Path traversal or sensitive system file paths.' },

  INJECTION_OVERRIDE: { rule: 'injection', severity: 'high', description: 'Instruction override: "ignore previous instructions" and equivalents (several languages).' },
  INJECTION_ROLEPLAY: { rule: 'injection', severity: 'medium', description: 'Jailbreak role-play: unrestricted personas, DAN, developer mode, "no rules" framing.' },
  INJECTION_SYSTEM_PROMPT_EXTRACTION: { rule: 'injection', severity: 'high', description: 'Asks for the system prompt, hidden instructions or secrets.' },
  INJECTION_DELIMITER: { rule: 'injection', severity: 'medium', description: 'Fake chat-template tokens, role headers or end-of-prompt markers.' },
  INJECTION_OBFUSCATED: { rule: 'injection', severity: 'high', description: 'Override phrase written with spacing, punctuation or l33t between its letters.' },
  INJECTION_LEARNED: { rule: 'learned', severity: 'medium', description: 'The learned scorer rates the prompt as an injection attempt (score >= threshold).' },
} as const satisfies Record<string, ViolationInfo>;

export type ViolationCode = keyof typeof VIOLATION_CODES;

/**
 * One finding. `start`/`end` are UTF-16 offsets into the prompt (end exclusive, code-point
 * boundaries) when the finding has a place. Deliberately nothing else: no excerpt, no message.
 */
export interface Violation {
  code: ViolationCode;
  rule: RuleFamily;
  severity: Severity;
  start?: number;
  end?: number;
}

/** What validation returns. `score` is the learned scorer's injection probability when it ran. */
export interface PromptValidationResult {
  ok: boolean;
  violations: Violation[];
  score?: number;
}

/** Content filtering level: see LEVELS in policy.ts. */
export type ContentFiltering = 'off' | 'standard' | 'strict';

export interface PromptPolicy {
  /**
   * `'off'` runs only limits and encoding rules; `'standard'` blocks medium and high findings;
   * `'strict'` also blocks low findings and uses a lower learned threshold. @default 'standard'
   */
  contentFiltering?: ContentFiltering;
  /** Largest prompt in UTF-16 code units. @default 32_000 */
  maxLength?: number;
  /** Largest approximate token count (see estimateTokens). @default 8_000 */
  maxTokens?: number;
  /** Smallest prompt length after trimming whitespace. @default 1 */
  minLength?: number;
  /** Switch rule families off (all on by default), e.g. `{ learned: false }`. */
  rules?: Partial<Record<RuleFamily, boolean>>;
  /**
   * Learned-scorer probability at or above which INJECTION_LEARNED is reported.
   * @default 0.8 for 'standard', 0.55 for 'strict'
   */
  threshold?: number;
  /** Lowest severity that makes `ok` false. @default 'medium' ('low' when strict) */
  blockAt?: Severity;
}

/** A validator built once from a policy. */
export type PromptValidator = (text: string) => PromptValidationResult;
