import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; output: () => string } {
  const pt = new PassThrough();
  let out = '';
  pt.on('data', (d: Buffer) => (out += d.toString()));
  Object.assign(pt, { isTTY, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream: pt as unknown as NodeJS.WriteStream, output: () => out };
}

describe('progress bar', () => {
  it('draws bytes of total on a terminal', () => {
    const { stream, output } = fakeStream(true);
    const p = createProgress(2 * 1_048_576, stream);
    p.update(1_048_576, 10);
    p.stop();
    expect(output()).toMatch(/of 2\.0 MB/);
    expect(output()).toMatch(/lines/);
  });
  it('draws bytes and lines when the size is unknown', () => {
    const { stream, output } = fakeStream(true);
    const p = createProgress(undefined, stream);
    p.update(5, 1);
    p.stop();
    expect(output()).toMatch(/MB \| \d+ lines/);
  });
  it('stays silent when not a terminal', () => {
    const { stream, output } = fakeStream(false);
    const p = createProgress(100, stream);
    p.update(50, 1);
    p.stop();
    expect(output()).toBe('');
  });
});

describe('bin', () => {
  it('main.ts starts with a node shebang (tsc keeps it in dist/cli/main.js)', () => {
    expect(readFileSync(new URL('../../src/cli/main.ts', import.meta.url), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin['phi-guard']).toBe('./dist/cli/main.js');
  });
});
