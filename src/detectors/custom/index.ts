/**
 * User-supplied patterns, run on RE2 (linear time whatever the pattern) through the safe
 * wrapper in ./re2.ts. Patterns are configuration, not PHI, but errors still name a pattern by
 * its `name` only.
 */
import { ConfigError } from '../../errors.js';
import { isEntityType, type DetectContext, type Detector, type Entity, type EntityType } from '../../types.js';
import { compileRe2, DEFAULT_MAX_MATCH_LENGTH, MAX_MAX_MATCH_LENGTH, type SafeRe2 } from './re2.js';

export interface CustomPattern {
  /** Unique name: letters, digits, `_`, `.`, `-` (1-64). Entities get `source: 'custom/<name>'`. */
  name: string;
  /** RE2 syntax (https://github.com/google/re2/wiki/Syntax): no lookaround, no backreferences. Must not match the empty string. */
  pattern: string;
  /** Any combination of `i` (ignore case), `m` (^/$ at line breaks), `s` (. matches \n). @default '' */
  flags?: string;
  /** Entity type reported for matches. */
  type: EntityType;
  /** Score of a match, 0 < score <= 1. @default 0.85 */
  score?: number;
  /** Cue words: a match with one of them shortly before it gets `contextBoost` added. @default [] */
  context?: readonly string[];
}

export interface CustomPatternOptions {
  /** Longest match guaranteed to be found exactly (UTF-16 units); see docs. @default 256 */
  maxMatchLength?: number;
  /** Characters before a match searched for its context words. @default 40 */
  contextWindow?: number;
  /** Added to the score of a match with a context word before it (capped at 1). @default 0.3 */
  contextBoost?: number;
}

export const DEFAULT_CUSTOM_SCORE = 0.85;
export const DEFAULT_CUSTOM_OPTIONS = Object.freeze({
  maxMatchLength: DEFAULT_MAX_MATCH_LENGTH,
  contextWindow: 40,
  contextBoost: 0.3,
});
/** At most this many patterns per detector: each holds WASM memory in re2-wasm's fixed 16 MiB heap. */
export const MAX_CUSTOM_PATTERNS = 256;

/** A detector over user patterns. `close()` frees the compiled patterns (idempotent). */
export interface CustomPatternDetector extends Detector {
  readonly id: 'custom';
  close(): void;
  readonly closed: boolean;
}

interface Compiled {
  re: SafeRe2;
  type: EntityType;
  score: number;
  source: string;
  cue: RegExp | undefined;
}

const NAME_RE = /^[A-Za-z0-9_.-]{1,64}$/;

function escapeLiteral(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** Validate one pattern's plain fields; returns the label used in its errors. */
function validatePattern(p: unknown, index: number, seen: Set<string>): string {
  if (typeof p !== 'object' || p === null) throw new ConfigError(`customPatterns[${index}]`, 'an object { name, pattern, type }');
  const { name, type, score, context } = p as Partial<CustomPattern>;
  if (typeof name !== 'string' || !NAME_RE.test(name)) {
    throw new ConfigError(`customPatterns[${index}].name`, '1-64 letters, digits, "_", "." or "-"');
  }
  const label = `customPatterns.${name}`;
  if (seen.has(name)) throw new ConfigError(`${label}.name`, 'a unique name (this one is used twice)');
  seen.add(name);
  if (!isEntityType(type)) throw new ConfigError(`${label}.type`, 'an entity type from ENTITY_TYPES');
  if (score !== undefined && !(typeof score === 'number' && score > 0 && score <= 1)) {
    throw new ConfigError(`${label}.score`, 'a number in (0, 1]');
  }
  if (context !== undefined && (!Array.isArray(context) || context.some((w) => typeof w !== 'string' || w.trim() === '' || w.length > 64))) {
    throw new ConfigError(`${label}.context`, 'an array of non-empty strings (at most 64 characters each)');
  }
  return label;
}

/**
 * Build the detector. Every pattern is validated and compiled once, here; any problem is a
 * ConfigError naming the pattern (and nothing compiled so far is leaked).
 */
export function createCustomPatternDetector(
  patterns: readonly CustomPattern[],
  options: CustomPatternOptions = {},
): CustomPatternDetector {
  if (!Array.isArray(patterns)) throw new ConfigError('customPatterns', 'an array of { name, pattern, type }');
  if (patterns.length > MAX_CUSTOM_PATTERNS) throw new ConfigError('customPatterns', `at most ${MAX_CUSTOM_PATTERNS} patterns`);
  if (typeof options !== 'object' || options === null) throw new ConfigError('customPatternOptions', 'an object');
  const maxMatchLength = options.maxMatchLength ?? DEFAULT_CUSTOM_OPTIONS.maxMatchLength;
  if (!Number.isInteger(maxMatchLength) || maxMatchLength < 1 || maxMatchLength > MAX_MAX_MATCH_LENGTH) {
    throw new ConfigError('maxMatchLength', `an integer from 1 to ${MAX_MAX_MATCH_LENGTH}`);
  }
  const contextWindow = options.contextWindow ?? DEFAULT_CUSTOM_OPTIONS.contextWindow;
  if (!Number.isInteger(contextWindow) || contextWindow < 0 || contextWindow > 1000) {
    throw new ConfigError('contextWindow', 'an integer from 0 to 1000');
  }
  const contextBoost = options.contextBoost ?? DEFAULT_CUSTOM_OPTIONS.contextBoost;
  if (typeof contextBoost !== 'number' || !(contextBoost >= 0 && contextBoost <= 1)) {
    throw new ConfigError('contextBoost', 'a number from 0 to 1');
  }

  const compiled: Compiled[] = [];
  const seen = new Set<string>();
  try {
    patterns.forEach((p, index) => {
      const label = validatePattern(p, index, seen);
      const re = compileRe2(label, p.pattern, p.flags ?? '', { maxMatchLength });
      const words = p.context ?? [];
      // Context cues are literals: V8 is safe for an alternation of escaped words.
      const cue = words.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeLiteral).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
      compiled.push({ re, type: p.type, score: p.score ?? DEFAULT_CUSTOM_SCORE, source: `custom/${p.name}`, cue });
    });
  } catch (err) {
    for (const c of compiled) c.re.close();
    throw err;
  }
  const types = Object.freeze([...new Set(compiled.map((c) => c.type))]);
  let closed = false;

  const detector: CustomPatternDetector = {
    id: 'custom',
    types,
    get closed() {
      return closed;
    },
    detect: function detectCustomPatterns(text: string, ctx: DetectContext): Entity[] {
      const out: Entity[] = [];
      for (const c of compiled) {
        if (!ctx.types.has(c.type)) continue;
        if (ctx.signal?.aborted) break;
        c.re.findAll(text, function onCustomMatch(start, end) {
          let score = c.score;
          if (c.cue && contextBoost > 0 && score < 1) {
            const before = text.slice(Math.max(0, start - contextWindow), start);
            if (c.cue.test(before)) score = Math.min(1, score + contextBoost);
          }
          out.push({ type: c.type, start, end, score, source: c.source });
        });
      }
      return out;
    },
    close: function closeCustomPatterns() {
      if (closed) return;
      closed = true;
      for (const c of compiled) c.re.close();
    },
  };
  // Inspect shows names only (patterns are config, but keep logs small and predictable).
  Object.defineProperty(detector, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => `CustomPatternDetector { patterns: [${patterns.map((p) => p.name).join(', ')}], closed: ${closed} }`,
  });
  return detector;
}
