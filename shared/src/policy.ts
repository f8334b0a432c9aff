import { z } from 'zod';

/**
 * I8: every threshold of the credit rules and the yearly requirements, with the defaults of
 * DESIGN.md. The server reads the year's settings in one place (PolicyService); the client
 * only shows what the server sends.
 */
export const PolicySettings = z.object({
  /** P1: 90 credit hours or 12 days a year; 1 day = 7.5 hours */
  yearlyHours: z.number().min(0).max(1000),
  yearlyDays: z.number().min(0).max(365),
  hoursPerDay: z.number().min(0.1).max(24),
  /** P2 */
  legalHoursLawEnforcement: z.number().min(0).max(1000),
  /** P3: rule-of-law content in initial and appointment classes */
  ruleOfLawHours: z.number().min(0).max(100),
  /** P4 */
  initialDays: z.number().min(0).max(365),
  /** P5 */
  appointmentDaysSection: z.number().min(0).max(365),
  appointmentDaysDivision: z.number().min(0).max(365),
  /** P6: 双基 officials' off-the-job days */
  grassrootsDays: z.number().min(0).max(365),
  /** heartbeat cadence the player keeps */
  heartbeatIntervalSeconds: z.number().min(1).max(300),
  /** I3: the fastest playback rate that still earns credit */
  maxCreditedRate: z.number().min(0.25).max(4),
  /** I2: completion of a lesson */
  completionCoverage: z.number().min(0).max(1),
  completionVerifiedRatio: z.number().min(0).max(1),
  /** I4: attention checks (防挂机) */
  attentionMeanMinutes: z.number().min(0).max(600),
  attentionTimeoutSeconds: z.number().min(5).max(3600),
  /** documents: the least time a page must be shown to count */
  documentMinSecondsPerPage: z.number().min(0).max(600),
});
export type PolicySettings = z.infer<typeof PolicySettings>;

export const DEFAULT_POLICY: PolicySettings = {
  yearlyHours: 90,
  yearlyDays: 12,
  hoursPerDay: 7.5,
  legalHoursLawEnforcement: 24,
  ruleOfLawHours: 4,
  initialDays: 12,
  appointmentDaysSection: 15,
  appointmentDaysDivision: 30,
  grassrootsDays: 6,
  heartbeatIntervalSeconds: 15,
  maxCreditedRate: 1.0,
  completionCoverage: 0.95,
  completionVerifiedRatio: 0.9,
  attentionMeanMinutes: 20,
  attentionTimeoutSeconds: 60,
  documentMinSecondsPerPage: 30,
};

/** The settings of one year as the API shows them. */
export const PolicyYearView = z.object({
  year: z.number().int(),
  settings: PolicySettings,
  /** no row for the year: the defaults apply */
  isDefault: z.boolean(),
  /** a past year is closed: its settings, and so its results, no longer change */
  editable: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type PolicyYearView = z.infer<typeof PolicyYearView>;
export const PolicyYearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
/** only the settings given change; the others keep the year's value */
export const PolicyUpdate = PolicySettings.partial().strict();
export type PolicyUpdate = z.infer<typeof PolicyUpdate>;
