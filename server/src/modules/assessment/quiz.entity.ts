import type { DrawRule, QuizKind, RevealPolicy } from '@xueshi/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CourseEntity } from '../courses/course.entity';
import { LessonEntity } from '../courses/lesson.entity';

/** A lesson quiz or the course's final exam (one per course): how questions are drawn, time, attempts, pass mark. */
@Entity({ name: 'quizzes' })
@Index('uq_quizzes_final_exam', ['courseId'], { unique: true, where: `kind = 'final_exam'` })
export class QuizEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @Index()
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ type: 'varchar', length: 16 })
  kind: QuizKind;

  @Column({ type: 'uuid', nullable: true })
  lessonId: string | null;

  @ManyToOne(() => LessonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lesson_id' })
  lesson?: LessonEntity;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'jsonb' })
  draw: DrawRule[];

  @Column({ type: 'int' })
  timeLimitMinutes: number;

  @Column({ type: 'int' })
  maxAttempts: number;

  @Column({ type: 'int' })
  passScore: number;

  @Column({ type: 'varchar', length: 16 })
  reveal: RevealPolicy;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
