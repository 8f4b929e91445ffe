import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { createRemoveOperator } from '../../src/operators/remove.js';
import { run } from './helpers.js';

describe('remove operator', () => {
  const op = createRemoveOperator();
  it.each([
    ['Patient John Smith was seen', 'John Smith', ''],
    ['MRN:12345678.', '12345678', ''],
    ['(617) 555-0142', '(617) 555-0142', ''],
    ['call5551234567now', '5551234567', ' '],
    ['a\u00e9XYZ\u00e9b', 'XYZ', ' '],
  ])('in %j removes %j as %j', (text, value, expected) => {
    expect(run(op, 'OTHER_ID', value, text)).toBe(expected);
  });
  it('takes no parameters', () => {
    expect(() => createRemoveOperator({ joiner: ' ' })).toThrow(ConfigError);
    expect(() => createRemoveOperator({ joiner: ' ' })).toThrow(/operator\.joiner/);
  });
  it('is irreversible', () => {
    expect(op.reversible).toBe(false);
    expect(op.reverse).toBeUndefined();
  });
});
