/** IPv4 dotted quads and IPv6 addresses, validated with ipaddr.js. */
import ipaddr from 'ipaddr.js';
import { CUE, isDigit, stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

function spec(name: string, regex: RegExp, score: number, description: string): PatternSpec {
  return { name, family: 'ip', type: 'IP_ADDRESS', regex, score, cuedScore: 1, context: ['ip'], requiresContext: false, validator: 'ipaddr.js', description };
}

export const IP_PATTERNS = {
  v4: spec('ipv4', sticky('(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}(?!\\d|\\.\\d)(?:\\/(?:3[0-2]|[12]?\\d)(?!\\d))?'), 0.85, 'dotted-quad IPv4, optional /prefix'),
  v6: spec('ipv6', sticky('[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\\.\\d{1,3}){0,3}(?![0-9A-Za-z:])'), 0.9, 'IPv6 (full, compressed, IPv4-mapped)'),
} as const;

const SRC = 'patterns/ip';

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}

// These read the scan's code units, possibly past the text's end (0 or undefined there: never a
// hex digit, digit, '.' or ':').
function hexRun(t: Uint16Array, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!isHex(t[i] as number)) return false;
  return true;
}

/** 0-4 hex digits at p, then ':'. */
function colonAfterHex(t: Uint16Array, p: number): boolean {
  let q = p;
  while (q < p + 5 && isHex(t[q] as number)) q++;
  return q < p + 5 && t[q] === 58;
}

/** 1-3 digits at p, then '.' and a digit. */
function dotAfterDigits(t: Uint16Array, p: number): boolean {
  let q = p;
  while (q < p + 4 && isDigit(t[q] as number)) q++;
  return q > p && q < p + 4 && t[q] === 46 && isDigit(t[q + 1] as number);
}

/** At a token followed by '.' (IPv4) or ':' (IPv6). */
export function ipAt(s: Scan, start: number, end: number, allDigits: boolean): number {
  const nx = s.at(end);
  if (nx === 46 && allDigits && end - start <= 3 && isDigit(s.at(end + 1))) {
    // Dotted decimals ("98.6", "7.39") fail before the regex: a quad needs two more dots.
    if (!dotAfterDigits(s.codes, end + 1)) return -1;
    const e = stickyEnd(IP_PATTERNS.v4.regex, s.text, start);
    if (e < 0) return -1;
    const cand = s.text.slice(start, e);
    const slash = cand.indexOf('/');
    const core = slash >= 0 ? cand.slice(0, slash) : cand;
    if (!ipaddr.IPv4.isValidFourPartDecimal(core)) return -1;
    s.emit('IP_ADDRESS', start, e, s.cued(CUE.ip, start) ? 1 : 0.85, SRC);
    return e;
  }
  if (nx === 58 && end - start <= 4 && s.at(start - 1) !== 58) {
    // Labels and times ("Plan:", "14:30") fail before the regex: IPv6 needs hex groups joined
    // by two colons at least (the token itself, then 0-4 hex digits, then ':').
    if (!hexRun(s.codes, start, end) || !colonAfterHex(s.codes, end + 1)) return -1;
    const e = stickyEnd(IP_PATTERNS.v6.regex, s.text, start);
    if (e < 0) return -1;
    const cand = s.text.slice(start, e);
    let colons = 0;
    for (let i = 0; i < cand.length; i++) if (cand.charCodeAt(i) === 58) colons++;
    if (colons < 2 || !ipaddr.IPv6.isValid(cand)) return -1;
    // "12:30:45" is not valid IPv6 (too few groups, no '::'), so times never reach here.
    s.emit('IP_ADDRESS', start, e, s.cued(CUE.ip, start) ? 1 : 0.9, SRC);
    return e;
  }
  return -1;
}
