/**
 * Property tests explore new random inputs on every developer run; in CI (CI=true) they replay a
 * fixed seed so a submission's result does not depend on the draw. Set PHI_GUARD_FC_SEED to
 * replay a failure's seed locally.
 */
import fc from 'fast-check';

const seed = process.env['PHI_GUARD_FC_SEED'] ?? (process.env['CI'] ? '20261203' : undefined);
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(seed) });
