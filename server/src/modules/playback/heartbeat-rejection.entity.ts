import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A heartbeat that failed a check, kept with its reason as evidence for appeals. */
@Entity({ name: 'heartbeat_rejections' })
@Index(['sessionId', 'seq', 'reason'], { unique: true })
export class HeartbeatRejectionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'uuid' })
  @Index()
  userId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 32 })
  reason: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Record<string, unknown>;
}
