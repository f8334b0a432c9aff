import type { ClassInput, ClassUpdate, ClassView } from '@xueshi/shared';

// What the class form sends, apart from React so that it is tested on its own.

/** Every field of a class as the form fills it (ClassInput with its defaults applied). */
export type ClassBody = Required<ClassInput>;

/** The class as the form would send it unchanged. */
export function bodyOf(c: ClassView): ClassBody {
  return {
    title: c.title,
    kind: c.kind,
    appointmentLevel: c.appointmentLevel,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    requiredCourseIds: c.requiredCourses.map((x) => x.id),
    examQuizId: c.examQuizId,
    peerReviewOpensAt: c.peerReviewOpensAt,
    peerReviewClosesAt: c.peerReviewClosesAt,
    weights: { instructor: c.weights.instructor, peer: c.weights.peer, exam: c.weights.exam },
    passScore: c.passScore,
    instructorIds: c.instructors.map((x) => x.id),
  };
}

/** Lists whose order carries no meaning: compared as sets. */
const SETS = new Set<keyof ClassBody>(['requiredCourseIds', 'instructorIds']);

function same(key: keyof ClassBody, a: unknown, b: unknown): boolean {
  if (SETS.has(key) && Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && [...a].sort().join() === [...b].sort().join();
  }
  // instants compare as instants: the server may write 2026-03-01T01:00:00.000Z for 2026-03-01T09:00:00+08:00
  if ((key === 'peerReviewOpensAt' || key === 'peerReviewClosesAt') && typeof a === 'string' && typeof b === 'string') {
    return new Date(a).getTime() === new Date(b).getTime();
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** PATCH body: only the fields that differ from the class as it is (empty: nothing to send). */
export function changesOf(before: ClassView, after: ClassBody): ClassUpdate {
  const was = bodyOf(before);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof ClassBody)[]) {
    if (!same(key, was[key], after[key])) out[key] = after[key];
  }
  return out as ClassUpdate;
}
