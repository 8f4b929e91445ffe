/**
 * Benchmark input: clinical-note text cut into documents of fixed sizes. The dev corpus notes
 * are used when ../shared is present (read in memory only, never written anywhere); synthetic
 * notes otherwise, so the bench runs in a user's clone too.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadPhysionet } from './eval/corpus.js';
import { generateDocuments } from './synth/index.js';

export const DEFAULT_CORPUS_DIR = '../shared/corpora/physionet-deid-dev';

export interface TextSource {
  /** 'physionet-deid-dev' or 'synthetic (seed 1)'. */
  name: string;
  /** Notes joined with blank lines. */
  text: string;
}

/** Notes joined into one long text, at least `minChars` long (cycled when shorter). */
export function loadNotes(minChars = 1_100_000, corpusDir = DEFAULT_CORPUS_DIR): TextSource {
  const dir = resolve(corpusDir);
  let notes: string[];
  let name: string;
  if (existsSync(dir)) {
    notes = loadPhysionet(dir).docs.map((d) => d.text.trim());
    name = 'physionet-deid-dev notes';
  } else {
    notes = generateDocuments({ seed: 1, count: 3000 }).map((d) => d.text.trim());
    name = 'synthetic notes (seed 1)';
  }
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < minChars; i++) {
    const note = notes[i % notes.length] ?? '';
    parts.push(note);
    n += note.length + 2;
  }
  return { name, text: parts.join('\n\n') };
}

export interface SizedDocs {
  label: string;
  bytes: number;
  docs: string[];
}

export const DEFAULT_SIZES: readonly [string, number][] = [
  ['1KB', 1024],
  ['4KB', 4096],
  ['64KB', 65536],
  ['1MB', 1048576],
];

/**
 * `count` documents of about `size` characters each, cut from consecutive windows of the text
 * (wrapping around) and ending at a whitespace so no word is split in two.
 */
export function cutDocuments(text: string, size: number, count: number): string[] {
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + size > text.length) at = 0;
    let end = Math.min(text.length, at + size);
    const ws = text.lastIndexOf(' ', end);
    if (ws > at + size * 0.9) end = ws;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}
