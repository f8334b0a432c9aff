import { z } from 'zod';
import { RankLevel, Role } from '../enums';
import { DateString, issue, pageOf, PageQuery, Uuid } from './common';

export const Username = z
  .string()
  .trim()
  .min(3, issue('用户名至少 3 个字符', 'Username needs at least 3 characters'))
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, issue('用户名只能包含字母、数字、_ . -', 'Username may hold letters, digits, _ . -'));

/** 人员编号: the personnel number, unique per official. */
export const StaffNo = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9-]+$/, issue('人员编号只能包含字母、数字和 -', 'Staff number may hold letters, digits and -'));

export const UserView = z.object({
  id: Uuid,
  username: z.string(),
  name: z.string(),
  role: Role,
  staffNo: z.string().nullable(),
  orgUnitId: Uuid.nullable(),
  orgUnitName: z.string().nullable(),
  institutionId: Uuid.nullable(),
  institutionName: z.string().nullable(),
  rankLevel: RankLevel.nullable(),
  position: z.string().nullable(),
  /** 执法岗位 (P2) */
  lawEnforcement: z.boolean(),
  /** 双基: grassroots / basic-post official (P6) */
  grassroots: z.boolean(),
  /** date of appointment to the civil service (P4) */
  civilServiceEntryDate: DateString.nullable(),
  /** date of taking up the current post (P5: appointment training in that year) */
  appointmentDate: DateString.nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof UserView>;

export const UserPage = pageOf(UserView);
export type UserPage = z.infer<typeof UserPage>;

export const ListUsersQuery = PageQuery.extend({
  q: z.string().trim().max(60).optional(),
  role: Role.optional(),
  orgUnitId: Uuid.optional(),
  institutionId: Uuid.optional(),
  disabled: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type ListUsersQuery = z.input<typeof ListUsersQuery>;

const UserFields = {
  name: z.string().trim().min(1, issue('请填写姓名', 'Name is required')).max(50),
  staffNo: StaffNo.nullable().optional(),
  orgUnitId: Uuid.nullable().optional(),
  institutionId: Uuid.nullable().optional(),
  rankLevel: RankLevel.nullable().optional(),
  position: z.string().trim().max(60).nullable().optional(),
  lawEnforcement: z.boolean().optional(),
  grassroots: z.boolean().optional(),
  civilServiceEntryDate: DateString.nullable().optional(),
  appointmentDate: DateString.nullable().optional(),
};

/** Where a role must be placed: officials and org admins in the tree, institution staff in an institution. */
export function placementIssues(role: Role, v: { orgUnitId?: string | null; institutionId?: string | null }) {
  const out: { path: string; zh: string; en: string }[] = [];
  if ((role === 'official' || role === 'org_admin') && !v.orgUnitId) {
    out.push({ path: 'orgUnitId', zh: '该角色必须指定所属单位', en: 'This role needs an organisation unit' });
  }
  if ((role === 'instructor' || role === 'institution_admin') && !v.institutionId) {
    out.push({ path: 'institutionId', zh: '该角色必须指定施教机构', en: 'This role needs an institution' });
  }
  return out;
}

export const CreateUserRequest = z
  .object({
    username: Username,
    role: Role,
    /** when absent, a one-time initial password is generated and returned */
    password: z.string().min(8).max(128).optional(),
    ...UserFields,
  })
  .superRefine((v, ctx) => {
    for (const p of placementIssues(v.role, v)) {
      ctx.addIssue({ code: 'custom', path: [p.path], ...issue(p.zh, p.en) });
    }
  });
export type CreateUserRequest = z.input<typeof CreateUserRequest>;

export const CreateUserResponse = z.object({
  user: UserView,
  /** shown once when the server generated it */
  initialPassword: z.string().nullable(),
});
export type CreateUserResponse = z.infer<typeof CreateUserResponse>;

export const UpdateUserRequest = z
  .object({
    ...UserFields,
    name: UserFields.name.optional(),
    role: Role.optional(),
    disabled: z.boolean().optional(),
    /** clears a lock caused by failed logins */
    unlock: z.literal(true).optional(),
  })
  .strict();
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const ResetPasswordResponse = z.object({ initialPassword: z.string() });

export const ImportQuery = z.object({
  /** all-or-nothing by default; `goodRows` imports the valid rows and reports the others */
  mode: z.enum(['allOrNothing', 'goodRows']).default('allOrNothing'),
  dryRun: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
});
export type ImportQuery = z.input<typeof ImportQuery>;

export const ImportRowReport = z.object({
  /** row number as the spreadsheet shows it (header = row 1) */
  row: z.number().int(),
  staffNo: z.string().nullable(),
  name: z.string().nullable(),
  status: z.enum(['imported', 'valid', 'rejected']),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
  username: z.string().nullable(),
  initialPassword: z.string().nullable(),
});
export type ImportRowReport = z.infer<typeof ImportRowReport>;

export const ImportReport = z.object({
  committed: z.boolean(),
  mode: z.enum(['allOrNothing', 'goodRows']),
  dryRun: z.boolean(),
  total: z.number().int(),
  imported: z.number().int(),
  rejected: z.number().int(),
  rows: z.array(ImportRowReport),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** Column headers of the import file, in order (Chinese as officials see them). */
export const IMPORT_COLUMNS = [
  { key: 'name', header: '姓名', required: true },
  { key: 'staffNo', header: '人员编号', required: true },
  { key: 'unitCode', header: '单位编码', required: true },
  { key: 'username', header: '用户名', required: false },
  { key: 'rankLevel', header: '职级', required: false },
  { key: 'position', header: '职务', required: false },
  { key: 'lawEnforcement', header: '执法岗位', required: false },
  { key: 'grassroots', header: '双基', required: false },
  { key: 'civilServiceEntryDate', header: '入职日期', required: false },
] as const;

/** 审计日志: one admin action that changed something. */
export const AuditEntryView = z.object({
  id: z.string(),
  at: z.string(),
  actorId: Uuid.nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string(),
  action: z.string(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  status: z.number().int(),
  details: z.unknown(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;
export const AuditQuery = PageQuery.extend({
  actorId: Uuid.optional(),
  targetId: z.string().max(64).optional(),
  action: z.string().max(40).optional(),
});
