/** Position intervals in seconds, [start, end). Pure functions: the crediting arithmetic. */
export type Interval = [number, number];

/** Sorted, non-overlapping, touching intervals merged. */
export function union(list: Interval[]): Interval[] {
  const sorted = list.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function measure(list: Interval[]): number {
  return union(list).reduce((s, [a, b]) => s + (b - a), 0);
}

/** The parts of `list` inside `within` (both any shape). */
export function intersect(list: Interval[], within: Interval[]): Interval[] {
  const a = union(list);
  const b = union(within);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i][0], b[j][0]);
    const hi = Math.min(a[i][1], b[j][1]);
    if (hi > lo) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

/** The position intervals of fetched HLS segments, from a Redis bitmap (bit i = segment i). */
export function fetchedIntervals(bitmap: Buffer | null, segmentSeconds: number, duration: number): Interval[] {
  if (!bitmap) return [];
  const out: Interval[] = [];
  for (let byte = 0; byte < bitmap.length; byte++) {
    for (let bit = 0; bit < 8; bit++) {
      if (bitmap[byte] & (0x80 >> bit)) {
        const i = byte * 8 + bit;
        out.push([i * segmentSeconds, Math.min((i + 1) * segmentSeconds, duration)]);
      }
    }
  }
  return union(out);
}

/** PostgreSQL nummultirange literal. */
export function toMultirange(list: Interval[]): string {
  return `{${union(list)
    .map(([a, b]) => `[${a},${b})`)
    .join(',')}}`;
}

export function fromMultirange(text: string): Interval[] {
  const out: Interval[] = [];
  for (const m of text.matchAll(/[[(]([\d.]+),([\d.]+)[)\]]/g)) out.push([Number(m[1]), Number(m[2])]);
  return out;
}
