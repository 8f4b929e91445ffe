/**
 * DEA registration number: two letters (registrant type, then the registrant's last-name initial
 * or `9` for some business registrants) and seven digits, the last a check digit:
 * (d1 + d3 + d5) + 2 * (d2 + d4 + d6), last digit equals d7.
 */
const REGISTRANT_TYPES = 'ABCDEFGHJKLMPRSTUX';

export function deaValid(value: string): boolean {
  if (value.length !== 9) return false;
  const t = value.charAt(0).toUpperCase();
  if (!REGISTRANT_TYPES.includes(t)) return false;
  const second = value.charCodeAt(1) | 0x20;
  if (!((second >= 97 && second <= 122) || value.charCodeAt(1) === 57)) return false;
  const d: number[] = [];
  for (let i = 2; i < 9; i++) {
    const x = value.charCodeAt(i) - 48;
    if (x < 0 || x > 9) return false;
    d.push(x);
  }
  const [a = 0, b = 0, c = 0, e = 0, f = 0, g = 0, check = 0] = d;
  return (a + c + f + 2 * (b + e + g)) % 10 === check;
}
