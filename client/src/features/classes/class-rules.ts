import type { ASSESSMENT_POINTS, AssessmentRecord, ClassView } from '@xueshi/shared';
import dayjs from 'dayjs';

// What the class pages compute from a class and its records, apart from React so that it is tested on its own.

export type Point = (typeof ASSESSMENT_POINTS)[number];
export type ClassRole = ClassView['myRole'];
export type ClassPhase = 'upcoming' | 'ongoing' | 'ended';
export type PeerWindow = 'none' | 'upcoming' | 'open' | 'closed';

/** Where today falls against the class dates (calendar days, both inclusive). */
export function classPhase(c: Pick<ClassView, 'startsOn' | 'endsOn'>, today = dayjs().format('YYYY-MM-DD')): ClassPhase {
  if (today < c.startsOn) return 'upcoming';
  if (today > c.endsOn) return 'ended';
  return 'ongoing';
}

/** How many days a class lasts, both ends counted. */
export const daysOf = (c: Pick<ClassView, 'startsOn' | 'endsOn'>) => dayjs(c.endsOn).diff(dayjs(c.startsOn), 'day') + 1;

/** The peer review window against the clock (the server decides whether a rating is accepted). */
export function peerWindow(opensAt: string | null, closesAt: string | null, now = Date.now()): PeerWindow {
  if (!opensAt || !closesAt) return 'none';
  if (now < new Date(opensAt).getTime()) return 'upcoming';
  if (now > new Date(closesAt).getTime()) return 'closed';
  return 'open';
}

/**
 * The parts' shares of the total in percent, as the server weighs them: the exam's weight drops
 * out when the class has no exam, and the others carry the total.
 */
export function weightShares(c: Pick<ClassView, 'weights' | 'examQuizId'>): { instructor: number; peer: number; exam: number; examCounted: boolean } {
  const exam = c.examQuizId ? c.weights.exam : 0;
  const sum = c.weights.instructor + c.weights.peer + exam;
  const pct = (w: number) => (sum ? Math.round((w / sum) * 1000) / 10 : 0);
  return { instructor: pct(c.weights.instructor), peer: pct(c.weights.peer), exam: pct(exam), examCounted: exam > 0 };
}

/** One decimal at most: 86, 86.5 */
export const score1 = (n: number) => String(Math.round(n * 10) / 10);

/** The mean of the four points (the instructor's 0–100 scores, or the classmates' 1–5 averages). */
export const fourMean = (s: Record<Point, number>) => (s.attitude + s.participation + s.interaction + s.results) / 4;
export const peerMean = (p: NonNullable<AssessmentRecord['peer']>) => fourMean(p);
