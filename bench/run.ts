/**
 * Throughput and latency: `npm run bench` (single-threaded, one core).
 *
 * For each system (phi-guard's fast profile, its default detector set, and the competitor
 * packages in bench/competitors.ts) and each document size (1 KB, 4 KB, 64 KB, 1 MB of
 * clinical-note text), redact documents for about `--seconds` after a warm-up and report MB/s
 * (UTF-8 bytes / wall time), per-document p50/p99 latency and RSS. MB/s staying flat across sizes
 * shows linear scaling; the "scale" column is MB/s at 1 MB over MB/s at 4 KB.
 *
 * The time per cell is split over `--rounds` (3): round 1 measures each system in turn, the later
 * rounds interleave the systems size by size, and each cell reports its best round. On a shared
 * machine a burst of other load then costs every system a round instead of deciding the
 * comparison by which system it happened to hit.
 *
 *   npm run bench                               # fast + default + competitors, then optional sections
 *   npm run bench -- --detectors patterns       # one phi-guard profile with these detectors
 *   npm run bench -- --per-detector --no-competitors   # every registered family alone + bare pipeline
 *   npm run bench -- --json                     # machine-readable
 *   npm run bench -- --quick                    # short smoke run (one round)
 *   npm run bench -- --rounds 5                 # more, shorter rounds per cell
 *   npm run bench -- --no-competitors --sizes 4KB,1MB --seconds 2
 *
 * Peak RSS is the process's maximum so far (all systems share one process so they see the same
 * text and JIT state); phi-guard profiles run first, so their peak is not inflated by competitors.
 */
import { parseArgs } from 'node:util';
import { createRedactor, listDetectorFactories, type Redactor } from '../src/index.js';
import { COMPETITORS, loadCompetitors } from './competitors.js';
import { runSections, type BenchSection } from './sections.js';
import { DEFAULT_SIZES, cutDocuments, loadNotes } from './texts.js';

/** The fast profile: rule-based detectors only. */
export const FAST_PROFILE = ['patterns', 'phone'] as const;

interface Cell {
  size: string;
  docBytes: number;
  docs: number;
  seconds: number;
  /** MB of UTF-8 input per wall-clock second. */
  mbPerS: number;
  /**
   * MB per CPU-second of this process (user + system, all threads). On a busy shared machine this
   * is the steadier figure: time spent descheduled does not count against us.
   */
  cpuMbPerS: number;
  p50ms: number;
  p99ms: number;
  /** Measured from one cold call because a call took longer than SLOW_CALL_MS. */
  slow?: boolean;
}

interface SystemResult {
  system: string;
  detail: string;
  cells: Cell[];
  /** MB/s at the largest size over MB/s at the second size (1 MB vs 4 KB by default). */
  scale: number | null;
  rssMB: number;
  peakRssMB: number;
  error?: string;
}

type RedactFn = (text: string) => unknown;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

const mb = (bytes: number): number => bytes / 1e6;
const rssMB = (): number => process.memoryUsage().rss / 1048576;
const peakMB = (): number => process.resourceUsage().maxRSS / 1024;

/** A system whose single call takes longer than this is measured from that call alone, and larger sizes are skipped. */
export const SLOW_CALL_MS = 5_000;

/** One round's cell and its per-document latencies (merged over rounds for p50 / p99). */
type RoundCell = Cell & { lat: number[] };

/**
 * One measurement of one system at one size: `warmSeconds` of warm-up (at least 64 KB of input;
 * 0 skips it, for the later rounds), then documents for `seconds` (at least `minDocs`).
 */
async function measureCell(fn: RedactFn, label: string, docs: readonly string[], seconds: number, quick: boolean, warmSeconds: number, minDocs: number): Promise<RoundCell> {
  const bytes = docs.map((d) => Buffer.byteLength(d, 'utf8'));
  // Warm-up (first round only): at least 64 KB of input and `warmSeconds`, so the JIT has settled.
  const warmUntil = performance.now() + warmSeconds * 1000;
  let w = 0;
  let warmBytes = 0;
  if (warmSeconds > 0) do {
    const s = performance.now();
    const c = process.cpuUsage();
    await fn(docs[w % docs.length] as string);
    const ms = performance.now() - s;
    if (ms > SLOW_CALL_MS) {
      // Too slow to repeat: report this one call (warm-up included) and mark it.
      const b = bytes[w % docs.length] as number;
      const cu = process.cpuUsage(c);
      const cpuS = (cu.user + cu.system) / 1e6;
      return { size: label, docBytes: b, docs: 1, seconds: ms / 1000, mbPerS: mb(b) / (ms / 1000), cpuMbPerS: mb(b) / Math.max(cpuS, 1e-9), p50ms: ms, p99ms: ms, slow: true, lat: [ms] };
    }
    warmBytes += bytes[w % docs.length] as number;
    w++;
  } while ((performance.now() < warmUntil || warmBytes < 65536) && w < (quick ? 4 : 10_000));

  const lat: number[] = [];
  let total = 0;
  let i = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const stopAt = t0 + seconds * 1000;
  do {
    const k = i % docs.length;
    const s = performance.now();
    await fn(docs[k] as string);
    lat.push(performance.now() - s);
    total += bytes[k] as number;
    i++;
  } while (performance.now() < stopAt || i < minDocs);
  const elapsed = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(cpu0);
  const cpuSeconds = (cu.user + cu.system) / 1e6;
  lat.sort((a, b) => a - b);
  return {
    size: label,
    docBytes: Math.round(total / i),
    docs: i,
    seconds: elapsed,
    mbPerS: mb(total) / elapsed,
    cpuMbPerS: mb(total) / Math.max(cpuSeconds, 1e-9),
    p50ms: percentile(lat, 50),
    p99ms: percentile(lat, 99),
    lat,
  };
}

/**
 * The cells of one system over all rounds: for each size the best round's MB/s (wall) and the
 * best round's MB per CPU-second, each the steadiest estimate of what the code can do when other
 * work on the machine comes and goes; p50 / p99 over every round's documents.
 */
function combineRounds(rounds: readonly RoundCell[]): Cell {
  const first = rounds[0] as RoundCell;
  if (rounds.length === 1 || first.slow) {
    const { lat: _lat, ...cell } = first;
    return cell;
  }
  const lat = rounds.flatMap((r) => r.lat).sort((a, b) => a - b);
  const docs = rounds.reduce((a, r) => a + r.docs, 0);
  return {
    size: first.size,
    docBytes: Math.round(rounds.reduce((a, r) => a + r.docBytes * r.docs, 0) / docs),
    docs,
    seconds: rounds.reduce((a, r) => a + r.seconds, 0),
    mbPerS: Math.max(...rounds.map((r) => r.mbPerS)),
    cpuMbPerS: Math.max(...rounds.map((r) => r.cpuMbPerS)),
    p50ms: percentile(lat, 50),
    p99ms: percentile(lat, 99),
  };
}

interface BenchSystem {
  name: string;
  detail: string;
  fn: RedactFn;
  /**
   * Builds the system; run just before its first round, so the RSS and peak recorded after that
   * round are its own and not those of systems built for later (the default set loads the NER
   * model, dictionaries and compromise).
   */
  prepare?: () => Promise<void>;
}

interface SystemState {
  rounds: RoundCell[][];
  /** Replaces the system's detail when it could not be built. */
  detail?: string;
  /** Sizes measured (a slow cell stops the larger ones). */
  sizes: number;
  rssMB: number;
  peakRssMB: number;
  error?: string;
}

/**
 * Every system at every size, in `rounds` rounds. Round 1 runs the systems one after another (each
 * warmed up, in the order given: phi-guard first, so the RSS and peak recorded after its round are
 * its own); the later rounds go size by size and interleave the systems, in a rotated order each
 * round, so a burst of other load on the machine falls on all of them rather than on whichever
 * system happened to be running. Each round measures `seconds / rounds` per cell.
 */
async function measureSystems(
  systems: readonly BenchSystem[],
  sets: readonly { label: string; docs: string[] }[],
  seconds: number,
  rounds: number,
  quick: boolean,
  log: (s: string) => void,
): Promise<SystemResult[]> {
  const per = seconds / rounds;
  const minDocs = Math.max(1, Math.ceil((quick ? 1 : 3) / rounds));
  const state: SystemState[] = systems.map(() => ({ rounds: sets.map(() => []), sizes: sets.length, rssMB: 0, peakRssMB: 0 }));
  const logCell = (sys: BenchSystem, cell: RoundCell, round: number): void =>
    log(`  ${sys.name.padEnd(26)} ${cell.size.padStart(5)}  ${cell.mbPerS.toFixed(2).padStart(8)} MB/s (${cell.cpuMbPerS.toFixed(2)} per CPU-s)  p50 ${fmtMs(cell.p50ms)}  p99 ${fmtMs(cell.p99ms)}  (${cell.docs} docs${rounds > 1 ? `, round ${round + 1}` : ''})${cell.slow ? ' one slow call; larger sizes skipped' : ''}`);
  const run = async (k: number, j: number, round: number): Promise<void> => {
    const sys = systems[k] as BenchSystem;
    const st = state[k] as SystemState;
    const set = sets[j] as { label: string; docs: string[] };
    try {
      const cell = await measureCell(sys.fn, set.label, set.docs, per, quick, round === 0 ? Math.min(0.4, seconds * 0.3) : 0, minDocs);
      (st.rounds[j] as RoundCell[]).push(cell);
      logCell(sys, cell, round);
      if (cell.slow) st.sizes = j + 1;
    } catch (err) {
      st.error = err instanceof Error ? err.name : 'failed';
      st.sizes = j;
    }
  };
  for (let k = 0; k < systems.length; k++) {
    const st = state[k] as SystemState;
    try {
      await systems[k]?.prepare?.();
    } catch (err) {
      st.error = 'create failed';
      st.sizes = 0;
      st.detail = `could not build: ${err instanceof Error ? err.message : 'error'}`;
    }
    for (let j = 0; j < st.sizes; j++) await run(k, j, 0);
    st.rssMB = rssMB();
    st.peakRssMB = peakMB();
  }
  for (let round = 1; round < rounds; round++) {
    for (let j = 0; j < sets.length; j++) {
      for (let i = 0; i < systems.length; i++) {
        const k = (i + round) % systems.length;
        const st = state[k] as SystemState;
        // A slow cell is measured once; a failed system is not run again.
        if (st.error || j >= st.sizes || (st.rounds[j] as RoundCell[])[0]?.slow) continue;
        await run(k, j, round);
      }
    }
  }
  return systems.map((sys, k) => {
    const st = state[k] as SystemState;
    const cells = st.rounds.filter((r) => r.length > 0).map(combineRounds);
    const big = cells.length === sets.length ? cells.at(-1) : undefined;
    // 1 KB cells carry fixed per-call overhead, so compare against the second size when there are 3+.
    const small = cells.length > 2 ? cells[1] : cells[0];
    const scale = big && small && small.mbPerS > 0 ? big.mbPerS / small.mbPerS : null;
    return { system: sys.name, detail: st.detail ?? sys.detail, cells, scale, rssMB: st.rssMB, peakRssMB: st.peakRssMB, ...(st.error ? { error: st.error } : {}) };
  });
}

function fmtMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0).padStart(7)} ms` : `${ms.toFixed(3).padStart(7)} ms`;
}

function printTable(results: readonly SystemResult[], sizes: readonly string[]): void {
  const f = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(3));
  const cellOf = (r: SystemResult, size: string): Cell | undefined => r.cells.find((x) => x.size === size);
  const missing = (r: SystemResult): string => (r.cells.some((x) => x.slow) ? 'skipped' : '-');
  console.log(`${'MB/s wall (per CPU-second)'.padEnd(26)}${sizes.map((s) => s.padStart(17)).join('')}${'scale'.padStart(7)}${'RSS MB'.padStart(8)}${'peak'.padStart(7)}`);
  for (const r of results) {
    if (r.error && r.cells.length === 0) {
      console.log(`${r.system.padEnd(26)} failed: ${r.error}`);
      continue;
    }
    const mbs = sizes.map((s) => {
      const c = cellOf(r, s);
      return (c ? `${c.mbPerS.toFixed(2)}${c.slow ? '*' : ''} (${c.cpuMbPerS.toFixed(1)})` : missing(r)).padStart(17);
    });
    console.log(`${r.system.padEnd(26)}${mbs.join('')}${(r.scale === null ? '-' : r.scale.toFixed(2)).padStart(7)}${r.rssMB.toFixed(0).padStart(8)}${r.peakRssMB.toFixed(0).padStart(7)}${r.error ? `  (failed: ${r.error})` : ''}`);
  }
  console.log(`\n${'latency ms p50 / p99'.padEnd(26)}${sizes.map((s) => s.padStart(19)).join('')}`);
  for (const r of results) {
    if (r.cells.length === 0) continue;
    const lat = sizes.map((s) => {
      const c = cellOf(r, s);
      return (c ? `${f(c.p50ms)} / ${f(c.p99ms)}` : missing(r)).padStart(19);
    });
    console.log(`${r.system.padEnd(26)}${lat.join('')}`);
  }
  console.log('');
  for (const r of results) console.log(`  ${r.system}: ${r.detail}`);
  console.log('  scale = wall MB/s at the largest size / at the second size (flat = linear); RSS = after the run; peak = process max so far');
  if (results.some((r) => r.cells.some((c) => c.slow))) console.log(`  * one cold call took > ${SLOW_CALL_MS / 1000} s: measured once, larger sizes skipped`);
}

function printSection(s: BenchSection): void {
  console.log(`\n[${s.name}]`);
  for (const [k, v] of Object.entries(s.metrics)) console.log(`  ${k.padEnd(32)} ${typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(3)) : v}`);
  if (s.rows?.length) {
    const cols = Object.keys(s.rows[0] ?? {});
    console.log(`  ${cols.map((c) => c.padStart(14)).join('')}`);
    for (const row of s.rows) console.log(`  ${cols.map((c) => String(row[c] ?? '').padStart(14)).join('')}`);
  }
  for (const n of s.notes ?? []) console.log(`  ${n}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      detectors: { type: 'string' },
      'per-detector': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      seconds: { type: 'string' },
      rounds: { type: 'string' },
      sizes: { type: 'string' },
      competitors: { type: 'string' },
      'no-competitors': { type: 'boolean', default: false },
      sections: { type: 'string' },
      'no-sections': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      `usage: npm run bench -- [--detectors a,b | --per-detector] [--json] [--quick] [--seconds S] [--rounds R] [--sizes ${DEFAULT_SIZES.map(([l]) => l).join(',')}]\n` +
        `                        [--competitors ${Object.keys(COMPETITORS).join(',')}] [--no-competitors] [--sections ner,validate] [--no-sections]`,
    );
    return;
  }
  const json = values.json;
  const log = (s: string): void => {
    if (!json) console.error(s);
  };
  const quick = values.quick;
  const seconds = values.seconds !== undefined ? Number(values.seconds) : quick ? 0.2 : 1.5;
  if (!(seconds > 0)) throw new Error('--seconds expects a positive number');
  const rounds = values.rounds !== undefined ? Number(values.rounds) : quick ? 1 : 3;
  if (!(Number.isInteger(rounds) && rounds >= 1 && rounds <= 50)) throw new Error('--rounds expects an integer from 1 to 50');
  const wanted = values.sizes ? values.sizes.split(',').map((s) => s.trim().toUpperCase()) : undefined;
  const sizes = DEFAULT_SIZES.filter(([l]) => !wanted || wanted.includes(l.toUpperCase()));
  if (sizes.length === 0) throw new Error(`--sizes expects some of ${DEFAULT_SIZES.map(([l]) => l).join(',')}`);

  const source = loadNotes();
  // Enough distinct documents per size that caches see varied text: ~1.1 MB per size except 1 MB (3 windows).
  const sets = sizes.map(([label, size]) => ({ label, docs: cutDocuments(source.text, size, size >= 1_000_000 ? 3 : Math.max(4, Math.floor(1_100_000 / size))) }));

  // Profiles: --detectors gives exactly one; otherwise the fast profile (what is registered of
  // it) and the default set.
  const registered = listDetectorFactories().map((f) => f.id);
  const profiles: Record<string, string[] | undefined> = {};
  if (values['per-detector']) {
    // Each registered family alone, plus the bare pipeline (no detectors): finds the slow one.
    profiles['pipeline only'] = [];
    for (const id of registered) profiles[`phi-guard [${id}]`] = [id];
  } else if (values.detectors) profiles[`phi-guard [${values.detectors}]`] = values.detectors.split(',').map((s) => s.trim()).filter(Boolean);
  else {
    const fast = FAST_PROFILE.filter((id) => registered.includes(id));
    profiles['phi-guard fast'] = fast;
    profiles['phi-guard default'] = undefined;
  }

  log(`bench: ${source.name}; sizes ${sizes.map(([l]) => l).join(', ')}; ~${seconds}s per cell in ${rounds} round(s), systems interleaved after the first; node ${process.version}; single thread`);
  const results: SystemResult[] = [];
  const systems: BenchSystem[] = [];
  for (const [name, detectors] of Object.entries(profiles)) {
    let r: Redactor | undefined;
    const sys: BenchSystem = {
      name,
      detail: detectors ? `detectors: ${detectors.join(', ') || '(none)'}` : 'detectors: every available one',
      fn: async (t: string): Promise<unknown> => (r as Redactor).redact(t),
      prepare: async () => {
        r = await createRedactor(detectors ? { detectors } : {});
        sys.detail = `detectors: ${r.detectors.join(', ') || '(none)'}`;
      },
    };
    systems.push(sys);
  }

  let failedCompetitors: string[] = [];
  if (!values['no-competitors']) {
    const ids = values.competitors ? values.competitors.split(',').map((s) => s.trim()) : Object.keys(COMPETITORS);
    const { loaded, failed } = await loadCompetitors(ids);
    failedCompetitors = failed;
    for (const c of loaded) systems.push({ name: c.id, detail: c.pkg, fn: (t) => c.redact(t) });
  }
  results.push(...(await measureSystems(systems, sets, seconds, rounds, quick, log)));

  const sections = values['no-sections'] ? [] : runSections(values.sections?.split(',').map((s) => s.trim()), quick);

  if (json) {
    console.log(JSON.stringify({ source: source.name, node: process.version, secondsPerCell: seconds, rounds, results, failedCompetitors, sections }, null, 2));
    return;
  }
  console.log('');
  printTable(results, sizes.map(([l]) => l));
  if (failedCompetitors.length) console.log(`  not measured: ${failedCompetitors.join(', ')}`);
  for (const s of sections) printSection(s);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  process.exitCode = 1;
});
