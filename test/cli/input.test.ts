import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../src/errors.js';
import { openInput, readAll, readLines, type Line } from '../../src/cli/input.js';

const tmp = mkdtempSync(join(tmpdir(), 'phi-guard-input-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function collect(chunks: (string | Buffer)[], max = 1 << 20): Promise<Line[]> {
  const out: Line[] = [];
  for await (const l of readLines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), max)) out.push(l);
  return out;
}

describe('readLines', () => {
  it('splits LF and CRLF, strips a BOM, keeps a last line without newline', async () => {
    const lines = await collect(['\uFEFFa\r\nb', 'c\n\nd']);
    expect(lines.map((l) => [l.text, l.number])).toEqual([['a', 1], ['bc', 2], ['', 3], ['d', 4]]);
    expect(lines.at(-1)?.bytesRead).toBe(Buffer.byteLength('\uFEFFa\r\nbc\n\nd'));
  });
  it('decodes multi-byte characters split across chunks', async () => {
    const bytes = Buffer.from('é😀\nß');
    const lines = await collect([bytes.subarray(0, 1), bytes.subarray(1, 4), bytes.subarray(4)]);
    expect(lines.map((l) => l.text)).toEqual(['é😀', 'ß']);
  });
  it('gives the same lines however the input is chunked (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 6 }), fc.array(fc.nat(40), { maxLength: 6 }), async (rows, cuts) => {
        const buf = Buffer.from(rows.join('\n'));
        const points = [...new Set(cuts.map((c) => Math.min(c, buf.length)))].sort((a, b) => a - b);
        const chunks: Buffer[] = [];
        let at = 0;
        for (const p of [...points, buf.length]) {
          if (p > at) chunks.push(buf.subarray(at, p));
          at = Math.max(at, p);
        }
        const lines = await collect(chunks);
        const expected = buf.length === 0 ? [] : buf.toString('utf8').split('\n').map((s) => s.replace(/\r$/, ''));
        if (expected.length > 0 && expected.at(-1) === '' && buf.toString().endsWith('\n')) expected.pop();
        expect(lines.map((l) => l.text)).toEqual(expected);
        if (lines.length > 0) expect(lines.at(-1)?.bytesRead).toBe(buf.length);
      }),
    );
  });
  it('refuses a line longer than the cap, naming its number', async () => {
    const err = await collect(['ok\n', 'x'.repeat(10), 'y'.repeat(10)], 15).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('E_INPUT_TOO_LARGE');
    expect((err as InputError).message).toMatch(/^Line 2 /);
  });
});

describe('openInput / readAll', () => {
  it('knows a file size and reads it whole', async () => {
    const file = join(tmp, 'a.txt');
    writeFileSync(file, '\uFEFFhéllo');
    const src = await openInput(file);
    expect(src.size).toBe(readFileSync(file).length);
    expect(await readAll(src, 100)).toBe('héllo');
  });
  it('caps the size it reads', async () => {
    const file = join(tmp, 'b.txt');
    writeFileSync(file, 'x'.repeat(50));
    const err = await readAll(await openInput(file), 10).catch((e: unknown) => e);
    expect((err as InputError).code).toBe('E_INPUT_TOO_LARGE');
  });
  it('names errno, never the path', async () => {
    const err = await openInput(join(tmp, 'jane-doe.txt')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('E_INPUT_UNREADABLE');
    expect((err as Error).message).toBe('Cannot read the input file (ENOENT)');
  });
  it('reads stdin for "-" and for no argument', async () => {
    expect((await openInput('-', Readable.from([])))).toMatchObject({ size: undefined });
    expect((await openInput(undefined, Readable.from([])))).toMatchObject({ size: undefined });
  });
});
