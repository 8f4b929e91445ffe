/**
 * Luhn (mod 10) check over the ASCII digits of `value`; any other character is ignored, so
 * "4111 1111 1111 1111" and "4111-1111-1111-1111" validate alike. Fewer than two digits: false.
 * Pure and allocation-free: it walks char codes from the right.
 */
export function luhnValid(value: string): boolean {
  let sum = 0;
  let count = 0;
  for (let i = value.length - 1; i >= 0; i--) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) continue;
    if (count % 2 === 1) sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
    else sum += d;
    count++;
  }
  return count >= 2 && sum % 10 === 0;
}
