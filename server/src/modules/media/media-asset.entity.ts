import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { LessonKind, MediaStatus } from '@xueshi/shared';
import { numeric } from '../../database/transformers';

/** An uploaded video or document and what the pipeline made of it (HLS ladder, poster, duration). */
@Entity({ name: 'media_assets' })
export class MediaAssetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @Index()
  ownerId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: LessonKind;

  @Column({ type: 'varchar', length: 16 })
  status: MediaStatus;

  @Column({ type: 'int', default: 0 })
  progress: number;

  /** the tus upload it came from: makes creation idempotent */
  @Column({ type: 'varchar', length: 80, unique: true, nullable: true })
  uploadId: string | null;

  @Column({ type: 'varchar', length: 200 })
  originalName: string;

  @Column({ type: 'bigint', transformer: numeric })
  sizeBytes: number;

  /** storage key of the original upload */
  @Column({ type: 'varchar', length: 300 })
  sourceKey: string;

  @Column({ type: 'numeric', precision: 10, scale: 3, nullable: true, transformer: numeric })
  durationSeconds: number | null;

  /** a document's pages (pdfinfo); null for a video */
  @Column({ type: 'int', nullable: true })
  pageCount: number | null;

  @Column({ type: 'int', nullable: true })
  width: number | null;

  @Column({ type: 'int', nullable: true })
  height: number | null;

  /** e.g. ['360p', '720p'] */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  renditions: string[];

  @Column({ type: 'varchar', length: 300, nullable: true })
  posterKey: string | null;

  /** storage key prefix of the HLS output (master.m3u8 inside) or of the document */
  @Column({ type: 'varchar', length: 300, nullable: true })
  outputKey: string | null;

  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readyAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
