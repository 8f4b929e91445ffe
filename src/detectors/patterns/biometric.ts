/**
 * Biometric identifiers (Safe Harbor (P)): template ids, hashes and record numbers of
 * fingerprints, retina / iris scans, voiceprints, face templates and palm veins, only after a
 * biometric cue ("fingerprint hash", "face template #", "retinal scan ID:"). A bare hex string
 * or UUID without such a cue stays with the `other-id` family.
 */
import { ID_TOKEN_SOURCE, idEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const BIOMETRIC_PATTERNS = {
  cued: {
    name: 'biometric-id',
    family: 'biometric',
    type: 'BIOMETRIC_ID',
    regex: sticky(ID_TOKEN_SOURCE),
    score: 0.9,
    cuedScore: 0.9,
    context: ['biometric'],
    requiresContext: true,
    description: 'alphanumeric template id or hash with 2+ digits after a biometric cue',
  },
} as const satisfies Record<string, PatternSpec>;

export function biometricAt(s: Scan, start: number): number {
  const e = idEnd(s, start, BIOMETRIC_PATTERNS.cued.regex, 2, 4, 128);
  if (e < 0) return -1;
  s.emit('BIOMETRIC_ID', start, e, 0.9, 'patterns/biometric');
  return e;
}
