/**
 * URLs: scheme URLs (http, https, ftp), `www.` hosts and bare domains with a common TLD
 * (mychart.example.org/path). Trailing sentence punctuation and an unbalanced ')' are trimmed.
 * Clinical abbreviations with dots (q.i.d., b.i.d., p.o., e.g.) have no TLD and never match;
 * "mg/dl" has no dot.
 */
import { isAlnum, isDigit, isLetter, stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const COMMON_TLDS: readonly string[] = [
  // Not: co, tv, in, ca, me, ai, ly -- clinical shorthand without a space ("hands cool.CO and
  // SVR down", "RR 18.tv 450 on PS") would read as hosts.
  'com', 'org', 'net', 'edu', 'gov', 'mil', 'int', 'io', 'us', 'uk', 'info', 'biz', 'health', 'care', 'clinic', 'hospital',
  'app', 'dev', 'name', 'au', 'de', 'fr', 'nl', 'eu', 'nz', 'ie', 'online', 'site', 'tech', 'cloud',
];

function spec(name: string, regex: RegExp, score: number, description: string): PatternSpec {
  return { name, family: 'url', type: 'URL', regex, score, cuedScore: 1, context: [], requiresContext: false, description };
}

export const URL_PATTERNS = {
  scheme: spec('url-scheme', sticky('(?:https?|ftp|sftp):\\/\\/[^\\s<>"`]{1,2048}', 'i'), 0.95, 'http(s)/ftp URL'),
  www: spec('url-www', sticky('www\\d{0,3}\\.[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}(?:[/?#:][^\\s<>"`]{0,2048})?', 'i'), 0.95, 'www. host'),
  bare: spec('url-bare', sticky('(?<![A-Za-z0-9.\\/@-])[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\\.[A-Za-z0-9-]{1,63}){1,8}(?![A-Za-z0-9-])'), 0.85, 'bare host ending in a common TLD (example.org); a /path after it is taken by the scan. The lookbehind keeps an unanchored search linear; it only runs at a TLD after a dot'),
} as const;

/**
 * Public reference hosts (standards bodies, public health agencies) whose URLs identify nobody:
 * FHIR profiles, terminology systems. A URL on one of these hosts (or a subdomain) is not reported.
 */
export const PUBLIC_URL_HOSTS: readonly string[] = [
  'hl7.org', 'fhir.org', 'snomed.info', 'loinc.org', 'nlm.nih.gov', 'nih.gov', 'cdc.gov', 'who.int', 'cms.gov', 'fda.gov',
  'hhs.gov', 'w3.org', 'schema.org', 'ietf.org', 'iso.org', 'ihe.net', 'dicom.nema.org', 'terminology.hl7.org',
  'unitsofmeasure.org', 'rxnav.nlm.nih.gov', 'doxy.me',
];

function publicHost(t: string, start: number, end: number): boolean {
  let p = start;
  // Bounded search: indexOf over the rest of a long text for every URL would be quadratic.
  const sch = t.slice(start, Math.min(end, start + 12)).indexOf('://');
  if (sch >= 0) p = start + sch + 3;
  let q = p;
  while (q < end) {
    const c = t.charCodeAt(q);
    if (c === 47 || c === 58 || c === 63 || c === 35) break;
    q++;
  }
  const host = t.slice(p, q).toLowerCase();
  return PUBLIC_URL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

const SRC = 'patterns/url';
// Characters that end a URL path: whitespace, quotes, angle brackets, backtick.
const PATH_STOP: ReadonlySet<number> = new Set([32, 9, 10, 13, 12, 11, 160, 34, 60, 62, 96]);

function trimEnd(s: Scan, start: number, e: number): number {
  let end = e;
  for (;;) {
    const c = s.text.charCodeAt(end - 1);
    if (c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 39 || c === 93) {
      end--;
      continue;
    }
    if (c === 41 /* ) */) {
      let open = 0;
      let close = 0;
      for (let i = start; i < end; i++) {
        const d = s.text.charCodeAt(i);
        if (d === 40) open++;
        else if (d === 41) close++;
      }
      if (close > open) {
        end--;
        continue;
      }
    }
    return end;
  }
}

/** At a word "http", "https", "ftp", "sftp" or "www". */
export function urlAtScheme(s: Scan, start: number, www: boolean): number {
  const e = stickyEnd(www ? URL_PATTERNS.www.regex : URL_PATTERNS.scheme.regex, s.text, start);
  if (e < 0) return -1;
  const end = trimEnd(s, start, e);
  if (end - start < (www ? 7 : 10)) return -1;
  if (publicHost(s.text, start, end)) return end;
  s.emit('URL', start, end, 0.95, SRC);
  return end;
}

/** At a TLD word preceded by '.'; walks back to the start of the host. */
export function urlAtTld(s: Scan, tldStart: number, tldEnd: number): number {
  const t = s.text;
  if (isLetter(s.at(tldEnd)) || s.at(tldEnd) === 64 /* @ */) return -1;
  let b = tldStart - 1; // the '.'
  let labels = 0;
  let shortLabels = 0;
  // A host name is at most 253 characters and we look at most 9 labels back: the walk is bounded,
  // so a text of ".com.com.com..." stays linear.
  const floor = Math.max(0, tldStart - 254);
  while (b > floor && labels < 9) {
    let p = b;
    while (p > floor) {
      const c = t.charCodeAt(p - 1);
      if (isAlnum(c) || c === 45) p--;
      else break;
    }
    if (p === b) break;
    labels++;
    if (b - p === 1) shortLabels++;
    b = p;
    if (p > 0 && t.charCodeAt(p - 1) === 46 && p > 1 && isAlnum(t.charCodeAt(p - 2))) {
      b = p - 1;
      continue;
    }
    break;
  }
  if (labels === 0 || shortLabels === labels) return -1; // q.i.d, e.g.
  if (isDigit(t.charCodeAt(b)) && /^\d+\./.test(t.slice(b, b + 8))) return -1; // "4.CO/ci": a number, not a host
  const prev = s.at(b - 1);
  if (prev === 64 || prev === 47 || prev === 46 || prev === 58) return -1; // email domain, path, scheme handled elsewhere
  if (!isLetter(t.charCodeAt(b)) && !isAlnum(t.charCodeAt(b))) return -1;
  let e = stickyEnd(URL_PATTERNS.bare.regex, t, b);
  if (e < tldEnd) return -1;
  if (t.charCodeAt(e) === 47 /* / */) {
    const limit = Math.min(s.n, e + 2048);
    while (e < limit && !PATH_STOP.has(t.charCodeAt(e))) e++;
  }
  const end = trimEnd(s, b, e);
  if (publicHost(t, b, end)) return end;
  s.emit('URL', b, end, 0.85, SRC);
  return end;
}
