import { ConfigError } from '../errors.js';
import { isEntityType, type EntityType, type Operator } from '../types.js';
import { createGeneralizeOperator } from './generalize.js';
import { createHashOperator, type HashOptions } from './hash.js';
import { createMaskOperator } from './mask.js';
import { rejectUnknownParams } from './params.js';
import { createPlaceholderOperator } from './placeholder.js';
import { createRemoveOperator } from './remove.js';
import { createTagOperator } from './tag.js';

/**
 * Operator specs: a name (`'tag'`), a name with parameters (`{ name: 'mask', keepLast: 4 }`),
 * or an Operator object. `operator` options accept one spec for every type or a per-type map
 * with an optional `default`.
 */
export type OperatorSpec = string | ({ name: string } & Record<string, unknown>) | Operator;
export type OperatorOption = OperatorSpec | ({ default?: OperatorSpec } & Partial<Record<EntityType, OperatorSpec>>);

/**
 * Builds an operator from its params. `option` is where the spec sits in the caller's options
 * (`operator`, `operator.SSN`), so a ConfigError can name `operator.SSN.keepLast`.
 */
type OperatorBuilder = (params: Record<string, unknown>, option: string) => Operator;

/** Built-in operator factories by name. Each validates its own parameters. */
export const OPERATOR_BUILDERS: Record<string, OperatorBuilder> = {
  tag: (p, option) => {
    rejectUnknownParams(p, ['format'], option);
    if (p.format !== undefined && typeof p.format !== 'function') throw new ConfigError(`${option}.format`, 'a function (type) => string');
    return createTagOperator(p as Parameters<typeof createTagOperator>[0]);
  },
  placeholder: (p, option) => {
    rejectUnknownParams(p, ['map'], option);
    return createPlaceholderOperator(p as Parameters<typeof createPlaceholderOperator>[0]);
  },
  mask: (p, option) => createMaskOperator(p, option),
  remove: (p, option) => createRemoveOperator(p, option),
  hash: (p, option) => createHashOperator(p as unknown as HashOptions, option),
  generalize: (p, option) => createGeneralizeOperator(p, option),
};

/** Names of the built-in operators, for docs, errors and the CLI. */
export function listOperatorNames(): string[] {
  return Object.keys(OPERATOR_BUILDERS);
}

function isOperator(v: unknown): v is Operator {
  return typeof v === 'object' && v !== null && typeof (v as Operator).apply === 'function' && typeof (v as Operator).name === 'string';
}

export function buildOperator(spec: OperatorSpec, option = 'operator'): Operator {
  if (isOperator(spec)) return spec;
  if (typeof spec === 'string') {
    const build = OPERATOR_BUILDERS[spec];
    if (!build) throw new ConfigError(option, `one of ${Object.keys(OPERATOR_BUILDERS).join(', ')}; unknown operator "${spec.slice(0, 40)}"`);
    return build({}, option);
  }
  if (typeof spec === 'object' && spec !== null && typeof spec.name === 'string') {
    const build = OPERATOR_BUILDERS[spec.name];
    if (!build) throw new ConfigError(`${option}.name`, `one of ${Object.keys(OPERATOR_BUILDERS).join(', ')}; unknown operator "${spec.name.slice(0, 40)}"`);
    const { name: _name, ...params } = spec;
    return build(params, option);
  }
  throw new ConfigError(option, 'an operator name, { name, ...params } or an Operator object');
}

function isSpecLike(v: unknown): boolean {
  return typeof v === 'string' || isOperator(v) || (typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string');
}

/** Turn an `operator` option into a per-type lookup. Validates once, at construction. */
export function resolveOperatorOption(option: OperatorOption | undefined): (type: EntityType) => Operator {
  if (option === undefined) {
    const tag = createTagOperator();
    return () => tag;
  }
  if (isSpecLike(option)) {
    const op = buildOperator(option as OperatorSpec);
    return () => op;
  }
  if (typeof option !== 'object' || option === null || Array.isArray(option)) {
    throw new ConfigError('operator', 'an operator spec (a name, { name, ...params } or an Operator object) or a map of entity type to operator spec');
  }
  const map = new Map<EntityType, Operator>();
  let fallback: Operator = createTagOperator();
  for (const [key, spec] of Object.entries(option)) {
    if (spec === undefined) continue;
    if (key === 'default') fallback = buildOperator(spec as OperatorSpec, 'operator.default');
    else if (isEntityType(key)) map.set(key, buildOperator(spec as OperatorSpec, `operator.${key}`));
    else throw new ConfigError(`operator.${key}`, 'an entity type from ENTITY_TYPES or "default"');
  }
  return (type) => map.get(type) ?? fallback;
}
