/**
 * Device identifiers: GS1 UDIs by their application identifiers ("(01)00844588003288(17)141120
 * (10)7654321D(21)10"), anywhere; serial numbers and other device ids only after a device cue
 * ("Serial #", "S/N", "SN:", "UDI", "device id", "IMEI"); MAC addresses ("00:1A:2B:3C:4D:5E")
 * anywhere.
 */
import { ID_TOKEN_SOURCE, idEnd, stickyEnd, sticky, type PatternSpec, type Scan } from './shared.js';

export const DEVICE_PATTERNS = {
  gs1Udi: {
    name: 'udi-gs1',
    family: 'device',
    type: 'DEVICE_ID',
    regex: sticky('\\(01\\)\\d{14}(?:\\((?:1[0-7]|21|24[01]|30|37|422|8003)\\)[A-Za-z0-9.-]{1,20}){0,8}(?![A-Za-z0-9(])'),
    score: 0.95,
    cuedScore: 1,
    context: ['device'],
    requiresContext: false,
    description: 'GS1 UDI: (01) GTIN-14 followed by production identifiers (17) (10) (21) ...',
  },
  hibcc: {
    name: 'udi-hibcc',
    family: 'device',
    type: 'DEVICE_ID',
    regex: sticky('\\+[A-Za-z][A-Za-z0-9]{3,24}(?:\\/[$+%A-Za-z0-9]{1,40})?(?![A-Za-z0-9])'),
    score: 0.9,
    cuedScore: 0.9,
    context: ['device'],
    requiresContext: true,
    description: 'HIBCC UDI (+H123PROD1/$$LOT) after a device cue',
  },
  mac: {
    name: 'mac-address',
    family: 'device',
    type: 'DEVICE_ID',
    regex: sticky('[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){4}(?![0-9A-Za-z:])'),
    score: 0.9,
    cuedScore: 0.95,
    context: ['device'],
    requiresContext: false,
    description: 'MAC address, six colon-separated hex pairs (a network device of a patient monitor or pump)',
  },
  cued: {
    name: 'device-serial',
    family: 'device',
    type: 'DEVICE_ID',
    regex: sticky(ID_TOKEN_SOURCE),
    score: 0.9,
    cuedScore: 0.9,
    context: ['device'],
    requiresContext: true,
    description: 'alphanumeric id with 2+ digits after a serial / UDI / device cue',
  },
} as const satisfies Record<string, PatternSpec>;

const SRC = 'patterns/device';

/**
 * At a two-hex-digit token followed by ':' (the IPv6 check failed or is off): six colon-separated
 * pairs are a MAC address. Times have at most three groups, so they never match.
 */
export function macAt(s: Scan, start: number, end: number): number {
  if (end - start !== 2 || s.at(end) !== 58 || s.at(start - 1) === 58) return -1;
  const e = stickyEnd(DEVICE_PATTERNS.mac.regex, s.text, start);
  if (e < 0) return -1;
  s.emit('DEVICE_ID', start, e, 0.9, SRC);
  return e;
}

/** At "01" preceded by '(' : the GS1 UDI starts at the parenthesis. */
export function udiAt(s: Scan, start: number, end: number): number {
  if (end - start !== 2 || s.at(start - 1) !== 40 || s.at(end) !== 41) return -1;
  const e = stickyEnd(DEVICE_PATTERNS.gs1Udi.regex, s.text, start - 1);
  if (e < 0) return -1;
  s.emit('DEVICE_ID', start - 1, e, 0.95, SRC);
  return e;
}

export function deviceAt(s: Scan, start: number, end: number): number {
  if (s.at(start - 1) === 40) {
    const u = udiAt(s, start, end);
    if (u > 0) return u;
  }
  if (s.at(start - 1) === 43 /* + */) {
    const h = stickyEnd(DEVICE_PATTERNS.hibcc.regex, s.text, start - 1);
    if (h > 0) {
      s.emit('DEVICE_ID', start - 1, h, 0.9, SRC);
      return h;
    }
  }
  const e = idEnd(s, start, DEVICE_PATTERNS.cued.regex, 2, 4, 64);
  if (e < 0) return -1;
  s.emit('DEVICE_ID', start, e, 0.9, SRC);
  return e;
}
