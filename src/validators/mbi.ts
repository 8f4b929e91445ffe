/**
 * Medicare Beneficiary Identifier (CMS, 2018+): 11 characters, dashes optional after positions
 * 4 and 7 (`1EG4-TE5-MK73`). Positions: 1 digit 1-9; 2, 5, 8, 9 letters; 3, 6 letter or digit;
 * 4, 7, 10, 11 digits. Letters exclude S, L, O, I, B and Z. There is no check digit: this is
 * a format rule only.
 */
// C = digit 1-9, N = digit 0-9, A = allowed letter, X = allowed letter or digit
const LAYOUT = 'CAXNAXNAANN';

function allowedLetter(code: number): boolean {
  const up = code & ~0x20;
  if (up < 65 || up > 90) return false;
  return up !== 83 && up !== 76 && up !== 79 && up !== 73 && up !== 66 && up !== 90; // S L O I B Z
}

export function mbiValid(value: string): boolean {
  let k = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 45 && (k === 4 || k === 7)) continue;
    if (k >= 11) return false;
    const slot = LAYOUT.charCodeAt(k);
    const isDigit = c >= 48 && c <= 57;
    if (slot === 67 /* C */ && !(isDigit && c !== 48)) return false;
    if (slot === 78 /* N */ && !isDigit) return false;
    if (slot === 65 /* A */ && !allowedLetter(c)) return false;
    if (slot === 88 /* X */ && !(isDigit || allowedLetter(c))) return false;
    k++;
  }
  return k === 11;
}
