import { z } from 'zod';
import { OrgUnitType } from '../enums';
import { issue, Uuid } from './common';

export const OrgUnitView = z.object({
  id: Uuid,
  parentId: Uuid.nullable(),
  code: z.string(),
  name: z.string(),
  type: OrgUnitType,
  depth: z.number().int(),
  /** number of users directly in this node */
  userCount: z.number().int(),
});
export type OrgUnitView = z.infer<typeof OrgUnitView>;

export const OrgUnitTree = z.object({ items: z.array(OrgUnitView) });
export type OrgUnitTree = z.infer<typeof OrgUnitTree>;

const Code = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, issue('编码只能包含字母、数字、-、_', 'Code may hold letters, digits, - and _'));

export const CreateOrgUnitRequest = z.object({
  parentId: Uuid,
  code: Code,
  name: z.string().trim().min(2).max(60),
  type: OrgUnitType,
});
export type CreateOrgUnitRequest = z.infer<typeof CreateOrgUnitRequest>;

export const UpdateOrgUnitRequest = z
  .object({ name: z.string().trim().min(2).max(60) })
  .partial()
  .strict();
export type UpdateOrgUnitRequest = z.infer<typeof UpdateOrgUnitRequest>;

export const InstitutionView = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  qualified: z.boolean(),
  orgUnitId: Uuid.nullable(),
});
export type InstitutionView = z.infer<typeof InstitutionView>;

export const InstitutionList = z.object({ items: z.array(InstitutionView) });

export const CreateInstitutionRequest = z.object({
  code: Code,
  name: z.string().trim().min(2).max(80),
  qualified: z.boolean().default(true),
  orgUnitId: Uuid.nullable().optional(),
});
export type CreateInstitutionRequest = z.infer<typeof CreateInstitutionRequest>;
