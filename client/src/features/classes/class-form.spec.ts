import { describe, expect, it } from '@jest/globals';
import type { ClassView } from '@xueshi/shared';
import { bodyOf, changesOf } from './class-form';

const cls: ClassView = {
  id: '00000000-0000-4000-8000-000000000001',
  institutionId: '00000000-0000-4000-8000-000000000002',
  institutionName: '市行政学院',
  title: '初任培训班',
  kind: 'initial',
  appointmentLevel: null,
  status: 'draft',
  startsOn: '2026-03-01',
  endsOn: '2026-03-14',
  requiredCourses: [
    { id: '00000000-0000-4000-8000-00000000000a', title: 'A', hours: 2, legal: false },
    { id: '00000000-0000-4000-8000-00000000000b', title: 'B', hours: 1, legal: true },
  ],
  sessions: [],
  totals: { days: 0.4, offlineDays: 0, onlineHours: 3, ruleOfLawHours: 1 },
  problems: [],
  examQuizId: null,
  examCourseId: null,
  peerReviewOpensAt: '2026-03-10T01:00:00.000Z',
  peerReviewClosesAt: '2026-03-12T10:00:00.000Z',
  weights: { instructor: 40, peer: 20, exam: 40 },
  passScore: 60,
  instructors: [{ id: '00000000-0000-4000-8000-0000000000c1', name: '王老师' }],
  members: [],
  myRole: 'admin',
};

describe('the class edit form sends only what changed', () => {
  it('sends nothing for the class as it is', () => {
    expect(changesOf(cls, bodyOf(cls))).toEqual({});
  });

  it('compares lists as sets and instants as instants', () => {
    const body = bodyOf(cls);
    body.requiredCourseIds = [...body.requiredCourseIds].reverse();
    body.peerReviewOpensAt = '2026-03-10T09:00:00+08:00';
    expect(changesOf(cls, body)).toEqual({});
  });

  it('names each changed field with its new value', () => {
    const body = { ...bodyOf(cls), kind: 'appointment' as const, appointmentLevel: 'division' as const, passScore: 70, requiredCourseIds: [] };
    expect(changesOf(cls, body)).toEqual({ kind: 'appointment', appointmentLevel: 'division', passScore: 70, requiredCourseIds: [] });
  });

  it('sends the whole weights object when one weight changes', () => {
    const body = { ...bodyOf(cls), weights: { instructor: 40, peer: 0, exam: 60 } };
    expect(changesOf(cls, body)).toEqual({ weights: { instructor: 40, peer: 0, exam: 60 } });
  });
});
