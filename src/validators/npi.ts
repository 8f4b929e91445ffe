/**
 * US National Provider Identifier: 10 digits starting with 1 or 2 whose last digit is the Luhn
 * check digit computed over the 9 leading digits prefixed with the card issuer code 80840
 * (CMS NPI standard). Equivalent shortcut used here: the 9 digits carry a constant 24 from the
 * prefix, so no string is built.
 */
export function npiValid(value: string): boolean {
  if (value.length !== 10) return false;
  const first = value.charCodeAt(0);
  if (first !== 49 && first !== 50) return false;
  let sum = 24; // Luhn contribution of the 80840 prefix
  for (let i = 0; i < 10; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    // From the right, the check digit (i = 9) is position 0; even offsets from it are doubled.
    if ((9 - i) % 2 === 1) sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
    else sum += d;
  }
  return sum % 10 === 0;
}
