import { z } from 'zod';

/** The five roles of DESIGN.md "Who uses it". */
export const ROLES = ['official', 'instructor', 'institution_admin', 'org_admin', 'sys_admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ADMIN_ROLES = ['institution_admin', 'org_admin', 'sys_admin'] as const satisfies readonly Role[];

/** Bilingual label: zh-CN first, English second. */
export interface Label {
  zh: string;
  en: string;
}

export const ROLE_LABELS: Record<Role, Label> = {
  official: { zh: '学员', en: 'Official' },
  instructor: { zh: '教师', en: 'Instructor' },
  institution_admin: { zh: '施教机构管理员', en: 'Institution admin' },
  org_admin: { zh: '主管部门管理员', en: 'Organisation admin' },
  sys_admin: { zh: '系统管理员', en: 'System admin' },
};

/** Which roles each role may create and administer (the server enforces it; the client offers only these). */
export const MANAGEABLE_ROLES: Record<Role, readonly Role[]> = {
  sys_admin: ['official', 'instructor', 'institution_admin', 'org_admin', 'sys_admin'],
  org_admin: ['official', 'org_admin'],
  institution_admin: ['instructor', 'institution_admin'],
  instructor: [],
  official: [],
};

/** 市 → 区县 / 市级部门 → 单位 */
export const ORG_UNIT_TYPES = ['city', 'district', 'department', 'unit'] as const;
export const OrgUnitType = z.enum(ORG_UNIT_TYPES);
export type OrgUnitType = z.infer<typeof OrgUnitType>;

export const ORG_UNIT_TYPE_LABELS: Record<OrgUnitType, Label> = {
  city: { zh: '市', en: 'City' },
  district: { zh: '区县', en: 'District / county' },
  department: { zh: '市级部门', en: 'City department' },
  unit: { zh: '单位', en: 'Unit' },
};

/** Which node types may sit under which (the tree's shape). */
export const ORG_UNIT_CHILD_TYPES: Record<OrgUnitType, readonly OrgUnitType[]> = {
  city: ['district', 'department'],
  district: ['unit'],
  department: ['unit'],
  unit: ['unit'],
};

/** 职级: rank level, drives appointment-training rules (P5). */
export const RANK_LEVELS = ['clerk', 'section', 'division', 'bureau'] as const;
export const RankLevel = z.enum(RANK_LEVELS);
export type RankLevel = z.infer<typeof RankLevel>;

export const RANK_LEVEL_LABELS: Record<RankLevel, Label> = {
  clerk: { zh: '科员级', en: 'Clerk' },
  section: { zh: '科级', en: 'Section level' },
  division: { zh: '处级', en: 'Division level' },
  bureau: { zh: '厅局级', en: 'Bureau level' },
};
