import { DEFAULT_POLICY } from '@xueshi/shared';
import { elapsedShare, evaluateYear, projectHours, YearFacts } from './compliance-rules';

const base: YearFacts = {
  hours: 90, legalHours: 0, offlineDays: 0, initialDays: 0, appointmentSectionDays: 0, appointmentDivisionDays: 0, classRuleOfLawHours: null,
  failedAssessments: 0, assessedClasses: 0, lawEnforcement: false, grassroots: false, rankLevel: 'clerk', civilServiceEntryDate: '2015-01-01', appointmentDate: null,
};
const END = new Date('2027-01-05T00:00:00Z');
const rules = (f: Partial<YearFacts>) => evaluateYear({ ...base, ...f }, DEFAULT_POLICY, 2026, END);

describe('compliance rules (pure)', () => {
  it('only the requirements that apply are listed', () => {
    expect(rules({}).items.map((i) => i.rule)).toEqual(['P1']);
    expect(rules({ lawEnforcement: true, grassroots: true, civilServiceEntryDate: '2026-03-01', classRuleOfLawHours: 4, assessedClasses: 1 }).items.map((i) => i.rule))
      .toEqual(['P1', 'P2', 'P3', 'P4', 'P6', 'P8']);
  });

  it('P1 shortfall is the smallest step', () => {
    const r = rules({ hours: 89.9 });
    expect(r.met).toBe(false);
    expect(r.items[0]).toMatchObject({ rule: 'P1', met: false, shortfall: 0.1 });
  });

  it('P3 and P8 do not decide `met`; P8 bars excellent', () => {
    const r = rules({ classRuleOfLawHours: 3.9, failedAssessments: 1, assessedClasses: 1 });
    expect(r.met).toBe(true);
    expect(r.excellentBarred).toBe(true);
    expect(r.items.find((i) => i.rule === 'P3')).toMatchObject({ met: false, shortfall: 0.1 });
  });

  it('P5 reads the level of the post', () => {
    expect(rules({ rankLevel: 'division', appointmentDate: '2026-05-01', appointmentDivisionDays: 29.5 }).items[1]).toMatchObject({ rule: 'P5', required: 30, shortfall: 0.5 });
    expect(rules({ rankLevel: 'section', appointmentDate: '2026-05-01', appointmentSectionDays: 15 }).items[1]).toMatchObject({ rule: 'P5', met: true });
    expect(rules({ rankLevel: 'section', appointmentDate: '2025-05-01' }).items.map((i) => i.rule)).toEqual(['P1']);
  });

  it('projection: pace so far to the year end; none for a closed year', () => {
    expect(elapsedShare(2026, new Date('2026-07-02T12:00:00+08:00'))).toBeCloseTo(0.5, 2);
    expect(projectHours(30, 0.5)).toBe(60);
    expect(projectHours(1, 0.01)).toBe(12);
    const mid = evaluateYear({ ...base, hours: 30 }, DEFAULT_POLICY, 2026, new Date('2026-07-02T12:00:00+08:00'));
    expect(mid.atRisk).toBe(true);
    expect(rules({ hours: 30 }).projectedHours).toBeNull();
  });
});
