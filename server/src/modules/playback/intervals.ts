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
  for (let i = 0; i < bitmap.length * 8; i++) {
    if (!(bitmap[i >> 3] & (0x80 >> (i & 7)))) continue;
    const a = i * segmentSeconds;
    const b = Math.min((i + 1) * segmentSeconds, duration);
    if (b <= a) break;
    const last = out[out.length - 1];
    if (last && last[1] === a) last[1] = b;
    else out.push([a, b]);
  }
  return out;
}

/**
 * I2: the parts of the played intervals whose segments this session fetched. Looks only at the
 * segments under what was played (a beat's few seconds), not at the whole bitmap: the same answer
 * as intersect(played, fetchedIntervals(...)) at a cost that follows the playing, not the video.
 */
export function playedAndFetched(played: Interval[], bitmap: Buffer | null, segmentSeconds: number, duration: number): Interval[] {
  if (!bitmap) return [];
  const out: Interval[] = [];
  for (const [a, b0] of union(played)) {
    const b = Math.min(b0, duration);
    for (let i = Math.max(0, Math.floor(a / segmentSeconds)); i * segmentSeconds < b; i++) {
      if (i >= bitmap.length * 8 || !(bitmap[i >> 3] & (0x80 >> (i & 7)))) continue;
      const lo = Math.max(a, i * segmentSeconds);
      const hi = Math.min(b, (i + 1) * segmentSeconds);
      if (hi <= lo) continue;
      const last = out[out.length - 1];
      if (last && last[1] >= lo) last[1] = Math.max(last[1], hi);
      else out.push([lo, hi]);
    }
  }
  return out;
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
