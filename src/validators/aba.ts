/**
 * ABA routing transit number: 9 digits, a Federal Reserve prefix (00-12, 21-32, 61-72, 80) and
 * the checksum 3(d1+d4+d7) + 7(d2+d5+d8) + (d3+d6+d9) = 0 mod 10.
 */
export function abaValid(value: string): boolean {
  if (value.length !== 9) return false;
  let sum = 0;
  const weights = [3, 7, 1];
  for (let i = 0; i < 9; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    sum += d * (weights[i % 3] ?? 0);
  }
  const prefix = (value.charCodeAt(0) - 48) * 10 + (value.charCodeAt(1) - 48);
  const prefixOk = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  return prefixOk && sum % 10 === 0;
}
