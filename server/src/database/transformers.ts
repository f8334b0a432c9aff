import type { ValueTransformer } from 'typeorm';

/** PostgreSQL numeric arrives as a string: read it as a number (null stays null). */
export const numeric: ValueTransformer = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};
