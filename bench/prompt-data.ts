/**
 * Data loading for the prompt-validation evaluation and training scripts. The development corpus
 * lives outside the repository (../shared/corpora/prompt-injection-dev, never copied in); the
 * synthetic sets are committed under test/fixtures/validate/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticPrompts, type LabeledPrompt } from '../test/fixtures/validate/synthetic-prompts.js';

export type { LabeledPrompt };
export { EVAL_ONLY_SOURCES } from '../test/fixtures/validate/synthetic-prompts.js';

const here = dirname(fileURLToPath(import.meta.url));
export const DEV_SET_PATH = resolve(
  process.env.PROMPT_INJECTION_DEV ?? resolve(here, '../../shared/corpora/prompt-injection-dev/dev.jsonl'),
);

/** The development set, or [] when it is not present (a user's clone has no ../shared). */
export function loadDevSet(): LabeledPrompt[] {
  if (!existsSync(DEV_SET_PATH)) return [];
  const out: LabeledPrompt[] = [];
  for (const line of readFileSync(DEV_SET_PATH, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { source: string; text: string; label: string };
    out.push({ source: row.source, text: row.text, label: row.label === 'injection' ? 'injection' : 'benign' });
  }
  return out;
}

export function loadAll(): LabeledPrompt[] {
  return [...loadDevSet(), ...syntheticPrompts()];
}

export function sourcesOf(rows: readonly LabeledPrompt[]): string[] {
  return [...new Set(rows.map((r) => `${r.source}|${r.label}`))].sort();
}
