import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { numeric } from '../../database/transformers';
import { UserEntity } from '../accounts/user.entity';
import { TrainingClassEntity } from '../assessment/training-class.entity';
import { CourseEntity } from '../courses/course.entity';

/** An online course a class requires of its trainees. */
@Entity({ name: 'class_courses' })
export class ClassCourseEntity {
  @PrimaryColumn({ type: 'uuid' })
  classId: string;

  @PrimaryColumn({ type: 'uuid' })
  @Index()
  courseId: string;

  @ManyToOne(() => TrainingClassEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  trainingClass?: TrainingClassEntity;

  @ManyToOne(() => CourseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;
}

/** 脱产: an offline session of a class, a day or half a day, with its rule-of-law hours (P3). */
@Entity({ name: 'class_sessions' })
@Index(['classId', 'sessionDate'])
export class ClassSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  classId: string;

  @ManyToOne(() => TrainingClassEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  trainingClass?: TrainingClassEntity;

  @Column({ type: 'date' })
  sessionDate: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'numeric', precision: 3, scale: 1, transformer: numeric })
  days: number;

  @Column({ type: 'numeric', precision: 4, scale: 1, default: 0, transformer: numeric })
  ruleOfLawHours: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A trainee present at an offline session, as recorded by the institution. */
@Entity({ name: 'class_attendance' })
@Index(['classId', 'userId'])
export class ClassAttendanceEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'uuid' })
  classId: string;

  @ManyToOne(() => ClassSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: ClassSessionEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}

/** What 结业 found for each trainee: fixed when the class finishes, part of the archive. */
@Entity({ name: 'class_results' })
export class ClassResultEntity {
  @PrimaryColumn({ type: 'uuid' })
  classId: string;

  @PrimaryColumn({ type: 'uuid' })
  @Index()
  userId: string;

  @ManyToOne(() => TrainingClassEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'class_id' })
  trainingClass?: TrainingClassEntity;

  @Column({ type: 'numeric', precision: 5, scale: 1, transformer: numeric })
  attendedDays: number;

  /** attended days + the class's credited online hours ÷ hours per day */
  @Column({ type: 'numeric', precision: 5, scale: 1, transformer: numeric })
  days: number;

  @Column({ type: 'numeric', precision: 5, scale: 1, transformer: numeric })
  ruleOfLawHours: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: numeric })
  assessmentTotal: number | null;

  @Column({ type: 'boolean', nullable: true })
  assessmentPassed: boolean | null;

  @Column({ type: 'boolean' })
  completed: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  missing: { zh: string; en: string }[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
