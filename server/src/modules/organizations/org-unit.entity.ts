import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, JoinColumn } from 'typeorm';
import type { OrgUnitType } from '@xueshi/shared';

/** A node of the organisation tree: 市 → 区县 / 市级部门 → 单位. */
@Entity({ name: 'org_units' })
export class OrgUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  @Index()
  parentId: string | null;

  @ManyToOne(() => OrgUnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: OrgUnitEntity | null;

  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  type: OrgUnitType;

  /**
   * Materialised path of ids, '/root/…/self/'. Collation "C" lets the btree index serve
   * `path LIKE '/root/district/%'`, so "everyone under this node" is one indexed range scan.
   */
  @Column({ type: 'varchar', length: 1200, collation: 'C' })
  @Index()
  path: string;

  @Column({ type: 'int' })
  depth: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
