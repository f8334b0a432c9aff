import type { ComplianceItem, PolicySettings } from '@xueshi/shared';

/** An official's year as the rules need it: the pre-aggregated totals and the facts about the official. */
export interface YearFacts {
  hours: number;
  legalHours: number;
  offlineDays: number;
  initialDays: number;
  appointmentSectionDays: number;
  appointmentDivisionDays: number;
  classRuleOfLawHours: number | null;
  failedAssessments: number;
  assessedClasses: number;
  lawEnforcement: boolean;
  grassroots: boolean;
  rankLevel: string | null;
  civilServiceEntryDate: string | null;
  appointmentDate: string | null;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

function item(rule: ComplianceItem['rule'], zh: string, en: string, unit: ComplianceItem['unit'], required: number, actual: number, met?: boolean): ComplianceItem {
  const ok = met ?? actual >= required - 1e-9;
  return { rule, zh, en, unit, required: r1(required), actual: r1(actual), met: ok, shortfall: ok ? 0 : r1(Math.max(0, required - actual)) };
}

/** The share of the year gone at `now` (China time), 0 before it starts, 1 after it ends. */
export function elapsedShare(year: number, now: Date): number {
  const start = Date.UTC(year, 0, 1) - 8 * 3600_000;
  const end = Date.UTC(year + 1, 0, 1) - 8 * 3600_000;
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}

/** Year-end hours at the pace so far; null once the year is over or before it starts. The first month is too early to judge: its pace is taken over a month. */
export function projectHours(hours: number, share: number): number | null {
  if (share <= 0 || share >= 1) return null;
  return r1(hours / Math.max(share, 1 / 12));
}

/**
 * P1–P8 for one official and year, with the policy of that year (I8). `met` covers the
 * requirements on the official (P1, P2, P4–P6); P3 is the class's rule as attended, P8 the
 * consequence of a failed assessment.
 */
export function evaluateYear(f: YearFacts, policy: PolicySettings, year: number, now: Date) {
  const items: ComplianceItem[] = [];
  const dayHours = policy.yearlyDays * policy.hoursPerDay;
  const p1met = f.hours >= policy.yearlyHours - 1e-9 || f.hours >= dayHours - 1e-9;
  items.push(item('P1', `每年参加培训不少于 ${policy.yearlyDays} 天或 ${policy.yearlyHours} 学时`, `At least ${policy.yearlyDays} days or ${policy.yearlyHours} hours of training a year`,
    'hours', Math.min(policy.yearlyHours, dayHours), f.hours, p1met));
  if (f.lawEnforcement) {
    items.push(item('P2', `执法岗位人员法律知识培训不少于 ${policy.legalHoursLawEnforcement} 学时`, `Law-enforcement posts: at least ${policy.legalHoursLawEnforcement} hours of legal knowledge`,
      'hours', policy.legalHoursLawEnforcement, f.legalHours));
  }
  if (f.classRuleOfLawHours !== null) {
    items.push(item('P3', `初任、任职培训中法治教育不少于 ${policy.ruleOfLawHours} 学时`, `At least ${policy.ruleOfLawHours} hours of rule-of-law content in initial and appointment training`,
      'hours', policy.ruleOfLawHours, f.classRuleOfLawHours));
  }
  if (f.civilServiceEntryDate && Number(f.civilServiceEntryDate.slice(0, 4)) === year) {
    items.push(item('P4', `新录用人员初任培训不少于 ${policy.initialDays} 天`, `Newly recruited: initial training of at least ${policy.initialDays} days`, 'days', policy.initialDays, f.initialDays));
  }
  if (f.appointmentDate && Number(f.appointmentDate.slice(0, 4)) === year && (f.rankLevel === 'section' || f.rankLevel === 'division')) {
    const division = f.rankLevel === 'division';
    const need = division ? policy.appointmentDaysDivision : policy.appointmentDaysSection;
    items.push(item('P5', `${division ? '处级' : '科级'}任职培训不少于 ${need} 天`, `${division ? 'Division' : 'Section'}-level appointment training of at least ${need} days`,
      'days', need, division ? f.appointmentDivisionDays : f.appointmentSectionDays));
  }
  if (f.grassroots) {
    items.push(item('P6', `基层和基础岗位人员脱产培训不少于 ${policy.grassrootsDays} 天`, `Grassroots and basic posts: at least ${policy.grassrootsDays} off-the-job days`, 'days', policy.grassrootsDays, f.offlineDays));
  }
  if (f.assessedClasses > 0) {
    const failed = f.failedAssessments > 0;
    items.push({
      rule: 'P8', unit: 'result', required: 0, actual: f.failedAssessments, met: !failed, shortfall: failed ? f.failedAssessments : 0,
      zh: failed ? '脱产培训考核不合格，年度考核不得确定为优秀等次' : '脱产培训考核合格',
      en: failed ? 'Failed an off-the-job training assessment: cannot be rated excellent this year' : 'Passed the off-the-job training assessments',
    });
  }
  const met = items.filter((i) => ['P1', 'P2', 'P4', 'P5', 'P6'].includes(i.rule)).every((i) => i.met);
  const projectedHours = projectHours(f.hours, elapsedShare(year, now));
  return {
    items, met,
    excellentBarred: f.failedAssessments > 0,
    projectedHours,
    atRisk: !p1met && projectedHours !== null && projectedHours < Math.min(policy.yearlyHours, dayHours),
  };
}
