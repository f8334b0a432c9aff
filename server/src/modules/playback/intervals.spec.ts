import { fetchedIntervals, Interval, intersect, measure, playedAndFetched, union } from './intervals';

/** A small deterministic generator: the same cases every run. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('intervals (I2 arithmetic)', () => {
  it('union merges overlapping and touching intervals and drops empty ones', () => {
    expect(union([[5, 7], [0, 2], [2, 3], [6, 9], [4, 4]])).toEqual([[0, 3], [5, 9]]);
    expect(measure([[0, 2], [1, 3]])).toBe(3);
  });

  it('fetchedIntervals reads the bitmap as segments, merged, cut at the duration', () => {
    // segments 0, 1, 3 and 7 of a 40 s video in 6 s segments
    const bm = Buffer.from([0b11010001]);
    expect(fetchedIntervals(bm, 6, 40)).toEqual([[0, 12], [18, 24]]);
    expect(fetchedIntervals(bm, 6, 50)).toEqual([[0, 12], [18, 24], [42, 48]]);
    expect(fetchedIntervals(null, 6, 40)).toEqual([]);
  });

  it('playedAndFetched equals intersect(played, fetchedIntervals) on random cases', () => {
    const r = rng(42);
    for (let n = 0; n < 2000; n++) {
      const duration = 1 + Math.floor(r() * 200);
      const bm = Buffer.alloc(1 + Math.floor(r() * 6));
      for (let i = 0; i < bm.length; i++) bm[i] = Math.floor(r() * 256);
      const played: Interval[] = Array.from({ length: Math.floor(r() * 5) }, () => {
        const a = Math.round(r() * duration * 12) / 10;
        return [a, Math.round((a + r() * 30) * 10) / 10];
      });
      const expected = intersect(played.map(([a, b]) => [a, Math.min(b, duration)] as Interval), fetchedIntervals(bm, 6, duration));
      const got = playedAndFetched(played, bm, 6, duration);
      expect(union(got)).toEqual(union(expected));
    }
  });

  it('nothing fetched, nothing covered', () => {
    expect(playedAndFetched([[0, 30]], null, 6, 60)).toEqual([]);
    expect(playedAndFetched([[0, 30]], Buffer.alloc(2), 6, 60)).toEqual([]);
  });
});
