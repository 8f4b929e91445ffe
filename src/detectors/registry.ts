import { ConfigError } from '../errors.js';
import type { Detector } from '../types.js';

/**
 * Built-in detector families register here under a stable id. A redactor built without an
 * explicit `detectors` option runs every registered family whose `available()` says yes, in
 * registration order; naming an unknown id is a ConfigError naming it.
 */
export interface DetectorFactory {
  readonly id: string;
  /** One line for docs and `phi-guard detectors`. */
  readonly description: string;
  /** True when this family can run here (e.g. an optional dependency is installed). */
  available(): boolean | Promise<boolean>;
  /** Build the detector; `options` is `RedactorOptions.detectorOptions[id]` (validate it). */
  create(options: unknown): Detector | Promise<Detector>;
}

const factories = new Map<string, DetectorFactory>();

export function registerDetector(factory: DetectorFactory): void {
  if (!/^[a-z][a-z0-9-]*$/.test(factory.id)) {
    throw new ConfigError('detector.id', 'lowercase letters, digits and dashes');
  }
  factories.set(factory.id, factory);
}

export function getDetectorFactory(id: string): DetectorFactory | undefined {
  return factories.get(id);
}

export function listDetectorFactories(): readonly DetectorFactory[] {
  return [...factories.values()];
}
