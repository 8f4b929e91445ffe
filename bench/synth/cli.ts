/**
 * npm run synth -- --seed 1 --count 500 --out /tmp/synth.jsonl [--styles upper,lower]
 *                  [--kinds nursing,billing] [--split dev|holdout|all]
 *
 * Writes one JSON document a line ({"id","text","spans","kind","style"}), the format
 * `npm run eval -- --corpus FILE.jsonl` reads. Without --out, writes to stdout.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DOC_KINDS, DOC_STYLES, generateDocuments, type DocKind, type DocStyle, type Split } from './index.js';

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      count: { type: 'string', default: '500' },
      out: { type: 'string' },
      styles: { type: 'string' },
      kinds: { type: 'string' },
      split: { type: 'string', default: 'all' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(`usage: npm run synth -- [--seed N] [--count N] [--out FILE] [--styles ${DOC_STYLES.join(',')}] [--kinds ${DOC_KINDS.join(',')}] [--split all|dev|holdout]`);
    return;
  }
  const list = (v: string | undefined): string[] | undefined => v?.split(',').map((s) => s.trim()).filter(Boolean);
  const docs = generateDocuments({
    seed: Number(values.seed),
    count: Number(values.count),
    styles: list(values.styles) as DocStyle[] | undefined,
    kinds: list(values.kinds) as DocKind[] | undefined,
    split: values.split as Split,
  });
  const body = docs.map((d) => JSON.stringify(d)).join('\n') + (docs.length ? '\n' : '');
  if (values.out) {
    writeFileSync(values.out, body);
    const spans = docs.reduce((n, d) => n + d.spans.length, 0);
    console.error(`wrote ${docs.length} documents, ${spans} spans to ${values.out}`);
  } else process.stdout.write(body);
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
