import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../accounts/user.entity';
import { CourseEntity } from '../courses/course.entity';

/** 评估 (P9): one official's evaluation of a course. Results are only ever shown aggregated. */
@Entity({ name: 'course_evaluations' })
@Index(['courseId', 'userId'], { unique: true })
export class CourseEvaluationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'smallint' })
  plan: number;

  @Column({ type: 'smallint' })
  content: number;

  @Column({ type: 'smallint' })
  teachers: number;

  @Column({ type: 'smallint' })
  management: number;

  @Column({ type: 'text', default: '' })
  comment: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
