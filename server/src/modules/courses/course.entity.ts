import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CourseStatus, SharingScope } from '@xueshi/shared';
import { InstitutionEntity } from '../organizations/institution.entity';
import { numeric } from '../../database/transformers';
import { CategoryEntity } from './category.entity';

/** 课程: a course (or a 微课 micro-lecture) owned by an institution. */
@Entity({ name: 'courses' })
@Index(['status', 'publishedAt'])
export class CourseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 80 })
  title: string;

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'uuid' })
  @Index()
  categoryId: string;

  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: CategoryEntity;

  /** 必修 (true) or 选修 */
  @Column({ type: 'boolean', default: false })
  required: boolean;

  @Column({ type: 'boolean', default: false })
  microLecture: boolean;

  /** set by the owner, never above what the videos support; null = the default from the durations */
  @Column({ type: 'numeric', precision: 4, scale: 1, nullable: true, transformer: numeric })
  creditHours: number | null;

  @Column({ type: 'uuid' })
  @Index()
  institutionId: string;

  @ManyToOne(() => InstitutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: InstitutionEntity;

  @Column({ type: 'varchar', length: 16, default: 'institution' })
  sharing: SharingScope;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: CourseStatus;

  @Column({ type: 'text', nullable: true })
  reviewComment: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
