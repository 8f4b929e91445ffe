import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ConfigError } from '../../src/errors.js';
import { RESTRICTED_ZIP3, createGeneralizeOperator } from '../../src/operators/generalize.js';
import type { EntityType } from '../../src/types.js';
import { run } from './helpers.js';

const op = createGeneralizeOperator({ referenceYear: 2026 });

describe('generalize operator', () => {
  it('holds the 17 restricted ZIP3 prefixes from the HHS guidance', () => {
    expect([...RESTRICTED_ZIP3].sort()).toEqual(
      ['036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893'],
    );
  });

  it.each<[EntityType, string, string]>([
    ['AGE', '92', '90+'],
    ['AGE', '90', '90+'],
    ['AGE', '89', '89'],
    ['AGE', '104 years old', '90+ years old'],
    ['AGE', '92-year-old', '90+-year-old'],
    ['AGE', 'aged 95', 'aged 90+'],
    ['AGE', '91yo', '90+yo'],
    ['AGE', '93 y/o', '90+ y/o'],
    ['AGE', '92+', '90+'],
    ['AGE', 'Mr Old 92', '90+'],
    ['AGE', 'ninety-two', '[AGE]'],
    ['AGE', '92 and 93', '[AGE]'],
    ['ZIP_CODE', '02139', '021'],
    ['ZIP_CODE', '02139-4307', '021'],
    ['ZIP_CODE', '021394307', '021'],
    ['ZIP_CODE', '03601', '000'],
    ['ZIP_CODE', '89301-1234', '000'],
    ['ZIP_CODE', '05901', '000'],
    ['ZIP_CODE', '0213', '[ZIP_CODE]'],
    ['ZIP_CODE', 'MA 02139', '[ZIP_CODE]'],
    ['DATE', '03/14/2021', '2021'],
    ['DATE', '2021-03-14', '2021'],
    ['DATE', '2021-03-14T09:30', '2021'],
    ['DATE', 'March 14, 2021', '2021'],
    ['DATE', 'Mar. 14th 2021', '2021'],
    ['DATE', 'March 2021', '2021'],
    ['DATE', '14-Mar-2021', '2021'],
    ['DATE', '14 March 2021', '2021'],
    ['DATE', '20210314', '2021'],
    ['DATE', '202103141530', '2021'],
    ['DATE', '3/14/21', '2021'],
    ['DATE', '3/14/26', '2026'],
    ['DATE', '3/14/27', '[DATE]'],
    ['DATE', '3/14/40', '1940'],
    ['DATE', '3/14/45', '1945'],
    ['DATE', '14/3/2021', '2021'],
    ['DATE', '03/14/2021 14:30', '2021'],
    ['DATE', '3/14', '[DATE]'],
    ['DATE', 'March 14', '[DATE]'],
    ['DATE', 'yesterday', '[DATE]'],
    ['DATE', '13/13/2021', '[DATE]'],
    ['DATE', '20211399', '[DATE]'],
    ['DATE', '1930-01-02', '[DATE]'],
    ['DATE', '1937-01-02', '1937'],
    ['NAME', 'Jane Doe', '[NAME]'],
    ['SSN', '123-45-6789', '[SSN]'],
  ])('%s %j -> %j', (type, value, expected) => {
    expect(run(op, type, value)).toBe(expected);
  });

  it('only ever outputs the tag or the coarse form (property, any string)', () => {
    const shapes: Record<string, RegExp> = {
      DATE: /^\d{4}$/,
      ZIP_CODE: /^\d{3}$/,
      AGE: /^(?:(?:age|aged)[\s:]*)?(?:90\+|\d{1,3})[a-z\s/.\-]*\+?$/i,
      NAME: /^$/,
    };
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^[\d/\- ]{0,12}$/), fc.stringMatching(/^\D{0,5}\d{1,3}\D{0,5}$/)),
        fc.constantFrom<EntityType>('DATE', 'ZIP_CODE', 'AGE', 'NAME'),
        (s, type) => {
          const out = run(op, type, s);
          expect(out === `[${type}]` || (shapes[type] as RegExp).test(out)).toBe(true);
        },
      ),
    );
  });

  it('defaults referenceYear to the current year', () => {
    const now = new Date().getUTCFullYear();
    expect(run(createGeneralizeOperator(), 'DATE', `01/02/${now}`)).toBe(String(now));
  });

  it.each([
    [{ referenceYear: 26 }, 'operator.referenceYear'],
    [{ referenceYear: '2026' }, 'operator.referenceYear'],
    [{ pivot: 50 }, 'operator.pivot'],
  ])('rejects %j naming %s', (params, option) => {
    let err: unknown;
    try {
      createGeneralizeOperator(params as never);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).option).toBe(option);
  });
});
