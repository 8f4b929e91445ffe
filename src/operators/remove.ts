import type { Operator } from '../types.js';
import { isWordCharAt } from '../utils/text.js';
import { hideParams, rejectUnknownParams } from './params.js';

/**
 * `remove`: delete the value. When the characters on both sides of the entity are letters or
 * digits, deleting it would glue two words into one ("seen by Dr.Smith" is fine, but a value
 * between two word characters, as in "call5551234567now", would yield "callnow"), so a single
 * space is left instead.
 * Otherwise the value is replaced by the empty string and surrounding whitespace is left as it
 * was (a double space may remain: collapsing it would rewrite text outside the entity).
 * Takes no parameters. Irreversible.
 */
export function createRemoveOperator(params: Record<string, unknown> = {}, option = 'operator'): Operator {
  rejectUnknownParams(params, [], option);
  return hideParams({
    name: 'remove',
    reversible: false,
    apply: function applyRemove(_value, ctx) {
      const { text, entity } = ctx;
      return isWordCharAt(text, entity.start - 1) && isWordCharAt(text, entity.end) ? ' ' : '';
    },
  });
}
