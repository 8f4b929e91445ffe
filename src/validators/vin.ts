/**
 * Vehicle Identification Number (ISO 3779 / 49 CFR 565): 17 characters from A-Z and 0-9 except
 * I, O and Q. Position 9 is a check digit (0-9 or X) in North American VINs. `vinShape` checks
 * the alphabet only; `vinCheckDigitValid` the weighted transliteration sum mod 11.
 */
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
// Transliteration A..Z (I, O, Q are invalid and map to -1).
const LETTER_VALUES = [1, 2, 3, 4, 5, 6, 7, 8, -1, 1, 2, 3, 4, 5, -1, 7, -1, 9, 2, 3, 4, 5, 6, 7, 8, 9];

function charValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const up = code & ~0x20;
  if (up >= 65 && up <= 90) return LETTER_VALUES[up - 65] ?? -1;
  return -1;
}

export function vinShape(value: string): boolean {
  if (value.length !== 17) return false;
  for (let i = 0; i < 17; i++) if (charValue(value.charCodeAt(i)) < 0) return false;
  return true;
}

export function vinCheckDigitValid(value: string): boolean {
  if (!vinShape(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charValue(value.charCodeAt(i)) * (WEIGHTS[i] ?? 0);
  const r = sum % 11;
  const check = value.charCodeAt(8);
  return r === 10 ? (check | 0x20) === 120 : check === 48 + r;
}
