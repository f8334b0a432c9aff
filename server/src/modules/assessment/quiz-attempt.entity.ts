import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../accounts/user.entity';
import { numeric } from '../../database/transformers';
import { QuizEntity } from './quiz.entity';

/** What an attempt drew: each question as shown (options re-lettered), with its answer in that lettering. */
export interface DrawnQuestion {
  id: string;
  type: string;
  stem: string;
  options: { key: string; text: string }[];
  answer: string[];
  explanation: string;
}

/** One official's attempt at a quiz: drawn once, answered as they go, graded once. */
@Entity({ name: 'quiz_attempts' })
@Index(['quizId', 'userId', 'number'], { unique: true })
@Index('ix_quiz_attempts_open_deadline', ['deadline'], { where: 'submitted_at IS NULL' })
export class QuizAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  quizId: string;

  @ManyToOne(() => QuizEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'quiz_id' })
  quiz?: QuizEntity;

  @Column({ type: 'uuid' })
  @Index()
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz' })
  deadline: Date;

  /** the drawn questions, frozen for this attempt (later edits of the bank do not change it) */
  @Column({ type: 'jsonb' })
  questions: DrawnQuestion[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Record<string, string[]>;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** 'submitted' by the official, or 'expired' (closed at the deadline with what was saved) */
  @Column({ type: 'varchar', length: 16, nullable: true })
  closedBy: 'submitted' | 'expired' | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: numeric })
  score: number | null;

  @Column({ type: 'int', nullable: true })
  correctCount: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  /** per question: answered correctly */
  @Column({ type: 'jsonb', nullable: true })
  results: Record<string, boolean> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
