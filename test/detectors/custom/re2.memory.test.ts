import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createCustomPatternDetector } from '../../../src/detectors/custom/index.js';
import { compileRe2, liveRe2Count } from '../../../src/detectors/custom/re2.js';

// Behaviour, not timing: re2-wasm's heap is a fixed 16 MiB, so a leak shows up as an abort
// (or RSS growth), never as slowness.

function forceGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('re2 wrapper memory', () => {
  it('compiling and freeing 10k patterns neither leaks WASM objects nor grows RSS unboundedly', () => {
    const before = liveRe2Count();
    const rssBefore = process.memoryUsage().rss;
    for (let i = 0; i < 10_000; i++) {
      const re = compileRe2('mem', `ID-${i}-[A-Z]{2}\\d{${(i % 5) + 1}}`);
      if (i % 1000 === 0) re.findAll(`x ID-${i}-AB12345 y`, () => {});
      re.close();
    }
    expect(liveRe2Count()).toBe(before);
    // Still healthy: a fresh pattern compiles and matches.
    const re = compileRe2('after', 'ok\\d');
    let n = 0;
    re.findAll('ok1 ok2', () => n++);
    re.close();
    expect(n).toBe(2);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('detectors created and closed repeatedly free everything', () => {
    const before = liveRe2Count();
    for (let i = 0; i < 500; i++) {
      const d = createCustomPatternDetector([
        { name: 'a', pattern: 'EMP-\\d{6}', type: 'OTHER_ID' },
        { name: 'b', pattern: '(?i)case-[a-z]+', type: 'OTHER_ID' },
      ]);
      d.close();
    }
    expect(liveRe2Count()).toBe(before);
  });

  it('a FinalizationRegistry frees patterns nobody closed', async () => {
    const gc = forceGc();
    const before = liveRe2Count();
    (function leak() {
      for (let i = 0; i < 2000; i++) compileRe2('leak', `leak${i}x`);
    })();
    expect(liveRe2Count()).toBe(before + 2000);
    for (let round = 0; round < 50 && liveRe2Count() > before + 100; round++) {
      gc();
      await new Promise((r) => setTimeout(r, 10));
    }
    // Collection is up to the engine; most must be gone after forced collections.
    expect(liveRe2Count()).toBeLessThanOrEqual(before + 100);
  });
});
