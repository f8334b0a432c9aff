import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../accounts/user.entity';
import { InstitutionEntity } from '../organizations/institution.entity';
import { QuizEntity } from './quiz.entity';

/** 班次: a training class run by an institution (the model assessment needs; administration adds the rest). */
@Entity({ name: 'training_classes' })
export class TrainingClassEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @Index()
  institutionId: string;

  @ManyToOne(() => InstitutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: InstitutionEntity;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  kind: string;

  /** appointment classes (P5): section or division */
  @Column({ type: 'varchar', length: 16, nullable: true })
  appointmentLevel: 'section' | 'division' | null;

  /** draft → published (rules met) → finished (结业: credited, read-only) */
  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: 'draft' | 'published' | 'finished';

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'uuid', nullable: true })
  examQuizId: string | null;

  @ManyToOne(() => QuizEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'exam_quiz_id' })
  examQuiz?: QuizEntity;

  @Column({ type: 'timestamptz', nullable: true })
  peerReviewOpensAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  peerReviewClosesAt: Date | null;

  @Column({ type: 'jsonb' })
  weights: { instructor: number; peer: number; exam: number };

  @Column({ type: 'int' })
  passScore: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'class_members' })
export class ClassMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  classId: string;

  @PrimaryColumn({ type: 'uuid' })
  @Index()
  userId: string;

  @ManyToOne(() => TrainingClassEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  trainingClass?: TrainingClassEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'class_instructors' })
export class ClassInstructorEntity {
  @PrimaryColumn({ type: 'uuid' })
  classId: string;

  @PrimaryColumn({ type: 'uuid' })
  @Index()
  userId: string;

  @ManyToOne(() => TrainingClassEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  trainingClass?: TrainingClassEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
}

/** 写实记录: a trainee's dated journal entry, seen by the class's instructors. */
@Entity({ name: 'journal_entries' })
@Index(['classId', 'userId', 'entryDate'])
export class JournalEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  classId: string;

  @ManyToOne(() => TrainingClassEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  trainingClass?: TrainingClassEntity;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'date' })
  entryDate: string;

  @Column({ type: 'text' })
  content: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** 民主评议: one trainee's ratings of one classmate (1–5 on the four points). Shown only as averages. */
@Entity({ name: 'peer_reviews' })
@Index(['classId', 'reviewerId', 'revieweeId'], { unique: true })
@Index(['classId', 'revieweeId'])
export class PeerReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  classId: string;

  @ManyToOne(() => TrainingClassEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  trainingClass?: TrainingClassEntity;

  @Column({ type: 'uuid' })
  reviewerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: UserEntity;

  @Column({ type: 'uuid' })
  revieweeId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reviewee_id' })
  reviewee?: UserEntity;

  @Column({ type: 'smallint' })
  attitude: number;

  @Column({ type: 'smallint' })
  participation: number;

  @Column({ type: 'smallint' })
  interaction: number;

  @Column({ type: 'smallint' })
  results: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The instructor's four scores (0–100) of a trainee in a class. */
@Entity({ name: 'instructor_scores' })
export class InstructorScoreEntity {
  @PrimaryColumn({ type: 'uuid' })
  classId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => TrainingClassEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  trainingClass?: TrainingClassEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'numeric', precision: 5, scale: 2 })
  attitude: string;

  @Column({ type: 'numeric', precision: 5, scale: 2 })
  participation: string;

  @Column({ type: 'numeric', precision: 5, scale: 2 })
  interaction: string;

  @Column({ type: 'numeric', precision: 5, scale: 2 })
  results: string;

  @Column({ type: 'text', default: '' })
  comment: string;

  @Column({ type: 'uuid' })
  scoredBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  scoredAt: Date;
}
