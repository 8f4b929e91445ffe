/**
 * Length limits: characters (UTF-16 code units, what JavaScript and most gateways count), an
 * approximate token count (no tokenizer download: see estimateTokens), and empty prompts.
 */
import type { Violation } from './types.js';

export interface LimitsOptions {
  readonly maxLength: number;
  readonly maxTokens: number;
  readonly minLength: number;
}

/**
 * Approximate BPE token count without a vocabulary: each run of Latin letters or digits costs one
 * token per four characters (rounded up) and every other visible character (punctuation, symbols,
 * CJK, other scripts) one token. A rough estimate, not calibrated against a real tokenizer; it
 * errs high on code and symbols, the safe side for a limit.
 */
export function estimateTokens(text: string): number {
  let tokens = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const wordish =
      (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
    if (wordish) {
      run++;
      continue;
    }
    if (run > 0) {
      tokens += Math.ceil(run / 4);
      run = 0;
    }
    // Whitespace is folded into the next token; low surrogates were counted with their pair.
    if (c === 32 || c === 9 || c === 10 || c === 13 || (c >= 0xdc00 && c <= 0xdfff)) continue;
    tokens++;
  }
  if (run > 0) tokens += Math.ceil(run / 4);
  return tokens;
}

function isBlank(text: string, minLength: number): { blank: boolean; short: boolean } {
  // Count non-whitespace length up to minLength without allocating a trimmed copy.
  const trimmed = text.trim();
  return { blank: trimmed.length === 0, short: trimmed.length < minLength };
}

/** Build the limits rule. Options are validated by the policy resolver. */
export function createLimitsRule(options: LimitsOptions): (text: string) => Violation[] {
  const { maxLength, maxTokens, minLength } = options;
  return function checkLimits(text: string): Violation[] {
    const out: Violation[] = [];
    if (text.length > maxLength) {
      out.push({ code: 'PROMPT_TOO_LONG', rule: 'limits', severity: 'high' });
      return out; // nothing else is computed on an over-long prompt
    }
    const { blank, short } = isBlank(text, minLength);
    if (blank) out.push({ code: 'PROMPT_EMPTY', rule: 'limits', severity: 'high' });
    else if (short) out.push({ code: 'PROMPT_TOO_SHORT', rule: 'limits', severity: 'high' });
    if (estimateTokens(text) > maxTokens) out.push({ code: 'PROMPT_TOO_MANY_TOKENS', rule: 'limits', severity: 'high' });
    return out;
  };
}
