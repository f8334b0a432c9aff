import { DEFAULT_POLICY } from '@xueshi/shared';
import { classDays, classProblems } from './class-rules';

describe('class rules (P3–P5)', () => {
  const initial = { kind: 'initial', appointmentLevel: null, offlineDays: 12, onlineHours: 0, ruleOfLawHours: 4 };

  it('P4: an initial class of 12 days with 4 rule-of-law hours has no problem; 11.5 days has one', () => {
    expect(classProblems(initial, DEFAULT_POLICY)).toEqual([]);
    expect(classProblems({ ...initial, offlineDays: 11.5 }, DEFAULT_POLICY).map((p) => p.rule)).toEqual(['P4']);
  });

  it('online courses count as days at 7.5 hours a day', () => {
    expect(classDays({ offlineDays: 11, onlineHours: 7.5 }, DEFAULT_POLICY)).toBe(12);
    expect(classProblems({ ...initial, offlineDays: 11, onlineHours: 7.5 }, DEFAULT_POLICY)).toEqual([]);
    expect(classProblems({ ...initial, offlineDays: 11, onlineHours: 7.4 }, DEFAULT_POLICY).map((p) => p.rule)).toEqual(['P4']);
  });

  it('P3: 3.9 rule-of-law hours is short for initial and appointment classes, not for a specialised one', () => {
    expect(classProblems({ ...initial, ruleOfLawHours: 3.9 }, DEFAULT_POLICY).map((p) => p.rule)).toEqual(['P3']);
    expect(classProblems({ ...initial, kind: 'specialised', ruleOfLawHours: 0, offlineDays: 1 }, DEFAULT_POLICY)).toEqual([]);
  });

  it('P5: section 15 days, division 30 days, and the level is required', () => {
    const app = { kind: 'appointment', appointmentLevel: 'section' as const, offlineDays: 15, onlineHours: 0, ruleOfLawHours: 4 };
    expect(classProblems(app, DEFAULT_POLICY)).toEqual([]);
    expect(classProblems({ ...app, offlineDays: 14.5 }, DEFAULT_POLICY).map((p) => p.rule)).toEqual(['P5']);
    expect(classProblems({ ...app, appointmentLevel: 'division' }, DEFAULT_POLICY)[0].zh).toContain('处级任职培训不少于 30 天');
    expect(classProblems({ ...app, appointmentLevel: null }, DEFAULT_POLICY)[0].field).toBe('appointmentLevel');
  });

  it('reads its numbers from the policy given', () => {
    expect(classProblems({ ...initial, offlineDays: 10 }, { ...DEFAULT_POLICY, initialDays: 10 })).toEqual([]);
  });
});

describe('a change names only what it changes', () => {
  it('ClassUpdate fills in no defaults (an edit of the title keeps the instructors, weights, exam …)', () => {
    const { ClassUpdate, ClassInput } = jest.requireActual('@xueshi/shared');
    expect(ClassUpdate.parse({ title: '新的班次名称' })).toEqual({ title: '新的班次名称' });
    expect(ClassInput.parse({ title: '班次', kind: 'specialised', startsOn: '2026-01-01', endsOn: '2026-01-02' })).toMatchObject({ passScore: 60, instructorIds: [], requiredCourseIds: [] });
  });
});
