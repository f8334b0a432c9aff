import type { ClassProblem, PolicySettings } from '@xueshi/shared';

export interface ClassShape {
  kind: string;
  appointmentLevel: 'section' | 'division' | null;
  offlineDays: number;
  onlineHours: number;
  ruleOfLawHours: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A class's length in days: offline days plus its online courses' hours at the policy's hours per day. */
export function classDays(c: Pick<ClassShape, 'offlineDays' | 'onlineHours'>, policy: Pick<PolicySettings, 'hoursPerDay'>): number {
  return round1(exactDays(c, policy));
}

/** unrounded: the rules compare this (11.99 days is not 12), people read classDays */
function exactDays(c: Pick<ClassShape, 'offlineDays' | 'onlineHours'>, policy: Pick<PolicySettings, 'hoursPerDay'>): number {
  return c.offlineDays + c.onlineHours / policy.hoursPerDay;
}

/**
 * The rules a class must meet before it is published (P3–P5): an initial class of at least 12 days,
 * an appointment class of 15 (section) or 30 (division) days, and 4 hours of rule-of-law content in both.
 */
export function classProblems(c: ClassShape, policy: PolicySettings): ClassProblem[] {
  const out: ClassProblem[] = [];
  const exact = exactDays(c, policy) + 1e-9;
  // shown to two decimals, rounded down: 11.99 days must not read as 12
  const days = Math.floor(exact * 100) / 100;
  if (c.kind === 'initial' && exact < policy.initialDays) {
    out.push({
      rule: 'P4', field: 'sessions',
      zh: `初任培训不少于 ${policy.initialDays} 天，本班次现有 ${days} 天`,
      en: `Initial training takes at least ${policy.initialDays} days; this class has ${days}`,
    });
  }
  if (c.kind === 'appointment') {
    if (!c.appointmentLevel) {
      out.push({ rule: 'P5', field: 'appointmentLevel', zh: '任职培训须选择科级或处级', en: 'An appointment class needs its level' });
    } else {
      const need = c.appointmentLevel === 'division' ? policy.appointmentDaysDivision : policy.appointmentDaysSection;
      const level = c.appointmentLevel === 'division' ? { zh: '处级', en: 'division' } : { zh: '科级', en: 'section' };
      if (exact < need) {
        out.push({
          rule: 'P5', field: 'sessions',
          zh: `${level.zh}任职培训不少于 ${need} 天，本班次现有 ${days} 天`,
          en: `${level.en[0].toUpperCase()}${level.en.slice(1)}-level appointment training takes at least ${need} days; this class has ${days}`,
        });
      }
    }
  }
  if ((c.kind === 'initial' || c.kind === 'appointment') && c.ruleOfLawHours + 1e-9 < policy.ruleOfLawHours) {
    out.push({
      rule: 'P3', field: 'ruleOfLawHours',
      zh: `初任和任职培训须安排法治教育不少于 ${policy.ruleOfLawHours} 学时，本班次现有 ${round1(c.ruleOfLawHours)} 学时`,
      en: `Initial and appointment classes need at least ${policy.ruleOfLawHours} hours of rule-of-law content; this class has ${round1(c.ruleOfLawHours)}`,
    });
  }
  return out;
}
