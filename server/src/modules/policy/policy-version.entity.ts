import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PolicySettings } from '@xueshi/shared';

/** The policy settings of one year (I8); a year without a row uses the defaults. */
@Entity({ name: 'policy_versions' })
export class PolicyVersionEntity {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'jsonb' })
  settings: Partial<PolicySettings>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;
}
