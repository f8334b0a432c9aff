import { describe, expect, it } from '@jest/globals';
import { classPhase, daysOf, fourMean, peerWindow, score1, weightShares } from './class-rules';

const WEIGHTS = { instructor: 40, peer: 20, exam: 40 };
const QUIZ = '00000000-0000-4000-8000-000000000001';

describe('class rules', () => {
  it('places today against the class dates, both ends inclusive', () => {
    const c = { startsOn: '2026-03-02', endsOn: '2026-03-13' };
    expect(classPhase(c, '2026-03-01')).toBe('upcoming');
    expect(classPhase(c, '2026-03-02')).toBe('ongoing');
    expect(classPhase(c, '2026-03-13')).toBe('ongoing');
    expect(classPhase(c, '2026-03-14')).toBe('ended');
    expect(daysOf(c)).toBe(12);
    expect(daysOf({ startsOn: '2026-03-02', endsOn: '2026-03-02' })).toBe(1);
  });

  it('tells the peer review window from the clock', () => {
    const opens = '2026-03-10T01:00:00.000Z';
    const closes = '2026-03-12T10:00:00.000Z';
    expect(peerWindow(null, closes, Date.parse(opens))).toBe('none');
    expect(peerWindow(opens, null, Date.parse(opens))).toBe('none');
    expect(peerWindow(opens, closes, Date.parse(opens) - 1)).toBe('upcoming');
    expect(peerWindow(opens, closes, Date.parse(opens))).toBe('open');
    expect(peerWindow(opens, closes, Date.parse(closes))).toBe('open');
    expect(peerWindow(opens, closes, Date.parse(closes) + 1)).toBe('closed');
  });

  it('shares the total as the server weighs it: without an exam its weight drops out', () => {
    expect(weightShares({ weights: WEIGHTS, examQuizId: QUIZ })).toEqual({ instructor: 40, peer: 20, exam: 40, examCounted: true });
    expect(weightShares({ weights: WEIGHTS, examQuizId: null })).toEqual({ instructor: 66.7, peer: 33.3, exam: 0, examCounted: false });
    expect(weightShares({ weights: { instructor: 1, peer: 1, exam: 2 }, examQuizId: QUIZ })).toEqual({ instructor: 25, peer: 25, exam: 50, examCounted: true });
    expect(weightShares({ weights: { instructor: 0, peer: 0, exam: 40 }, examQuizId: null })).toEqual({ instructor: 0, peer: 0, exam: 0, examCounted: false });
  });

  it('shows scores with one decimal at most', () => {
    expect(score1(89.16666)).toBe('89.2');
    expect(score1(88)).toBe('88');
    expect(fourMean({ attitude: 90, participation: 85, interaction: 88, results: 92 })).toBe(88.75);
  });
});
