/**
 * Ages over 89 (HIPAA Safe Harbor keeps ages up to 89 and requires aggregating 90+): "92 yo",
 * "92yo", "92 y/o", "93-year-old", "95 years old", "age 95", "aged 101", "ninety-two year old",
 * "husband is ninety-one" (a spelled-out 91-99 not followed by a unit), "turned 90 last week".
 * Ages of 89 and under are never reported. The span is the number (or number words).
 */
import { CUE, isDigit, stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

function spec(name: string, regex: RegExp, score: number, cuedScore: number, description: string): PatternSpec {
  return { name, family: 'age', type: 'AGE', regex, score, cuedScore, context: ['age'], requiresContext: false, description };
}

export const AGE_PATTERNS = {
  suffix: spec('age-suffix', sticky('\\d{2,3}(?: ?|-)(?:y\\/o|y\\.o\\.?|yo[mf]?(?![a-z])|yrs?(?![a-z])|years?(?![a-z])|year-old|y(?=[ -]?[mfo]\\b|\\b)|[mf](?![a-z]))', 'i'), 0.9, 0.95, 'number 90-125 followed by yo, y/o, y.o., yr(s), year(s), -year-old'),
  cued: spec(
    'age-cued',
    sticky('\\d{2,3}(?![\\d.\\/:%A-Za-z-])(?! ?(?:degrees?|deg|°|mg|ml|cc|units?|times|minutes?|mins?|seconds?|percent|lbs?|kg)(?![a-z]))'),
    0.85,
    0.85,
    'number 90-125 right after "age", "aged", "age:", "turned" (not before a unit: "turned 90 degrees")',
  ),
  wordsCued: spec('age-words-cued', sticky('ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?(?![a-z])', 'i'), 0.85, 0.85, 'ninety[-two] right after an age cue'),
  wordsCompound: spec(
    'age-words-compound',
    sticky('ninety[- ](?:one|two|three|four|five|six|seven|eight|nine)(?![a-z])(?![- ]?(?:percent|%|minutes?|mins?|seconds?|secs?|degrees?|mg|mcg|ml|cc|units?|days?|hours?|hrs?|weeks?|wks?|months?|times|beats|bpm|mm|pounds|lbs?|kg|feet|ft|inches|miles|dollars|cents)(?![a-z]))', 'i'),
    0.8,
    0.85,
    'ninety-one .. ninety-nine spelled out, not followed by a unit ("husband is ninety-one")',
  ),
  words: spec('age-words', sticky('ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?(?=(?: ?-? ?)(?:years?|yrs?|y\\/o|yo)(?![a-z]))', 'i'), 0.85, 0.9, 'ninety[-two] followed by year(s) old / yo'),
} as const;

const SRC = 'patterns/age';

export function ageAtDigits(s: Scan, start: number, end: number, allDigits: boolean): number {
  const c = s.codes;
  // Only 2-3 leading digits can be 90-125: most numbers of a note (1 digit, 4+) stop here,
  // reading the code units (cheaper than charCodeAt on the caller's string).
  const digits = allDigits ? end - start : countLeadingDigits(c, start, end);
  if (digits < 2 || digits > 3) return -1;
  const d0 = (c[start] as number) - 48;
  if (digits === 2 ? d0 !== 9 : d0 !== 1) return -1;
  let v = 0;
  for (let i = start; i < start + digits; i++) v = v * 10 + ((c[i] as number) - 48);
  if (v < 90 || v > 125) return -1;
  // The suffix regex needs y, m or f right after the digits or after one ' ' / '-': blood
  // pressures and heart rates in the 90-125 range ("120/80", "HR 104,") fail here first.
  const e = suffixCanFollow(c, start + digits) ? stickyEnd(AGE_PATTERNS.suffix.regex, s.text, start) : -1;
  const cued = s.cued(CUE.age, start, 8);
  if (e > 0) {
    s.emit('AGE', start, start + digits, cued ? 0.95 : 0.9, SRC);
    return e;
  }
  if (allDigits && cued) {
    const ce = stickyEnd(AGE_PATTERNS.cued.regex, s.text, start);
    if (ce > 0) {
      s.emit('AGE', start, ce, 0.85, SRC);
      return ce;
    }
  }
  return -1;
}

export function ageAtWord(s: Scan, start: number): number {
  const e = stickyEnd(AGE_PATTERNS.words.regex, s.text, start);
  if (e > 0) {
    s.emit('AGE', start, e, 0.85, SRC);
    return e;
  }
  // "husband is ninety-one": notes write measurements in digits, so a spelled-out 91-99 that
  // is not followed by a unit is an age.
  const w = stickyEnd(AGE_PATTERNS.wordsCompound.regex, s.text, start);
  if (w > 0) {
    s.emit('AGE', start, w, 0.8, SRC);
    return w;
  }
  if (s.cued(CUE.age, start, 8)) {
    // "age ninety-two": the word form after an age cue, without a suffix.
    const c = stickyEnd(AGE_PATTERNS.wordsCued.regex, s.text, start);
    if (c > 0) {
      s.emit('AGE', start, c, 0.85, SRC);
      return c;
    }
  }
  return -1;
}

/** Reads the code units; past the text's end they are 0 or undefined, neither y, m nor f. */
function suffixCanFollow(t: Uint16Array, p: number): boolean {
  let c = t[p] as number;
  if (c === 32 || c === 45) c = t[p + 1] as number;
  c |= 32;
  return c === 121 || c === 109 || c === 102;
}

function countLeadingDigits(c: Uint16Array, s: number, e: number): number {
  let i = s;
  while (i < e && isDigit(c[i] as number)) i++;
  return i - s;
}
