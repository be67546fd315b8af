/**
 * Natural order of names with numbers in them: eth2 before eth10, leaf2 before leaf10.
 * One collator for every comparison: `localeCompare` with options builds a new one per call,
 * which was 40 % of a 5,000-device render.
 */
const NATURAL = new Intl.Collator('en', { numeric: true });

/** Where the run of digits that ends `s` starts (`s.length` when it ends in no digit). */
function trailingDigits(s: string): number {
  let i = s.length;
  while (i > 0) {
    const c = s.charCodeAt(i - 1);
    if (c < 48 || c > 57) break;
    i--;
  }
  return i;
}

/** Whether `a` and `b` start with the same `n` characters. */
function samePrefix(a: string, b: string, n: number): boolean {
  for (let k = 0; k < n; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
  return true;
}

/**
 * The same order as the collator. Most comparisons are of one device's ports (`eth7`, `eth12`),
 * which differ only in the number at the end: those are decided here without ICU. Invariant:
 * with the same text before the number, the numeric collator orders by the number's value. A
 * leading zero (`eth01`, where the collator breaks ties between equal values) and numbers of
 * more than 15 digits are left to the collator.
 */
export function naturalOrder(a: string, b: string): number {
  const i = trailingDigits(a);
  if (
    i === trailingDigits(b) &&
    i < a.length &&
    i < b.length &&
    a.length - i <= 15 &&
    b.length - i <= 15 &&
    a.charCodeAt(i) !== 48 &&
    b.charCodeAt(i) !== 48 &&
    samePrefix(a, b, i)
  ) {
    // without leading zeros, the number with more digits is the larger; as many digits compare as text
    if (a.length !== b.length) return a.length < b.length ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return NATURAL.compare(a, b);
}
