import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { numeric } from '../../database/transformers';
import { UserEntity } from '../accounts/user.entity';
import { LessonEntity } from '../courses/lesson.entity';

/** 申诉: an official disputes a lesson's uncounted time; an admin decides, with a reason. */
@Entity({ name: 'appeals' })
@Index(['status', 'createdAt'])
@Index('UQ_appeals_one_open', ['userId', 'lessonId'], { unique: true, where: `"status" = 'open'` })
export class AppealEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @Index()
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'uuid' })
  courseId: string;

  @Column({ type: 'uuid' })
  lessonId: string;

  @ManyToOne(() => LessonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lesson_id' })
  lesson?: LessonEntity;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: 'open' | 'accepted' | 'rejected';

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ type: 'numeric', precision: 5, scale: 1, nullable: true, transformer: numeric })
  hours: number | null;

  /** the correction entry an accepted appeal wrote */
  @Column({ type: 'bigint', nullable: true })
  correctionEntryId: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
