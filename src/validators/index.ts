/**
 * Checksum and structure validators: pure functions over a candidate's text. Detectors turn them
 * into tri-state hooks (confirmed / rejected / no opinion), see src/detectors/patterns.
 */
export { luhnValid } from './luhn.js';
export { npiValid } from './npi.js';
export { deaValid } from './dea.js';
export { vinShape, vinCheckDigitValid } from './vin.js';
export { ibanValid, IBAN_LENGTHS } from './iban.js';
export { abaValid } from './aba.js';
export { ssnValid } from './ssn.js';
export { mbiValid } from './mbi.js';

/** Outcome of a checksum hook: true confirms (score 1), false rejects (drop), undefined: no opinion. */
export type Verdict = boolean | undefined;
