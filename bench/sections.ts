/**
 * Optional bench sections. `npm run bench` looks for these scripts beside run.ts and, when one
 * exists, runs it in its own process (`node --import tsx bench/<name>.ts --json`, one at a time),
 * so its memory figures are its own and importing it has no side effects here:
 *
 *   bench/ner.ts       NER tokens/s, model load time, RSS with the model loaded
 *   bench/validate.ts  prompt validation: ms per prompt
 *
 * Contract for a section script: given `--json`, print one JSON value on stdout (progress goes to
 * stderr) and exit 0. Preferably `{ "name": "...", "metrics": { "label": number|string, ... },
 * "rows"?: [...], "notes"?: [...] }`; any other object is shown by its top-level fields. It must
 * stay single-threaded by default. `--quick` is passed on only as the env var PHI_GUARD_BENCH_QUICK=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchSection {
  name: string;
  /** Headline figures: name -> value. */
  metrics: Record<string, number | string>;
  rows?: Record<string, number | string>[];
  notes?: string[];
}

/** Names of the optional section scripts, in the order they run. */
export const SECTION_NAMES = ['ner', 'validate'] as const;

/** Per-section time limit: a section that hangs must not hang the whole bench. */
export const SECTION_TIMEOUT_MS = 10 * 60_000;

const here = dirname(fileURLToPath(import.meta.url));

function flatten(value: unknown, prefix = '', out: Record<string, number | string> = {}): Record<string, number | string> {
  if (typeof value === 'number' || typeof value === 'string') out[prefix || 'value'] = value;
  else if (typeof value === 'boolean') out[prefix || 'value'] = String(value);
  else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

/** Normalise whatever a section printed into a BenchSection. */
export function toSection(name: string, parsed: unknown): BenchSection {
  if (parsed && typeof parsed === 'object' && 'metrics' in parsed && typeof (parsed as { metrics: unknown }).metrics === 'object') {
    const p = parsed as Partial<BenchSection>;
    return { name: typeof p.name === 'string' ? p.name : name, metrics: flatten(p.metrics), ...(p.rows ? { rows: p.rows } : {}), ...(p.notes ? { notes: p.notes } : {}) };
  }
  return { name, metrics: flatten(parsed) };
}

/** The JSON value on stdout: the whole output, or the last line-initial `{`/`[` that parses to the end. */
export function parseLastJson(stdout: string): unknown {
  const text = stdout.trim();
  const starts = [0];
  for (const m of text.matchAll(/^[[{]/gm)) starts.push(m.index);
  for (let i = starts.length - 1; i >= 0; i--) {
    try {
      return JSON.parse(text.slice(starts[i]));
    } catch {
      // try an earlier start
    }
  }
  return undefined;
}

/** Run every optional section script that exists (or the ones named). Failures are reported, not fatal. */
export function runSections(names: readonly string[] = SECTION_NAMES, quick = false): BenchSection[] {
  const out: BenchSection[] = [];
  for (const name of names) {
    const file = join(here, `${name}.ts`);
    if (!existsSync(file)) continue;
    const res = spawnSync(process.execPath, ['--import', 'tsx', file, '--json'], {
      cwd: join(here, '..'),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: SECTION_TIMEOUT_MS,
      env: { ...process.env, ...(quick ? { PHI_GUARD_BENCH_QUICK: '1' } : {}) },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (res.status !== 0) {
      out.push({ name, metrics: { error: res.signal ? `killed (${res.signal})` : `exit code ${String(res.status)}` } });
      continue;
    }
    const parsed = parseLastJson(res.stdout);
    if (parsed !== undefined) out.push(toSection(name, parsed));
    else {
      // Not (yet) following the contract: show the script's own terminal output as it printed it.
      const lines = res.stdout.split('\n').filter((l) => l.trim() !== '').slice(0, 40);
      out.push({ name, metrics: { note: 'plain-text output (no --json support)' }, notes: lines });
    }
  }
  return out;
}
