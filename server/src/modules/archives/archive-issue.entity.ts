import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { numeric } from '../../database/transformers';

/**
 * An issued training archive: its public verification code and the digest of the ledger
 * entries behind it at the moment of issue. Verification recomputes the digest from the
 * ledger as it is now.
 */
@Entity({ name: 'archive_issues' })
@Index(['userId', 'year'])
export class ArchiveIssueEntity {
  @PrimaryColumn({ type: 'varchar', length: 14 })
  code: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'char', length: 64 })
  digest: string;

  @Column({ type: 'numeric', precision: 7, scale: 1, transformer: numeric })
  hours: number;

  @Column({ type: 'uuid' })
  issuedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  issuedAt: Date;
}
