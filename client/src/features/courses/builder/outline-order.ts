import type { ChapterView, ReorderRequest } from '@xueshi/shared';

/** The order the builder shows, as the API takes it. */
export function toOrder(chapters: readonly ChapterView[]): ReorderRequest {
  return { chapters: chapters.map((c) => ({ id: c.id, lessonIds: c.lessons.map((l) => l.id) })) };
}

function renumber(chapters: ChapterView[]): ChapterView[] {
  return chapters.map((c, i) => ({ ...c, position: i, lessons: c.lessons.map((l, j) => ({ ...l, chapterId: c.id, position: j })) }));
}

export function moveChapter(chapters: readonly ChapterView[], index: number, delta: -1 | 1): ChapterView[] | null {
  const to = index + delta;
  if (to < 0 || to >= chapters.length) return null;
  const next = [...chapters];
  [next[index], next[to]] = [next[to], next[index]];
  return renumber(next);
}

/**
 * Move a lesson one place up or down. At the top or bottom of its chapter it crosses into
 * the neighbouring chapter (at its end or start), so lessons can move between chapters.
 */
export function moveLesson(chapters: readonly ChapterView[], lessonId: string, delta: -1 | 1): ChapterView[] | null {
  const ci = chapters.findIndex((c) => c.lessons.some((l) => l.id === lessonId));
  if (ci < 0) return null;
  const next = chapters.map((c) => ({ ...c, lessons: [...c.lessons] }));
  const lessons = next[ci].lessons;
  const li = lessons.findIndex((l) => l.id === lessonId);
  const to = li + delta;
  if (to >= 0 && to < lessons.length) {
    [lessons[li], lessons[to]] = [lessons[to], lessons[li]];
    return renumber(next);
  }
  const target = ci + delta;
  if (target < 0 || target >= next.length) return null;
  const [moved] = lessons.splice(li, 1);
  if (delta < 0) next[target].lessons.push(moved);
  else next[target].lessons.unshift(moved);
  return renumber(next);
}

export function canMoveLesson(chapters: readonly ChapterView[], lessonId: string, delta: -1 | 1): boolean {
  return moveLesson(chapters, lessonId, delta) !== null;
}
