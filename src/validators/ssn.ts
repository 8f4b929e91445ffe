/**
 * US Social Security number structure (SSA rules since 2011 randomisation): area 001-899 except
 * 666, group 01-99, serial 0001-9999. Accepts `123-45-6789`, `123 45 6789`, `123.45.6789` or `123456789`.
 * Returns false for anything that is not 9 digits in one of those layouts.
 */
export function ssnValid(value: string): boolean {
  let digits = 0;
  let area = 0;
  let group = 0;
  let serial = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 45 || c === 32 || c === 46) {
      if (digits !== 3 && digits !== 5) return false;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return false;
    if (digits < 3) area = area * 10 + d;
    else if (digits < 5) group = group * 10 + d;
    else serial = serial * 10 + d;
    digits++;
  }
  if (digits !== 9) return false;
  return area !== 0 && area !== 666 && area < 900 && group !== 0 && serial !== 0;
}
