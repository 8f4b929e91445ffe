/**
 * Check-digit arithmetic for synthetic identifiers, written independently of src/validators so
 * the generator also cross-checks the detectors' validators (a shared bug would hide itself).
 * Pure functions over digit strings.
 */

/** Luhn check digit for a payload of digits (the digit to append). */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  // Walking right to left over the payload, the first digit is doubled (it sits next to the check digit).
  for (let i = payload.length - 1, dbl = true; i >= 0; i--, dbl = !dbl) {
    let d = payload.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isLuhnValid(digits: string): boolean {
  return digits.length > 1 && luhnCheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));
}

/** NPI: 9 digits + Luhn check digit computed with the 80840 prefix (CMS standard). */
export function npiCheckDigit(first9: string): number {
  return luhnCheckDigit(`80840${first9}`);
}

/** DEA: (d1+d3+d5) + 2*(d2+d4+d6); the last digit of that sum is the 7th digit. */
export function deaCheckDigit(first6: string): number {
  const d = [...first6].map((c) => c.charCodeAt(0) - 48);
  const sum = (d[0] ?? 0) + (d[2] ?? 0) + (d[4] ?? 0) + 2 * ((d[1] ?? 0) + (d[3] ?? 0) + (d[5] ?? 0));
  return sum % 10;
}

const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** VIN check character (position 9) for a 17-character VIN (position 9 ignored). */
export function vinCheckChar(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i] ?? '0';
    const v = c >= '0' && c <= '9' ? Number(c) : (VIN_VALUES[c] ?? 0);
    sum += v * (VIN_WEIGHTS[i] ?? 0);
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** ISO 7064 mod 97-10 of an alphanumeric string (letters A=10..Z=35), chunked to stay exact. */
export function mod97(s: string): number {
  let rem = 0;
  for (const ch of s.toUpperCase()) {
    const v = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of v) rem = (rem * 10 + Number(digit)) % 97;
  }
  return rem;
}

/** IBAN check digits for a country code and BBAN. */
export function ibanCheckDigits(country: string, bban: string): string {
  const check = 98 - mod97(`${bban}${country}00`);
  return String(check).padStart(2, '0');
}

export function isIbanValid(iban: string): boolean {
  const s = iban.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s) && mod97(`${s.slice(4)}${s.slice(0, 4)}`) === 1;
}
