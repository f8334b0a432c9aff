import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LessonKind } from '@xueshi/shared';
import { MediaAssetEntity } from '../media/media-asset.entity';
import { ChapterEntity } from './chapter.entity';
import { CourseEntity } from './course.entity';

@Entity({ name: 'lessons' })
export class LessonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @Index()
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ type: 'uuid' })
  @Index()
  chapterId: string;

  @ManyToOne(() => ChapterEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chapter_id' })
  chapter?: ChapterEntity;

  @Column({ type: 'varchar', length: 80 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  kind: LessonKind;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'uuid', nullable: true })
  @Index()
  assetId: string | null;

  @ManyToOne(() => MediaAssetEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'asset_id' })
  asset?: MediaAssetEntity | null;
}
