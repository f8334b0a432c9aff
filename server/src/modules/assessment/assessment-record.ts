import type { AssessmentRecord } from '@xueshi/shared';

type Four = { attitude: number; participation: number; interaction: number; results: number };
const POINTS = ['attitude', 'participation', 'interaction', 'results'] as const;
const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * P10: a trainee's assessment from the instructor's scores (0–100), the classmates' ratings (1–5,
 * ×20) and the final exam (0–100), by the class's weights. A part the class does not use (no exam,
 * a weight of 0) drops out and the others' weights carry the total; a part the class uses but
 * that is not there yet leaves the total open and is named as missing.
 */
export function assessmentRecord(input: {
  userId: string;
  name: string;
  weights: { instructor: number; peer: number; exam: number };
  hasExam: boolean;
  passScore: number;
  instructor: (Four & { comment: string }) | null;
  peer: (Four & { raters: number }) | null;
  exam: { score: number; passed: boolean } | null;
  journalEntries: number;
}): AssessmentRecord {
  const w = { ...input.weights, exam: input.hasExam ? input.weights.exam : 0 };
  const missing: string[] = [];
  if (w.instructor > 0 && !input.instructor) missing.push('instructor');
  if (w.peer > 0 && !input.peer) missing.push('peer');
  if (w.exam > 0 && !input.exam) missing.push('exam');
  let scores: AssessmentRecord['scores'] = null;
  let total: number | null = null;
  if (!missing.length) {
    const s = {} as Four;
    for (const k of POINTS) {
      // each point from the instructor and the classmates; results also from the exam
      const parts: [number, number][] = [];
      if (w.instructor > 0) parts.push([w.instructor, input.instructor![k]]);
      if (w.peer > 0) parts.push([w.peer, input.peer![k] * 20]);
      if (k === 'results' && w.exam > 0) parts.push([w.exam, input.exam!.score]);
      const weight = parts.reduce((a, [x]) => a + x, 0);
      s[k] = weight ? r1(parts.reduce((a, [x, v]) => a + x * v, 0) / weight) : 0;
    }
    scores = s;
    const comp: [number, number][] = [];
    if (w.instructor > 0) comp.push([w.instructor, POINTS.reduce((a, k) => a + input.instructor![k], 0) / 4]);
    if (w.peer > 0) comp.push([w.peer, (POINTS.reduce((a, k) => a + input.peer![k], 0) / 4) * 20]);
    if (w.exam > 0) comp.push([w.exam, input.exam!.score]);
    const weight = comp.reduce((a, [x]) => a + x, 0);
    total = weight ? r1(comp.reduce((a, [x, v]) => a + x * v, 0) / weight) : null;
  }
  return {
    userId: input.userId,
    name: input.name,
    instructor: input.instructor,
    peer: input.peer ? { ...input.peer, attitude: r1(input.peer.attitude), participation: r1(input.peer.participation), interaction: r1(input.peer.interaction), results: r1(input.peer.results) } : null,
    exam: input.exam,
    journalEntries: input.journalEntries,
    scores,
    total,
    passed: total === null ? null : total >= input.passScore,
    missing,
  };
}
