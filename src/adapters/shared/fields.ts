import { ConfigError } from '../../errors.js';
import type { JsonPath } from './json.js';

/**
 * Which string leaves of a JSON body get redacted. Patterns are JSON Pointers (RFC 6901) where
 * a `*` segment matches any key or index. LLM patterns match exactly (so `type: "text"` or an
 * image URL next to the text is left alone); user pointers also cover every string below them.
 */

/** Request fields of OpenAI (chat, completions, responses, embeddings) and Anthropic Messages. */
export const LLM_REQUEST_FIELDS: readonly string[] = [
  '/messages/*/content',
  '/messages/*/content/*/text',
  '/messages/*/content/*/content',
  '/messages/*/content/*/content/*/text',
  '/messages/*/tool_calls/*/function/arguments',
  '/system',
  '/system/*/text',
  '/prompt',
  '/prompt/*',
  '/input',
  '/input/*',
  '/input/*/content',
  '/input/*/content/*/text',
  '/input/*/output',
  '/instructions',
];

/** Response fields redacted in response mode 'redact' (restore mode restores every string). */
export const LLM_RESPONSE_FIELDS: readonly string[] = [
  '/choices/*/message/content',
  '/choices/*/message/tool_calls/*/function/arguments',
  '/choices/*/text',
  '/content/*/text',
  '/content/*/thinking',
  '/output/*/content/*/text',
  '/output_text',
];

/** `'llm'` (the LLM fields above), `'all'` (every string value) or a list of JSON Pointers. */
export type FieldSelection = 'llm' | 'all' | readonly string[];

export type FieldMatcher = (path: JsonPath) => boolean;

function parsePointer(p: string, option: string): string[] {
  if (p === '') return [];
  if (!p.startsWith('/')) throw new ConfigError(option, 'JSON Pointers starting with "/"');
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function compile(patterns: readonly string[], prefix: boolean, option: string): FieldMatcher {
  const compiled = patterns.map((p) => parsePointer(p, option));
  return function matchField(path) {
    for (const segs of compiled) {
      if (prefix ? path.length < segs.length : path.length !== segs.length) continue;
      let ok = true;
      for (let k = 0; k < segs.length; k++) {
        const s = segs[k];
        if (s !== '*' && s !== String(path[k])) {
          ok = false;
          break;
        }
      }
      if (ok) return true;
    }
    return false;
  };
}

export function compileFieldSelection(sel: FieldSelection | undefined, option = 'fields'): FieldMatcher {
  if (sel === undefined || sel === 'llm') return compile(LLM_REQUEST_FIELDS, false, option);
  if (sel === 'all') return () => true;
  if (!Array.isArray(sel) || sel.some((p) => typeof p !== 'string')) {
    throw new ConfigError(option, "'llm', 'all' or an array of JSON Pointers");
  }
  return compile(sel, true, option);
}

export function compileResponseFields(): FieldMatcher {
  return compile(LLM_RESPONSE_FIELDS, false, 'responseFields');
}

/** The JSON Pointer spelling of a path (for violation reports). */
export function toPointer(path: JsonPath): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
