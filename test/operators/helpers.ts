import type { Entity, EntityType, Operator, OperatorContext } from '../../src/types.js';

/** Apply `op` to the whole of `value` (or to `text.slice(start, end)` when given) as `type`. */
export function run(op: Operator, type: EntityType, value: string, text = value, start = text.indexOf(value)): string {
  const entity: Entity = { type, start, end: start + value.length, score: 1, source: 'test' };
  const ctx: OperatorContext = { entity, text, state: new Map() };
  return op.apply(value, ctx);
}
