/** The length of the union of intervals, clipped to [0, max]. */
export function coveredLength(list: [number, number][], max: number): number {
  const sorted = list
    .map(([a, b]) => [Math.max(0, a), Math.min(max, b)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of sorted) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}
