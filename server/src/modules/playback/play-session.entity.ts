import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numeric } from '../../database/transformers';

/**
 * 学习会话: one official watching one lesson on one device, from open to close. The running
 * totals arrive from Redis in batches; flushSeq makes each batch count once.
 */
@Entity({ name: 'play_sessions' })
@Index(['userId', 'lessonId'])
export class PlaySessionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'uuid' })
  lessonId: string;

  @Column({ type: 'uuid' })
  @Index()
  courseId: string;

  @Column({ type: 'uuid', nullable: true })
  assetId: string | null;

  /** indexed for the supervisors' anomaly queries, which read a year of sessions by start */
  @Column({ type: 'timestamptz' })
  @Index()
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  endReason: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  device: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  /** the last batch from Redis written here: a retried batch carries the same number and is ignored */
  @Column({ type: 'int', default: 0 })
  flushSeq: number;

  @Column({ type: 'numeric', precision: 10, scale: 1, default: 0, transformer: numeric })
  verifiedSeconds: number;

  /** position intervals really played and fetched (seconds) */
  @Column({ type: 'nummultirange', default: () => "'{}'" })
  covered: string;

  /** seconds not counted, by reason */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  uncounted: Record<string, number>;

  @Column({ type: 'int', default: 0 })
  beatsAccepted: number;

  @Column({ type: 'int', default: 0 })
  beatsRejected: number;
}
