import { z } from 'zod';

export const PartState = z.enum(['up', 'down']);
export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  db: PartState,
  redis: PartState,
  worker: PartState,
  version: z.string(),
  uptimeSeconds: z.number(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
