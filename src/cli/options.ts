import { listDetectorFactories } from '../detectors/registry.js';
import { listOperatorNames, type OperatorOption, type OperatorSpec } from '../operators/index.js';
import type { RedactorOptions } from '../pipeline/redactor.js';
import { RESOLUTION_STRATEGIES, type ResolutionStrategy } from '../pipeline/resolve.js';
import { ENTITY_TYPES, isEntityType, type EntityType } from '../types.js';
import { UsageError } from './errors.js';

/**
 * Flags shared by `redact` and `detect`, turned into RedactorOptions. Every value is checked
 * here so an error names the flag (`--types`), not the library option. Flag values are
 * configuration, never input text, so a short, truncated echo of a bad value is allowed.
 */
export interface CommonFlags {
  detectors?: string;
  types?: string;
  threshold?: string;
  resolution?: string;
}

export interface OperatorFlags {
  operator?: string;
  hashKeyEnv?: string;
  maskChar?: string;
  maskKeepLast?: string;
}

/** Environment variable read for the `hash` operator's key unless `--hash-key-env` names another. */
export const DEFAULT_HASH_KEY_ENV = 'PHI_GUARD_HASH_KEY';

const show = (v: string) => JSON.stringify(v.slice(0, 40));

export function parseList(value: string | undefined, flag: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) throw new UsageError(`${flag} needs at least one value`);
  return items;
}

export function redactorOptionsFrom(flags: CommonFlags): RedactorOptions {
  const options: RedactorOptions = {};
  const detectors = parseList(flags.detectors, '--detectors');
  if (detectors) {
    const known = listDetectorFactories().map((f) => f.id);
    for (const d of detectors) {
      if (!known.includes(d)) throw new UsageError(`--detectors: unknown detector ${show(d)} (known: ${known.join(', ')})`);
    }
    options.detectors = detectors;
  }
  const types = parseList(flags.types, '--types');
  if (types) {
    const upper = types.map((t) => t.toUpperCase());
    for (const t of upper) {
      if (!isEntityType(t)) throw new UsageError(`--types: unknown entity type ${show(t)} (known: ${ENTITY_TYPES.join(', ')})`);
    }
    options.types = upper as EntityType[];
  }
  if (flags.threshold !== undefined) {
    const t = flags.threshold.trim();
    const n = Number(t);
    if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(t) || !(n >= 0 && n <= 1)) throw new UsageError('--threshold: expected a number from 0 to 1');
    options.threshold = n;
  }
  if (flags.resolution !== undefined) {
    if (!(RESOLUTION_STRATEGIES as readonly string[]).includes(flags.resolution)) {
      throw new UsageError(`--resolution: expected one of ${RESOLUTION_STRATEGIES.join(', ')}`);
    }
    options.resolution = flags.resolution as ResolutionStrategy;
  }
  return options;
}

/**
 * `--operator NAME` for every type, or `--operator SSN=mask,DATE=generalize,default=tag` per
 * type. The hash key comes from an environment variable, never from a flag (flags show up in
 * `ps` and shell history).
 */
export function operatorFrom(flags: OperatorFlags, env: NodeJS.ProcessEnv = process.env): OperatorOption | undefined {
  if (flags.operator === undefined) return undefined;
  const names = listOperatorNames();
  const specFor = (name: string): OperatorSpec => {
    if (!names.includes(name)) throw new UsageError(`--operator: unknown operator ${show(name)} (known: ${names.join(', ')})`);
    if (name === 'hash') {
      const envName = flags.hashKeyEnv ?? DEFAULT_HASH_KEY_ENV;
      const key = env[envName];
      if (key === undefined || key === '') throw new UsageError(`--operator hash needs a key of at least 16 bytes in the environment variable ${envName}`);
      return { name, key };
    }
    if (name === 'mask') {
      const spec: Record<string, unknown> = {};
      if (flags.maskChar !== undefined) spec.char = flags.maskChar;
      if (flags.maskKeepLast !== undefined) {
        if (!/^\d{1,6}$/.test(flags.maskKeepLast)) throw new UsageError('--mask-keep-last: expected a non-negative integer');
        spec.keepLast = Number(flags.maskKeepLast);
      }
      return { name, ...spec };
    }
    return name;
  };
  const items = parseList(flags.operator, '--operator') as string[];
  if (items.length === 1 && !items[0]?.includes('=')) return specFor(items[0] as string);
  const map: Record<string, OperatorSpec> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError('--operator: expected NAME or TYPE=NAME[,TYPE=NAME...]');
    const type = item.slice(0, eq).trim();
    const key = type.toLowerCase() === 'default' ? 'default' : type.toUpperCase();
    if (key !== 'default' && !isEntityType(key)) throw new UsageError(`--operator: unknown entity type ${show(type)}`);
    map[key] = specFor(item.slice(eq + 1).trim());
  }
  return map as OperatorOption;
}
