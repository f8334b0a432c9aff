import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgUnitEntity } from './org-unit.entity';

/** 施教机构: a training institution that runs classes and owns courseware. */
@Entity({ name: 'institutions' })
export class InstitutionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  /** qualification granted by the 市公务员局 */
  @Column({ type: 'boolean', default: true })
  qualified: boolean;

  @Column({ type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @ManyToOne(() => OrgUnitEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnitEntity | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
