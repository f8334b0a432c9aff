import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** In-app notification (reminders of the year-end projection …). One per user and key: a repeated reminder refreshes it. */
@Entity({ name: 'notifications' })
@Index(['userId', 'dedupeKey'], { unique: true })
@Index(['userId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 120 })
  dedupeKey: string;

  @Column({ type: 'text' })
  zh: string;

  @Column({ type: 'text' })
  en: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  link: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
