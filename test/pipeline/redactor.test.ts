import { describe, expect, it } from 'vitest';
import { ConfigError, InputError, createRedactor, createPlaceholderMap, type Detector } from '../../src/index.js';

const fake: Detector = {
  id: 'fake',
  types: ['NAME', 'DATE'],
  detect(text) {
    const out = [];
    for (const m of text.matchAll(/Alice|Bob/g)) out.push({ type: 'NAME' as const, start: m.index, end: m.index + m[0].length, score: 0.9, source: 'fake' });
    return out;
  },
};

describe('redactor pipeline', () => {
  it('tags by default and keeps offsets into the input', async () => {
    const r = await createRedactor({ detectors: [fake] });
    const res = await r.redact('Alice met Bob and Alice.');
    expect(res.text).toBe('[NAME] met [NAME] and [NAME].');
    expect(res.entities.map((e) => [e.start, e.end])).toEqual([[0, 5], [10, 13], [18, 23]]);
  });
  it('numbers placeholders by appearance and restores', async () => {
    const r = await createRedactor({ detectors: [fake], operator: 'placeholder' });
    const map = createPlaceholderMap();
    const res = await r.redact('Bob, Alice, Bob', { placeholders: map });
    expect(res.text).toBe('[NAME_1], [NAME_2], [NAME_1]');
    expect(map.restore(res.text)).toBe('Bob, Alice, Bob');
  });
  it('rejects unknown detector ids naming the id', async () => {
    await expect(createRedactor({ detectors: ['nope'] })).rejects.toThrow(ConfigError);
    await expect(createRedactor({ detectors: ['nope'] })).rejects.toThrow(/"nope"/);
  });
  it('types bad input without echoing it', async () => {
    const r = await createRedactor({ detectors: [fake], maxInputLength: 5 });
    await expect(r.detect(123 as unknown as string)).rejects.toThrow(InputError);
    const err = await r.detect('secret-value').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('E_INPUT_TOO_LARGE');
    expect(String((err as Error).message)).not.toContain('secret');
  });
  it('applies deny and allow lists', async () => {
    const r = await createRedactor({ detectors: [fake], allow: ['bob'], deny: ['zeta'] });
    const res = await r.redact('Alice Bob Zeta');
    expect(res.text).toBe('[NAME] Bob [OTHER_ID]');
  });
  it('fails closed when a detector throws', async () => {
    const boom: Detector = { id: 'boom', types: ['NAME'], detect() { throw new Error('leaky Alice'); } };
    const r = await createRedactor({ detectors: [boom] });
    const err = await r.redact('Alice').catch((e: unknown) => e as Error);
    expect((err as unknown as { code: string }).code).toBe('E_DETECTOR_FAILED');
    expect(JSON.stringify(err) + String(err) + String((err as Error).cause)).not.toContain('Alice');
  });
});
