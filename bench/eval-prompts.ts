/**
 * Accuracy of validatePrompt by source: detection rate on injection sources, false-positive rate
 * on benign ones, for each filtering level. Usage: npm run eval:prompts [-- --level standard]
 * [-- --errors N] (prints up to N misclassified row ids per source: ids and sources only, no text,
 * so the output can be pasted into notes without copying corpus text).
 */
import { createPromptValidator, type ContentFiltering } from '../src/validate/index.js';
import { loadAll, type LabeledPrompt } from './prompt-data.js';

const args = process.argv.slice(2);
const levelArg = args.includes('--level') ? args[args.indexOf('--level') + 1] : undefined;
const levels: ContentFiltering[] = levelArg ? [levelArg as ContentFiltering] : ['off', 'standard', 'strict'];

export function evaluate(rows: readonly LabeledPrompt[], validate: (t: string) => { ok: boolean }) {
  const by = new Map<string, { n: number; flagged: number; label: string }>();
  for (const r of rows) {
    const key = `${r.source}|${r.label}`;
    const s = by.get(key) ?? { n: 0, flagged: 0, label: r.label };
    s.n++;
    if (!validate(r.text).ok) s.flagged++;
    by.set(key, s);
  }
  return by;
}

function main(): void {
  const rows = loadAll();
  for (const level of levels) {
    const v = createPromptValidator({ contentFiltering: level });
    const by = evaluate(rows, v);
    console.log(`\n== contentFiltering: ${level}`);
    console.log('source'.padEnd(36), 'label'.padEnd(10), 'n'.padStart(5), 'flagged'.padStart(8), 'rate'.padStart(7));
    for (const [src, s] of [...by].sort()) {
      const metric = s.label === 'injection' ? 'detect' : 'FP';
      console.log(src.split('|')[0]!.padEnd(36), s.label.padEnd(10), String(s.n).padStart(5), String(s.flagged).padStart(8), `${((100 * s.flagged) / s.n).toFixed(1)}%`.padStart(7), metric);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
