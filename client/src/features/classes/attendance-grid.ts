import type { AttendanceUpdate, AttendanceView } from '@xueshi/shared';

// The attendance grid's state apart from React: who was present at which session.

/** userId → the sessions the member attended */
export type PresentMap = Map<string, Set<string>>;

export const presentMap = (v: AttendanceView): PresentMap => new Map(v.members.map((m) => [m.userId, new Set(m.present)]));

/** The cells that differ from what is saved, as the records of one PUT. */
export function attendanceChanges(v: AttendanceView, saved: PresentMap, draft: PresentMap): AttendanceUpdate['records'] {
  const out: AttendanceUpdate['records'] = [];
  for (const m of v.members) {
    for (const s of v.sessions) {
      const was = saved.get(m.userId)?.has(s.id) ?? false;
      const now = draft.get(m.userId)?.has(s.id) ?? false;
      if (was !== now) out.push({ sessionId: s.id, userId: m.userId, present: now });
    }
  }
  return out;
}

/** The days a member attended (half-day sessions count 0.5), one decimal. */
export function attendedDays(sessions: readonly { id: string; days: number }[], present: ReadonlySet<string> | undefined): number {
  const sum = sessions.reduce((n, s) => n + (present?.has(s.id) ? s.days : 0), 0);
  return Math.round(sum * 10) / 10;
}
