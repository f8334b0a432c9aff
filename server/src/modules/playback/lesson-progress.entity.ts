import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numeric } from '../../database/transformers';

/** An official's progress in one lesson, over all sessions and devices. */
@Entity({ name: 'lesson_progress' })
export class LessonProgressEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'uuid' })
  lessonId: string;

  @Column({ type: 'uuid' })
  @Index()
  courseId: string;

  @Column({ type: 'nummultirange', default: () => "'{}'" })
  coverage: string;

  @Column({ type: 'numeric', precision: 10, scale: 1, default: 0, transformer: numeric })
  coveredSeconds: number;

  @Column({ type: 'numeric', precision: 10, scale: 1, default: 0, transformer: numeric })
  verifiedSeconds: number;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
