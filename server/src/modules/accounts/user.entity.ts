import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RankLevel, Role } from '@xueshi/shared';
import { InstitutionEntity } from '../organizations/institution.entity';
import { OrgUnitEntity } from '../organizations/org-unit.entity';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** stored lower-case; login is case-insensitive */
  @Column({ type: 'varchar', length: 32, unique: true })
  username: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 24 })
  role: Role;

  /** 人员编号 */
  @Column({ type: 'varchar', length: 32, nullable: true, unique: true })
  staffNo: string | null;

  @Column({ type: 'uuid', nullable: true })
  @Index()
  orgUnitId: string | null;

  @ManyToOne(() => OrgUnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnitEntity | null;

  @Column({ type: 'uuid', nullable: true })
  @Index()
  institutionId: string | null;

  @ManyToOne(() => InstitutionEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: InstitutionEntity | null;

  /** 职级 */
  @Column({ type: 'varchar', length: 16, nullable: true })
  rankLevel: RankLevel | null;

  /** 职务 */
  @Column({ type: 'varchar', length: 60, nullable: true })
  position: string | null;

  /** 执法岗位 (P2) */
  @Column({ type: 'boolean', default: false })
  lawEnforcement: boolean;

  /** 双基 (P6) */
  @Column({ type: 'boolean', default: false })
  grassroots: boolean;

  /** date of appointment to the civil service (P4) */
  @Column({ type: 'date', nullable: true })
  civilServiceEntryDate: string | null;

  /** date of taking up the current post (P5) */
  @Column({ type: 'date', nullable: true })
  appointmentDate: string | null;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ type: 'int', default: 0 })
  failedLoginCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastFailedLoginAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
