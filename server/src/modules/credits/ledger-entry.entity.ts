import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numeric } from '../../database/transformers';

/**
 * 学时台账 (I7): append-only, hash-chained per official. A course credits once (the partial
 * unique index); corrections are new entries with a reason and the admin who made them.
 */
@Entity({ name: 'credit_ledger' })
@Index(['userId', 'seq'], { unique: true })
@Index('UQ_credit_ledger_course_once', ['userId', 'courseId'], { unique: true, where: `"kind" = 'course'` })
@Index('UQ_credit_ledger_class_once', ['userId', 'classId'], { unique: true, where: `"kind" = 'class'` })
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  /** 1, 2, 3 … per official */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 16 })
  kind: 'course' | 'correction' | 'class';

  @Column({ type: 'uuid', nullable: true })
  courseId: string | null;

  /** for a class entry (结业): the class whose offline days it credits */
  @Column({ type: 'uuid', nullable: true })
  classId: string | null;

  @Column({ type: 'numeric', precision: 6, scale: 1, transformer: numeric })
  hours: number;

  @Column({ type: 'uuid', nullable: true })
  categoryId: string | null;

  @Column({ type: 'int' })
  @Index()
  year: number;

  @Column({ type: 'jsonb' })
  evidence: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
