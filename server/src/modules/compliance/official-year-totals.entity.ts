import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numeric } from '../../database/transformers';

/**
 * An official's year, pre-aggregated from the ledger in the same transaction as every append
 * (so it is never stale): what compliance, the dashboards and the lists read instead of
 * summing millions of ledger rows. `npm run ledger:verify` also checks it against the ledger.
 */
@Entity({ name: 'official_year_totals' })
@Index(['year', 'hours'])
export class OfficialYearTotalsEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'numeric', precision: 7, scale: 1, default: 0, transformer: numeric })
  hours: number;

  @Column({ type: 'numeric', precision: 7, scale: 1, default: 0, transformer: numeric })
  onlineHours: number;

  @Column({ type: 'numeric', precision: 7, scale: 1, default: 0, transformer: numeric })
  offlineHours: number;

  @Column({ type: 'numeric', precision: 6, scale: 1, default: 0, transformer: numeric })
  offlineDays: number;

  @Column({ type: 'numeric', precision: 7, scale: 1, default: 0, transformer: numeric })
  legalHours: number;

  /** P4: days of initial (初任) classes */
  @Column({ type: 'numeric', precision: 6, scale: 1, default: 0, transformer: numeric })
  initialDays: number;

  /** P5: days of appointment (任职) classes, by level */
  @Column({ type: 'numeric', precision: 6, scale: 1, default: 0, transformer: numeric })
  appointmentSectionDays: number;

  @Column({ type: 'numeric', precision: 6, scale: 1, default: 0, transformer: numeric })
  appointmentDivisionDays: number;

  /** P3: the least rule-of-law hours attended in any initial or appointment class (null: took none) */
  @Column({ type: 'numeric', precision: 6, scale: 1, nullable: true, transformer: numeric })
  classRuleOfLawHours: number | null;

  /** P8: classes finished this year with an assessment result */
  @Column({ type: 'int', default: 0 })
  assessedClasses: number;

  /** P8: off-the-job assessments failed this year */
  @Column({ type: 'int', default: 0 })
  failedAssessments: number;

  /**
   * hours credited up to the end of each month (China time), January first: the dashboards'
   * trend reads them as plain floats (a numeric array summed per row was the slow part)
   */
  @Column({ type: 'real', array: true, default: () => "'{0,0,0,0,0,0,0,0,0,0,0,0}'" })
  cumHours: number[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
