/**
 * Throughput of the name/place detectors (`nlp`, `dictionary`) and of the default set, in MB/s
 * of CPU time on one core (CPU time, not wall time, so a busy machine does not skew it), over
 * the PhysioNet dev notes when ../shared is present, else over synthetic notes.
 *
 *   npx tsx bench/names-speed.ts [--corpus DIR] [--rounds 3]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createRedactor } from '../src/index.js';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, rounds: { type: 'string' } } });
const dir = resolve(values.corpus ?? '../shared/corpora/physionet-deid-dev');
const rounds = Number(values.rounds ?? 3);

function loadDocs(): string[] {
  const file = join(dir, 'id.text');
  if (existsSync(file)) {
    const raw = readFileSync(file, 'utf8');
    return [...raw.matchAll(/\|\|\|\|\n([\s\S]*?)\|\|\|\|END_OF_RECORD/g)].map((m) => m[1] as string);
  }
  const base = 'Pt seen by Dr. Healey. WIFE MARY CALLED from Hackensack. TO CALVERT HOSPITAL ER. Foley draining, Lasix 40 mg IV, HR 80 NSR.\n';
  return Array.from({ length: 1500 }, (_, i) => base.repeat(1 + (i % 8)));
}

const docs = loadDocs();
const chars = docs.reduce((a, d) => a + d.length, 0);
const sets: [string, string[] | undefined][] = [
  ['dictionary', ['dictionary']],
  ['nlp', ['nlp']],
  ['patterns,phone', ['patterns', 'phone']],
  ['patterns,phone,nlp,dictionary', ['patterns', 'phone', 'nlp', 'dictionary']],
  ['default', undefined],
];
console.log(`${docs.length} docs, ${(chars / 1e6).toFixed(2)} M chars, best of ${rounds} rounds (CPU time)`);
for (const [label, detectors] of sets) {
  let r;
  try {
    r = await createRedactor(detectors ? { detectors } : {});
  } catch (err) {
    console.log(`${label.padEnd(32)} unavailable (${(err as Error).name})`);
    continue;
  }
  let best = 0;
  for (let k = 0; k < rounds; k++) {
    const c0 = process.cpuUsage();
    for (const d of docs) await r.detect(d);
    const c = process.cpuUsage(c0);
    best = Math.max(best, chars / 1e6 / ((c.user + c.system) / 1e6));
  }
  console.log(`${label.padEnd(32)} ${best.toFixed(2).padStart(7)} MB/s  [${r.detectors.join(', ')}]`);
}
