import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, type Detector, type Entity } from '../../src/index.js';
import { TOKEN_RE, dropInsideOperatorTokens, findOperatorTokens } from '../../src/pipeline/tokens.js';

const at = (start: number, end: number): Entity => ({ type: 'NAME', start, end, score: 0.9, source: 't' });

describe('operator tokens', () => {
  it('finds tag, placeholder and hash tokens only', () => {
    const text = '[NAME] [IP_ADDRESS] [NAME_12] [SSN:0123abcd] [name] [NAMES] [FOO] [NAME_] [SSN:xyz]';
    expect(findOperatorTokens(text).map(([s, e]) => text.slice(s, e))).toEqual(['[NAME]', '[IP_ADDRESS]', '[NAME_12]', '[SSN:0123abcd]']);
    expect(findOperatorTokens('no brackets')).toEqual([]);
  });
  it('finds exactly what a global exec of TOKEN_RE finds (it only tries each bracket)', () => {
    const reference = (text: string): [number, number][] => {
      const re = new RegExp(TOKEN_RE.source, 'g');
      const out: [number, number][] = [];
      for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
      return out;
    };
    const piece = fc.constantFrom('[', ']', '[[', '[NAME]', '[NAME_1]', '[IP_ADDRESS]', '[SSN:0123abcd]', '[SSN:', '_12]', 'NAME', 'x', ' ', '\uD800', '😀');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(findOperatorTokens(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
  it('drops candidates wholly inside a token and trims those that reach into one', () => {
    const text = 'x [IP_ADDRESS] Jo [NAME]';
    // positions: '[' 2, ']' 13, 'J' 15, '[' 18, ']' 23
    const inside = at(3, 5); // "IP"
    const wholeToken = at(2, 14); // exactly the token
    const intoNext = at(12, 17); // "SS] Jo" -> " Jo"
    const intoTag = at(15, 20); // "Jo [N" -> "Jo "
    const covering = at(0, 17); // covers the whole token: kept as is
    const outside = at(15, 17);
    expect(dropInsideOperatorTokens(text, [inside, wholeToken, intoNext, intoTag, covering, outside])).toEqual([
      at(14, 17),
      at(15, 18),
      covering,
      outside,
    ]);
  });
  it('keeps redaction idempotent when a detector reads words inside tags', async () => {
    const ipAsName: Detector = {
      id: 'ip-as-name',
      types: ['NAME', 'IP_ADDRESS'],
      detect(text) {
        const out: Entity[] = [];
        for (const m of text.matchAll(/\bIP\b/g)) out.push({ ...at(m.index, m.index + 2) });
        for (const m of text.matchAll(/\d+\.\d+\.\d+\.\d+/g)) out.push({ type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.9, source: 't' });
        return out;
      },
    };
    const r = await createRedactor({ detectors: [ipAsName] });
    const once = (await r.redact('from 10.0.0.1, IP logged')).text;
    expect(once).toBe('from [IP_ADDRESS], [NAME] logged');
    expect((await r.redact(once)).text).toBe(once);
  });
});
