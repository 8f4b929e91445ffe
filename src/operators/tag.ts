import type { Operator } from '../types.js';

/** `[TYPE]`: the default. Irreversible, reveals only the entity type. */
export function createTagOperator(options: { format?: (type: string) => string } = {}): Operator {
  const format = options.format ?? ((type: string) => `[${type}]`);
  return {
    name: 'tag',
    reversible: false,
    apply: function applyTag(_value, ctx) {
      return format(ctx.entity.type);
    },
  };
}
