import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 课程类别 (P12), editable by the system admin. */
@Entity({ name: 'categories' })
export class CategoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 40 })
  nameZh: string;

  @Column({ type: 'varchar', length: 80 })
  nameEn: string;

  /** counts toward the legal-knowledge total of law-enforcement officials (P2) */
  @Column({ type: 'boolean', default: false })
  legal: boolean;

  @Column({ type: 'int', default: 100 })
  sort: number;
}
