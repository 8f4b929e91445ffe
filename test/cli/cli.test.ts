import { mkdtempSync, writeFileSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { listDetectorFactories } from '../../src/index.js';
import { cli, start } from './run.js';

// The phone family is the one built-in these tests lean on; it lands with the core detectors.
const PHONE = '617-555-0142';
const tmp = mkdtempSync(join(tmpdir(), 'phi-guard-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('phi-guard redact', () => {
  it('redacts stdin and a file, printing only the text', async () => {
    const res = await cli(['redact', '--detectors', 'phone'], `call ${PHONE} today\n`);
    expect(res).toEqual({ code: 0, stdout: 'call [PHONE] today\n', stderr: '' });
    const file = join(tmp, 'in.txt');
    writeFileSync(file, `fax: ${PHONE}`);
    const fromFile = await cli(['redact', '--detectors', 'phone', file]);
    expect(fromFile.stdout).toBe('fax: [FAX]');
    const dash = await cli(['redact', '--detectors', 'phone', '-'], `x ${PHONE}`);
    expect(dash.stdout).toBe('x [PHONE]');
  });

  it('prints {text, entities} with --format json', async () => {
    const res = await cli(['redact', '--detectors', 'phone', '--format', 'json'], `call ${PHONE}`);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout) as { text: string; entities: { type: string; start: number; end: number }[] };
    expect(out.text).toBe('call [PHONE]');
    expect(out.entities).toMatchObject([{ type: 'PHONE', start: 5, end: 17 }]);
    expect(res.stdout).not.toContain(PHONE);
  });

  it('applies --operator, per type too, and --types', async () => {
    const masked = await cli(['redact', '--detectors', 'phone', '--operator', 'mask', '--mask-keep-last', '4'], `call ${PHONE}`);
    expect(masked.stdout).toBe('call ***-***-0142');
    const perType = await cli(['redact', '--detectors', 'phone', '--operator', 'PHONE=remove,default=tag'], `call ${PHONE} now`);
    expect(perType.stdout).toBe('call  now');
    const onlyNames = await cli(['redact', '--detectors', 'phone', '--types', 'NAME'], `call ${PHONE}`);
    expect(onlyNames.stdout).toBe(`call ${PHONE}`);
    const lower = await cli(['redact', '--detectors', 'phone', '--types', 'phone,fax'], `call ${PHONE}`);
    expect(lower.stdout).toBe('call [PHONE]');
  });

  it('hash takes its key from the environment, never from a flag', async () => {
    const noKey = await cli(['redact', '--detectors', 'phone', '--operator', 'hash'], `call ${PHONE}`, { PHI_GUARD_HASH_KEY: '' });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/^phi-guard: E_USAGE: .*PHI_GUARD_HASH_KEY/);
    const key = 'k-0123456789abcdef-secret';
    const a = await cli(['redact', '--detectors', 'phone', '--operator', 'hash'], `call ${PHONE}`, { PHI_GUARD_HASH_KEY: key });
    const b = await cli(['redact', '--detectors', 'phone', '--operator', 'hash', '--hash-key-env', 'MY_KEY'], `call ${PHONE}`, { MY_KEY: key });
    expect(a.stdout).toMatch(/^call \[PHONE:[0-9a-f]{16}\]$/);
    expect(b.stdout).toBe(a.stdout);
    const short = await cli(['redact', '--detectors', 'phone', '--operator', 'hash'], 'x', { PHI_GUARD_HASH_KEY: 'short-secret' });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/E_CONFIG/);
    expect(short.stderr).not.toContain('short-secret');
  });

  it('honours --threshold', async () => {
    const high = await cli(['redact', '--detectors', 'phone', '--threshold', '1', '--format', 'json'], `ref 617 555 0142 x`);
    const low = await cli(['redact', '--detectors', 'phone', '--threshold', '0', '--format', 'json'], `ref 617 555 0142 x`);
    const count = (s: string) => (JSON.parse(s) as { entities: unknown[] }).entities.length;
    expect(high.code).toBe(0);
    expect(count(high.stdout)).toBeLessThanOrEqual(count(low.stdout));
  });

  it('redacts the bundled example note (npm start)', async () => {
    const res = await cli(['redact', 'examples/note.txt']);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('');
    expect(res.stdout).not.toContain('(617) 555-0142');
    expect(res.stdout).not.toContain('617-555-0199');
    expect(res.stdout.length).toBeGreaterThan(500);
  });
});

describe('phi-guard detect --jsonl', () => {
  it('writes one {"id","entities"} line per record, in order, skipping blank lines', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: `call ${PHONE}` }),
      '',
      JSON.stringify({ id: 2, text: 'nothing here' }),
      JSON.stringify({ text: `fax ${PHONE}` }),
      JSON.stringify({ id: 'crlf', text: `x ${PHONE}` }) + '\r',
    ].join('\n');
    const res = await cli(['detect', '--jsonl', '--detectors', 'phone'], input);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('');
    const lines = res.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: unknown; entities: { type: string; start: number }[] });
    expect(lines.map((l) => l.id)).toEqual(['a', 2, null, 'crlf']);
    expect(lines[0]?.entities).toMatchObject([{ type: 'PHONE', start: 5 }]);
    expect(lines[1]?.entities).toEqual([]);
    expect(lines[2]?.entities).toMatchObject([{ type: 'FAX', start: 4 }]);
    expect(res.stdout).not.toContain(PHONE);
  });

  it('reads a file argument and keeps order over many records', async () => {
    const file = join(tmp, 'many.jsonl');
    const n = 2000;
    writeFileSync(file, Array.from({ length: n }, (_, i) => JSON.stringify({ id: i, text: i % 3 === 0 ? `p ${PHONE}` : `row ${i}` })).join('\n') + '\n');
    const res = await cli(['detect', '--jsonl', '--detectors', 'phone', file]);
    expect(res.code).toBe(0);
    const ids = res.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: number }).id);
    expect(ids).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('streams: answers a line before stdin is closed', async () => {
    const child = start(['detect', '--jsonl', '--detectors', 'phone']);
    child.stdout.setEncoding('utf8');
    const first = new Promise<string>((resolve) => {
      let buf = '';
      child.stdout.on('data', (d: string) => {
        buf += d;
        if (buf.includes('\n')) resolve(buf);
      });
    });
    child.stdin.write(`${JSON.stringify({ id: 1, text: `call ${PHONE}` })}\n`);
    const line = await first; // stdin is still open here
    expect(JSON.parse(line)).toMatchObject({ id: 1, entities: [{ type: 'PHONE' }] });
    child.stdin.end(`${JSON.stringify({ id: 2, text: 'x' })}\n`);
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  });

  it('fails on an invalid JSON line naming its number, never its text', async () => {
    const input = `${JSON.stringify({ id: 1, text: 'ok' })}\n{"id": 2, "text": "Jane Doe 123-45-6789"\n${JSON.stringify({ id: 3, text: 'never reached' })}\n`;
    const res = await cli(['detect', '--jsonl', '--detectors', 'phone'], input);
    expect(res.code).toBe(3);
    expect(res.stderr).toBe('phi-guard: E_INPUT_JSON: Line 2: not valid JSON\n');
    expect(res.stdout.trimEnd().split('\n')).toHaveLength(1); // line 1 was answered, nothing after
    expect(res.stdout + res.stderr).not.toContain('Jane');
  });

  it.concurrent.for([
    ['[1,2]', 'E_INPUT_JSON', /Line 1: expected an object/],
    ['{"id":1,"text":42}', 'E_INPUT_TYPE', /Line 1: "text" must be a string/],
    ['{"id":{"x":"Jane"},"text":"a"}', 'E_INPUT_TYPE', /Line 1: "id" must be/],
  ] as [string, string, RegExp][])('rejects %s with %s', async ([line, code, message], { expect }) => {
    const res = await cli(['detect', '--jsonl', '--detectors', 'phone'], `${line}\n`);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(new RegExp(`^phi-guard: ${code}: `));
    expect(res.stderr).toMatch(message);
    expect(res.stderr).not.toContain('Jane');
  });

  it('without --jsonl prints the entities of the whole input', async () => {
    const res = await cli(['detect', '--detectors', 'phone'], `a ${PHONE}`);
    expect(JSON.parse(res.stdout)).toMatchObject({ entities: [{ type: 'PHONE', start: 2, end: 14 }] });
  });

  it('prints no progress bar when stderr is not a terminal', async () => {
    const res = await cli(['detect', '--jsonl', '--detectors', 'phone'], `${JSON.stringify({ id: 1, text: 'a' })}\n`);
    expect(res.stderr).toBe('');
  });
});

describe('phi-guard detectors', () => {
  it('lists the registered detector ids with their availability', async () => {
    const res = await cli(['detectors']);
    expect(res.code).toBe(0);
    for (const f of listDetectorFactories()) expect(res.stdout).toMatch(new RegExp(`^${f.id}\\s+(available|unavailable)`, 'm'));
    const json = await cli(['detectors', '--json']);
    const rows = JSON.parse(json.stdout) as { id: string; available: boolean }[];
    expect(rows.map((r) => r.id)).toEqual(listDetectorFactories().map((f) => f.id));
  });
});

describe('errors and exit codes', () => {
  // Concurrent: each case is a process start; they do not share state.
  it.concurrent.for([
    [['redact', '--bogus'], 2, /E_USAGE: unknown option '--bogus'/],
    [['nonsense-command'], 2, /E_USAGE: unknown command/],
    [[], 2, /Usage: phi-guard/],
    [['redact', '--format', 'xml'], 2, /E_USAGE: option '--format <format>' value is invalid/],
    [['redact', '--detectors', 'nope'], 2, /E_USAGE: --detectors: unknown detector "nope"/],
    [['redact', '--types', 'NAME,BOGUS'], 2, /E_USAGE: --types: unknown entity type "BOGUS"/],
    [['redact', '--operator', 'scramble'], 2, /E_USAGE: --operator: unknown operator "scramble"/],
    [['redact', '--operator', 'BOGUS=mask'], 2, /E_USAGE: --operator: unknown entity type/],
    [['redact', '--threshold', '1.5'], 2, /E_USAGE: --threshold/],
    [['redact', '--threshold', 'abc'], 2, /E_USAGE: --threshold/],
    [['redact', '--resolution', 'best'], 2, /E_USAGE: option '--resolution <strategy>' value is invalid/],
    [['redact', '--mask-keep-last', '-3', '--operator', 'mask'], 2, /E_USAGE/],
    [['redact', 'a', 'b'], 2, /E_USAGE: too many arguments/],
    [['redact', '/nonexistent/jane_doe_1950-03-14.txt'], 3, /^phi-guard: E_INPUT_UNREADABLE: Cannot read the input file \(ENOENT\)\n$/],
    [['redact', '.'], 3, /E_INPUT_UNREADABLE: Cannot read the input file \(EISDIR\)/],
  ] as [string[], number, RegExp][])('%j exits %i', async ([args, code, message], { expect }) => {
    const res = await cli(args, '');
    expect(res.code).toBe(code);
    expect(res.stderr).toMatch(message);
    expect(res.stderr).not.toContain('jane');
    expect(res.stdout).toBe('');
  });

  it('an unreadable file is an input error', async () => {
    if (process.getuid?.() === 0) return; // root reads anything
    const file = join(tmp, 'locked.txt');
    writeFileSync(file, 'x');
    chmodSync(file, 0o000);
    const res = await cli(['redact', file]);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/E_INPUT_UNREADABLE: Cannot read the input file \(EACCES\)/);
  });

  it('a detector that cannot run here is a runtime error (exit 1)', async () => {
    const unavailable = [];
    for (const f of listDetectorFactories()) if (!(await f.available())) unavailable.push(f.id);
    if (unavailable.length === 0) return;
    const res = await cli(['redact', '--detectors', unavailable[0] as string], 'x');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^phi-guard: E_DETECTOR_UNAVAILABLE: /);
  });

  it('--help and --version exit 0', async () => {
    const help = await cli(['redact', '--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--operator', '--types', '--detectors', '--format', '--threshold', '--resolution', '--hash-key-env', '--mask-char', '--mask-keep-last']) {
      expect(help.stdout).toContain(flag);
    }
    const detectHelp = await cli(['detect', '--help']);
    expect(detectHelp.stdout).toContain('--jsonl');
    const version = await cli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });
});
