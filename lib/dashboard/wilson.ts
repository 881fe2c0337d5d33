/**
 * Wilson score interval for a proportion (95 % by default, z = 1.959964). Better than the
 * normal approximation for the small samples and extreme rates of a neighbourhood.
 * Returns null when there is no denominator.
 */
export function wilsonInterval(num: number, den: number, z = 1.959963984540054): { low: number; high: number } | null {
  if (!(den > 0) || num < 0 || num > den) return null;
  const p = num / den;
  const z2 = z * z;
  const centre = p + z2 / (2 * den);
  const margin = z * Math.sqrt((p * (1 - p)) / den + z2 / (4 * den * den));
  const scale = 1 + z2 / den;
  // Exact bounds at the extremes (the formula gives 1 − ε for num = den).
  return {
    low: num === 0 ? 0 : Math.max(0, (centre - margin) / scale),
    high: num === den ? 1 : Math.min(1, (centre + margin) / scale),
  };
}
