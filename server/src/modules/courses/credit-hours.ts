/** 学时 from content seconds (videos, documents' minimum reading time): 45-minute units, one decimal. */
export function creditHoursFor(contentSeconds: number): number {
  return Math.round((contentSeconds / 2700) * 10) / 10;
}

/** What a course credits: the owner's setting, never more than the content supports. */
export function effectiveCreditHours(set: number | null, contentSeconds: number): number {
  const max = creditHoursFor(contentSeconds);
  return set === null ? max : Math.min(set, max);
}
