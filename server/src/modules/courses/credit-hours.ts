/** 学时 from video seconds: 45-minute units, one decimal. */
export function creditHoursFor(videoSeconds: number): number {
  return Math.round((videoSeconds / 2700) * 10) / 10;
}

/** What a course credits: the owner's setting, never more than the content supports. */
export function effectiveCreditHours(set: number | null, videoSeconds: number): number {
  const max = creditHoursFor(videoSeconds);
  return set === null ? max : Math.min(set, max);
}
