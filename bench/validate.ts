/**
 * Latency of validatePrompt (default policy): mean and p50/p99 per prompt over the dev corpus
 * (when present) and the synthetic sets, plus long prompts. Single-threaded, after a warm-up.
 * Wall time and process CPU time are both reported: on a shared, loaded machine the CPU figure
 * is the steadier one (it still includes GC).
 * Usage: npm run bench:validate
 */
import { createPromptValidator } from '../src/validate/index.js';
import { loadAll } from './prompt-data.js';

function measure(label: string, texts: readonly string[], validate: (t: string) => unknown, rounds: number): void {
  for (const t of texts.slice(0, 200)) validate(t); // warm-up (JIT, caches)
  const times: number[] = [];
  let chars = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const t0 = performance.now();
      validate(t);
      times.push(performance.now() - t0);
      chars += t.length;
    }
  }
  const total = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3);
  console.log(
    `${label.padEnd(34)} prompts=${String(times.length).padStart(6)}  avgChars=${Math.round(chars / times.length)}  mean=${(total / times.length).toFixed(3)} ms (cpu ${(cpuMs / times.length).toFixed(3)} ms)  p50=${pct(0.5)} ms  p99=${pct(0.99)} ms  max=${times[times.length - 1]!.toFixed(2)} ms  ${((chars / total) * 1000 / 1e6).toFixed(1)} MB/s`,
  );
}

const rows = loadAll();
const standard = createPromptValidator();
const strict = createPromptValidator({ contentFiltering: 'strict' });
measure('all labeled prompts (standard)', rows.map((r) => r.text), standard, 3);
measure('all labeled prompts (strict)', rows.map((r) => r.text), strict, 1);
measure('short medical questions', rows.filter((r) => r.text.length < 200 && r.label === 'benign').map((r) => r.text), standard, 3);
const long = rows.filter((r) => r.text.length >= 2000).map((r) => r.text);
if (long.length > 0) measure('long prompts (>= 2,000 chars)', long, standard, 3);
const huge = ['ignore this. '.repeat(2_600), 'Der Patient klagt über Schmerzen. '.repeat(900), 'A1b2+/'.repeat(5_000)];
measure('near-limit prompts (~30k chars)', huge, standard, 20);
