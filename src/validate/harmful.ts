/**
 * Harmful content aimed at the system behind the model: payloads that do damage when a model's
 * output (or the prompt itself) reaches a browser, a template engine, a shell or a database.
 *
 * Every pattern looks for *payload syntax*, never a bare keyword, so clinical and everyday text
 * passes: "executive function", "BP drop", "select the best option", "non-union fracture",
 * "{{patient_name}}" in a letter template, doses like "5 mg/kg" and IDs like "MRN-00123". A health
 * IT colleague asking how to write a SELECT is not SQL injection either: plain SQL is at most low.
 *
 * Patterns run on the normalised, lowercased view (NFKC folds fullwidth "＜ｓｃｒｉｐｔ＞" and
 * invisible characters are gone). All are linear-time on V8: no nested unbounded quantifiers,
 * every gap is bounded.
 */
import { buildWordIndex, createGatedMatcher, windowAccept, type WordIndex } from './gate.js';
import type { Severity, Violation, ViolationCode } from './types.js';

export interface PayloadPattern {
  readonly id: string;
  readonly code: ViolationCode;
  readonly severity: Severity;
  readonly pattern: RegExp;
  /** Second step: must also match within `window` characters after the match (keeps regexes linear). */
  readonly then?: RegExp;
  /** @default 80 */
  readonly window?: number;
}

/** The built-in payload patterns, exported as data (read, filter or extend them). */
export const HARMFUL_PATTERNS: readonly PayloadPattern[] = [
  // --- HTML / JavaScript ---
  { id: 'script-exec', code: 'HARMFUL_SCRIPT_INJECTION', severity: 'high', pattern: /<script\b[^<>]{0,100}>[^<]{0,60}?(?:alert|prompt|confirm|document\.|window\.|fetch|eval|atob|location|cookie|xmlhttprequest|\()/ },
  { id: 'script-src-remote', code: 'HARMFUL_SCRIPT_INJECTION', severity: 'high', pattern: /<script\b[^<>]{0,60}?\bsrc\s{0,3}=\s{0,3}["']?(?:https?:)?\/\// },
  { id: 'script-src', code: 'HARMFUL_SCRIPT_INJECTION', severity: 'low', pattern: /<script\b[^<>]{0,60}?\bsrc\s{0,3}=/ },
  { id: 'script-tag', code: 'HARMFUL_SCRIPT_INJECTION', severity: 'low', pattern: /<\/?script\b/ },
  // Handlers that fire without user action are the XSS staples; onclick in a UI question is not.
  { id: 'event-handler', code: 'HARMFUL_SCRIPT_INJECTION', severity: 'high', pattern: /<[a-z][a-z0-9]{0,15}\b[^<>]{0,60}?\bon(?:error|load|mouseover|mouseenter|focus|animationstart|toggle|begin|pageshow)\s{0,3}=/ },
  { id: 'event-handler-code', code: 'HARMFUL_SCRIPT_INJECTION', severity: 'high', pattern: /\bon[a-z]{3,15}\s{0,3}=\s{0,3}["']?\s{0,3}(?:alert|prompt|confirm|eval|fetch|atob)\s{0,3}\(|\bon[a-z]{3,15}\s{0,3}=\s{0,3}["']?\s{0,3}(?:document\.cookie|window\.location|location\.href)/ },
  { id: 'event-handler-ui', code: 'HARMFUL_SCRIPT_INJECTION', severity: 'low', pattern: /<[a-z][a-z0-9]{0,15}\b[^<>]{0,60}?\bon(?:click|blur|input|submit|change|keyup|keydown)\s{0,3}=/ },
  { id: 'js-url', code: 'HARMFUL_SCRIPT_INJECTION', severity: 'high', pattern: /(?:href|src|action|formaction|data)\s{0,3}=\s{0,3}["']?(?:javascript|vbscript):/ },
  { id: 'js-url-call', code: 'HARMFUL_SCRIPT_INJECTION', severity: 'medium', pattern: /\bjavascript:\s{0,3}(?:alert|eval|prompt|confirm|document|window|void|fetch)\b/ },
  { id: 'data-html', code: 'HARMFUL_SCRIPT_INJECTION', severity: 'medium', pattern: /\bdata:text\/html[;,]/ },
  { id: 'frame-tag', code: 'HARMFUL_SCRIPT_INJECTION', severity: 'low', pattern: /<(?:iframe|object|embed|applet|base|meta\s+http-equiv)\b/ },
  { id: 'cookie-theft', code: 'HARMFUL_SCRIPT_INJECTION', severity: 'medium', pattern: /\bdocument\.(?:cookie|domain|write\s*\()|\blocalstorage\.getitem\s*\(/ },
  { id: 'markdown-exfil', code: 'HARMFUL_SCRIPT_INJECTION', severity: 'medium', pattern: /!\[[^\][\n]{0,100}\]\(https?:\/\/[^)\s{$%<![\]]{1,120}(?:\{|\$\{|%7b|<)/ },

  // --- Template / expression injection ---
  { id: 'ssti-braces', code: 'HARMFUL_TEMPLATE_INJECTION', severity: 'high', pattern: /\{\{[^{}]{0,60}?(?:__|\bconfig\b|\bself\b|\brequest\b|\blipsum\b|\bcycler\b|\bjoiner\b|\bnamespace\b|\bimport\b|\bos\.|popen|subclasses|\[\s{0,3}['"]|\d\s{0,3}[*+]\s{0,3}\d)/ },
  { id: 'jndi', code: 'HARMFUL_TEMPLATE_INJECTION', severity: 'high', pattern: /\$\{\s{0,5}(?:jndi|\$\{[^}]{0,20}\}j)/ },
  { id: 'lookup', code: 'HARMFUL_TEMPLATE_INJECTION', severity: 'high', pattern: /\$\{[^{}]{0,100}?(?::-|\benv:|\bsys:|\bjava:|\blower:|\bupper:)/ },
  { id: 'expr-code', code: 'HARMFUL_TEMPLATE_INJECTION', severity: 'high', pattern: /[$#]\{[^{}]{0,100}?(?:runtime|process\.|require\s*\(|\bexec\b|constructor|getclass|\bt\s*\(\s*java)/ },
  { id: 'expr-arith', code: 'HARMFUL_TEMPLATE_INJECTION', severity: 'medium', pattern: /[$#]\{\s{0,3}\d{1,6}\s{0,3}[*+]\s{0,3}\d{1,6}\s{0,3}\}/ },
  { id: 'erb-code', code: 'HARMFUL_TEMPLATE_INJECTION', severity: 'high', pattern: /<%=?[^%]{0,60}?(?:runtime|\bexec\b|\bsystem\b|\beval\b|\brequest\b|\bprocess\b|`|\d\s{0,3}\*\s{0,3}\d)/ },
  { id: 'erb-tag', code: 'HARMFUL_TEMPLATE_INJECTION', severity: 'low', pattern: /<%[=@!]?\s/ },
  { id: 'spel', code: 'HARMFUL_TEMPLATE_INJECTION', severity: 'high', pattern: /\*\{\s{0,3}t\s{0,3}\(\s{0,3}java/ },
  { id: 'proto-pollution', code: 'HARMFUL_TEMPLATE_INJECTION', severity: 'low', pattern: /__proto__|constructor\.prototype/ },

  // --- Shell and code execution ---
  { id: 'rm-rf', code: 'HARMFUL_SHELL', severity: 'high', pattern: /\brm\s{1,5}-[a-z]{0,3}r[a-z]{0,3}\s{1,5}(?:\/(?:\s|$|\*)|~|\*|\$home|--no-preserve-root)/ },
  { id: 'pipe-to-shell', code: 'HARMFUL_SHELL', severity: 'high', pattern: /\b(?:curl|wget)\s/, then: /^[^|\n]{0,80}\|\s{0,3}(?:sudo\s{1,3})?(?:ba|z|da)?sh\b/, window: 100 },
  { id: 'reverse-shell', code: 'HARMFUL_SHELL', severity: 'high', pattern: /\/dev\/tcp\/|\bbash\s{1,3}-i\s{0,3}>&|\bmkfifo\s{1,3}\/tmp\// },
  { id: 'netcat-exec', code: 'HARMFUL_SHELL', severity: 'high', pattern: /\bnc(?:at)?\s/, then: /^[^\n|;]{0,40}\s-[a-z]{0,3}e\s{1,3}\/?(?:bin\/)?(?:ba)?sh\b/, window: 60 },
  { id: 'powershell', code: 'HARMFUL_SHELL', severity: 'high', pattern: /\bdownloadstring\s{0,3}\(|\binvoke-expression\b|\biex\s{0,3}\(\s{0,3}(?:new-object|\[)/ },
  { id: 'powershell-encoded', code: 'HARMFUL_SHELL', severity: 'high', pattern: /\bpowershell(?:\.exe)?\b/, then: /\s-(?:e|ec|enc|encodedcommand)\s/, window: 60 },
  { id: 'subshell', code: 'HARMFUL_SHELL', severity: 'medium', pattern: /\$\(\s{0,3}(?:curl|wget|cat|id|whoami|uname|ls|rm|bash|sh|nc|ping|echo|python\d?|perl)\b[^()$`\n]{0,60}\)|`\s{0,3}(?:curl|wget|cat\s{1,3}\/|whoami|uname|rm\s{1,3}-|nc\s)[^`$(\n]{0,60}`/ },
  { id: 'chained-cmd', code: 'HARMFUL_SHELL', severity: 'medium', pattern: /(?:;|&&|\|\|?)\s{0,3}(?:whoami|uname\s{1,3}-a|cat\s{1,3}\/etc\/|curl\s{1,3}https?:|wget\s{1,3}https?:)/ },
  { id: 'fork-bomb', code: 'HARMFUL_SHELL', severity: 'high', pattern: /:\(\)\s{0,3}\{\s{0,3}:\s{0,3}\|\s{0,3}:\s{0,3}&\s{0,3}\}\s{0,3};\s{0,3}:/ },
  { id: 'disk-wipe', code: 'HARMFUL_SHELL', severity: 'high', pattern: /\bdd\s{1,3}if=\/dev\/(?:zero|u?random)\s{1,3}of=\/dev\/|\bmkfs\.[a-z0-9]{2,6}\s{1,3}\/dev\// },
  { id: 'py-exec', code: 'HARMFUL_SHELL', severity: 'high', pattern: /__import__\s*\(\s*['"](?:os|subprocess|socket|pty)['"]|\bruntime\.getruntime\s*\(\s*\)\s*\.exec|\bpty\.spawn\s*\(/ },
  { id: 'os-exec', code: 'HARMFUL_SHELL', severity: 'medium', pattern: /\bos\.(?:system|popen|exec[lv]p?e?)\s{0,3}\(|\bshell_exec\s{0,3}\(|\bpassthru\s{0,3}\(/ },
  { id: 'subprocess-shell', code: 'HARMFUL_SHELL', severity: 'medium', pattern: /\bsubprocess\.(?:popen|call|run|check_output)\s{0,3}\(/, then: /shell\s{0,3}=\s{0,3}true/, window: 100 },
  { id: 'child-process', code: 'HARMFUL_SHELL', severity: 'medium', pattern: /\bchild_process\b/, then: /\bexec(?:sync)?\s{0,3}\(/ },
  { id: 'eval-input', code: 'HARMFUL_SHELL', severity: 'high', pattern: /\beval\s*\(\s*(?:atob|base64_decode|request|input\s*\(|decodeuricomponent|\$_(?:get|post|request|cookie))/ },
  { id: 'eval-call', code: 'HARMFUL_SHELL', severity: 'low', pattern: /\b(?:eval|exec|system)\s*\(\s*['"`]/ },

  // --- Paths ---
  { id: 'traversal', code: 'HARMFUL_PATH_TRAVERSAL', severity: 'low', pattern: /(?:\.\.[/\\]){3,}|(?:%2e%2e(?:%2f|%5c|\/)){2,}/ },
  { id: 'sensitive-file', code: 'HARMFUL_PATH_TRAVERSAL', severity: 'medium', pattern: /(?:\.\.\/|file:\/\/|\b(?:cat|type|more|less|head|tail)\s{1,3})\/?etc\/(?:passwd|shadow)\b|\/proc\/self\/environ\b/ },

  // --- SQL injection ---
  { id: 'sql-tautology', code: 'HARMFUL_SQL', severity: 'high', pattern: /['"`]\s{0,3}\)?\s{0,3}(?:or|\|\||and)\s{1,3}\(?\s{0,3}['"][a-z0-9_]{0,10}['"]\s{0,3}(?:=|<>|!=|\blike\b)\s{0,3}['"]/ },
  { id: 'sql-quote-numeric', code: 'HARMFUL_SQL', severity: 'high', pattern: /['"`]\s{0,3}\)?\s{0,3}(?:or|and)\s{1,3}(\d{1,4})\s{0,3}=\s{0,3}\1\b/ },
  { id: 'sql-numeric-tautology', code: 'HARMFUL_SQL', severity: 'medium', pattern: /\bor\s{1,3}(\d{1,4})\s{0,3}=\s{0,3}\1\b\s{0,3}(?:--|#|\/\*|;|$|limit\b)/ },
  // A quote or paren, a semicolon, then a destructive statement: the classic "'; DROP TABLE".
  { id: 'sql-stacked', code: 'HARMFUL_SQL', severity: 'high', pattern: /['"`)]\s{0,3};\s{0,3}(?:drop|truncate|shutdown|exec|xp_)\s{0,3}(?:table|database|schema|master|cmdshell|\()?/ },
  // Multi-statement SQL with DML is normal in a health-IT question: low.
  { id: 'sql-stacked-dml', code: 'HARMFUL_SQL', severity: 'low', pattern: /['"`)]\s{0,3};\s{0,3}(?:delete|alter|update|insert|create|grant)\s{1,3}(?:table|database|from|into|user|login|schema|[a-z_]{1,30}\s{1,3}set\b)/ },
  { id: 'sql-drop-stacked', code: 'HARMFUL_SQL', severity: 'low', pattern: /;\s{0,3}(?:drop|truncate)\s{1,3}(?:table|database|schema)\b/ },
  { id: 'sql-union-probe', code: 'HARMFUL_SQL', severity: 'high', pattern: /\bunion\s{1,5}(?:all\s{1,5})?select\s{1,5}(?:null\b|\d{1,3}\s{0,3},|@@|user\s*\(|version\s*\(|database\s*\(|table_name|column_name|password|load_file|concat\s*\()/ },
  { id: 'sql-union', code: 'HARMFUL_SQL', severity: 'low', pattern: /\bunion\s{1,5}(?:all\s{1,5})?select\b/ },
  { id: 'sql-comment-cut', code: 'HARMFUL_SQL', severity: 'medium', pattern: /[a-z0-9]['"]\)?(?:--|#|\/\*)/ },
  { id: 'sql-dangerous', code: 'HARMFUL_SQL', severity: 'high', pattern: /\b(?:xp_cmdshell|sp_oacreate|pg_sleep\s*\(|waitfor\s{1,3}delay\s{1,3}['"]|load_file\s*\(|into\s{1,3}(?:out|dump)file\b|benchmark\s*\(\s*\d{5,})/ },
  { id: 'sql-sleep', code: 'HARMFUL_SQL', severity: 'high', pattern: /['"]\s{0,3}(?:and|or)\s{1,3}(?:sleep|pg_sleep)\s*\(\s*\d/ },
  { id: 'sql-drop', code: 'HARMFUL_SQL', severity: 'low', pattern: /\bdrop\s{1,3}(?:table|database)\s{1,3}(?:if\s{1,3}exists\s{1,3})?[a-z_`"[]/ },
];

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

/** Run payload patterns over a normalised view; offsets are mapped back by the caller. */
export function createHarmfulRule(
  patterns: readonly PayloadPattern[] = HARMFUL_PATTERNS,
): (norm: string) => Violation[] {
  // Cheap gate: every pattern needs one of these characters; most prompts have none.
  const GATE = /[<>{}$`|;'"%()\\/]|\bor\s+\d|\bunion\b|\bdrop\s/;
  const compiled = patterns.map((p) => ({
    ...p,
    matcher: createGatedMatcher(p.pattern, p.then ? windowAccept(p.then, p.window ?? 80) : undefined),
  }));
  return function checkHarmful(norm: string): Violation[] {
    if (!GATE.test(norm)) return [];
    const best = new Map<ViolationCode, Violation>();
    let index: WordIndex | undefined;
    for (const p of compiled) {
      const prev = best.get(p.code);
      if (prev && RANK[prev.severity] >= RANK[p.severity]) continue;
      const m = p.matcher.wordAnchored ? p.matcher.match(norm, (index ??= buildWordIndex(norm))) : p.matcher.match(norm);
      if (m === null) continue;
      best.set(p.code, { code: p.code, rule: 'harmful', severity: p.severity, start: m.index, end: m.index + m[0].length });
    }
    return [...best.values()];
  };
}
