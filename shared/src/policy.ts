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
  heartbeatIntervalSeconds: 15,
  maxCreditedRate: 1.0,
  completionCoverage: 0.95,
  completionVerifiedRatio: 0.9,
  attentionMeanMinutes: 20,
  attentionTimeoutSeconds: 60,
  documentMinSecondsPerPage: 30,
};
