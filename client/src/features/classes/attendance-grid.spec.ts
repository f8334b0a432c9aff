import { describe, expect, it } from '@jest/globals';
import type { AttendanceView } from '@xueshi/shared';
import { attendanceChanges, attendedDays, presentMap } from './attendance-grid';

const S1 = '00000000-0000-4000-8000-0000000000a1';
const S2 = '00000000-0000-4000-8000-0000000000a2';
const U1 = '00000000-0000-4000-8000-0000000000b1';
const U2 = '00000000-0000-4000-8000-0000000000b2';
const view: AttendanceView = {
  sessions: [
    { id: S1, sessionDate: '2026-03-02', title: '开班', days: 1, ruleOfLawHours: 2 },
    { id: S2, sessionDate: '2026-03-03', title: '专题', days: 0.5, ruleOfLawHours: 0 },
  ],
  members: [
    { userId: U1, name: '李明', unitName: null, present: [S1] },
    { userId: U2, name: '张丽', unitName: null, present: [] },
  ],
};

describe('the attendance grid', () => {
  it('sends only the cells that differ from what is saved, ticks and unticks alike', () => {
    const saved = presentMap(view);
    expect(attendanceChanges(view, saved, presentMap(view))).toEqual([]);
    const draft = presentMap(view);
    draft.set(U1, new Set([S2]));
    draft.set(U2, new Set([S1]));
    expect(attendanceChanges(view, saved, draft)).toEqual([
      { sessionId: S1, userId: U1, present: false },
      { sessionId: S2, userId: U1, present: true },
      { sessionId: S1, userId: U2, present: true },
    ]);
  });

  it('counts half days as 0.5', () => {
    expect(attendedDays(view.sessions, new Set([S1, S2]))).toBe(1.5);
    expect(attendedDays(view.sessions, undefined)).toBe(0);
  });
});
