import { Injectable } from '@nestjs/common';
import {
  CreateUserRequest,
  CreateUserResponse,
  placementIssues,
  Role,
  UpdateUserRequest,
  UserPage,
  UserView,
} from '@xueshi/shared';
import { z } from 'zod';
import { AppError, conflict, forbidden, invalid, notFound } from '../../common/errors';
import type { Principal } from '../../common/request';
import { OrgUnitsRepository } from '../organizations/org-units.repository';
import { canManageRole, orgPathInScope, UserScope, userScope } from './access-scope';
import { generateInitialPassword, hashPassword } from './password';
import { SessionsService } from './sessions.service';
import type { UserEntity } from './user.entity';
import { toUserView } from './user-view';
import { UserFilters, UsersRepository } from './users.repository';
import { usersWorkbook } from './users-export';

type CreateUser = z.output<typeof CreateUserRequest>;

/** users read per query by the export */
const EXPORT_PAGE = 1000;

const USER_NOT_FOUND = { zh: '用户不存在或不在您的管辖范围内', en: 'No such user within your scope' };

function isUniqueViolation(e: unknown): e is { constraint?: string; detail?: string } {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly units: OrgUnitsRepository,
    private readonly sessions: SessionsService,
  ) {}

  async list(p: Principal, f: UserFilters): Promise<UserPage> {
    const [rows, total] = await this.users.list(userScope(p), f);
    return { items: rows.map(toUserView), total, page: f.page, pageSize: f.pageSize };
  }

  /** Every user the list would show under the same filters, all pages, as XLSX: read from a replica. */
  async export(p: Principal, f: Omit<UserFilters, 'page' | 'pageSize'>): Promise<Buffer> {
    const scope = userScope(p);
    const all = await this.users.onReplica(async (m) => {
      const views: UserView[] = [];
      for (let page = 1; ; page++) {
        const [rows] = await this.users.list(scope, { ...f, page, pageSize: EXPORT_PAGE }, m);
        views.push(...rows.map(toUserView));
        if (rows.length < EXPORT_PAGE) return views;
      }
    });
    return usersWorkbook(all);
  }

  async get(p: Principal, id: string): Promise<UserView> {
    return toUserView(await this.mustFind(userScope(p), id));
  }

  private async mustFind(scope: UserScope, id: string): Promise<UserEntity> {
    const u = await this.users.findInScope(scope, id);
    if (!u) throw notFound(USER_NOT_FOUND);
    return u;
  }

  /** Check that a placement (unit / institution) is one the actor may put people in. */
  private async checkPlacement(p: Principal, role: Role, orgUnitId: string | null, institutionId: string | null) {
    for (const issue of placementIssues(role, { orgUnitId, institutionId })) throw invalid(issue.path, issue);
    const scope = userScope(p);
    if (orgUnitId) {
      const unit = await this.units.findById(orgUnitId);
      if (!unit || !orgPathInScope(scope, unit.path)) {
        throw new AppError('NOT_FOUND', { zh: '所属单位不存在或不在您的管辖范围内', en: 'No such unit within your scope' }, 'orgUnitId');
      }
    }
    if (institutionId) {
      const ok = p.role === 'sys_admin' ? !!(await this.units.findInstitution(institutionId)) : p.institutionId === institutionId;
      if (!ok) throw new AppError('NOT_FOUND', { zh: '施教机构不存在或不在您的管辖范围内', en: 'No such institution within your scope' }, 'institutionId');
    }
  }

  async create(p: Principal, body: CreateUser): Promise<CreateUserResponse> {
    if (!canManageRole(p.role, body.role)) throw forbidden();
    const institutionId = body.institutionId ?? (p.role === 'institution_admin' ? p.institutionId : null);
    const orgUnitId = body.orgUnitId ?? null;
    await this.checkPlacement(p, body.role, orgUnitId, institutionId);
    const initialPassword = body.password ? null : generateInitialPassword();
    const [id] = await this.insertOrConflict([
      {
        username: body.username.toLowerCase(),
        passwordHash: await hashPassword(body.password ?? initialPassword!),
        name: body.name,
        role: body.role,
        staffNo: body.staffNo ?? null,
        orgUnitId,
        institutionId,
        rankLevel: body.rankLevel ?? null,
        position: body.position ?? null,
        lawEnforcement: body.lawEnforcement ?? false,
        grassroots: body.grassroots ?? false,
        civilServiceEntryDate: body.civilServiceEntryDate ?? null,
        appointmentDate: body.appointmentDate ?? null,
        mustChangePassword: true,
      },
    ]);
    return { user: toUserView((await this.users.findById(id))!), initialPassword };
  }

  private async insertOrConflict(rows: Partial<UserEntity>[]): Promise<string[]> {
    try {
      return await this.users.insert(rows);
    } catch (e) {
      if (isUniqueViolation(e)) {
        const staff = /staff_no/.test(e.detail ?? '') || /staff/.test(e.constraint ?? '');
        throw staff
          ? conflict('staffNo', { zh: '人员编号已存在', en: 'Staff number already exists' })
          : conflict('username', { zh: '用户名已存在', en: 'Username already exists' });
      }
      throw e;
    }
  }

  async update(p: Principal, id: string, body: UpdateUserRequest): Promise<UserView> {
    const scope = userScope(p);
    const user = await this.mustFind(scope, id);
    if (!canManageRole(p.role, user.role)) throw forbidden();
    if (body.role && !canManageRole(p.role, body.role)) throw forbidden();
    if (id === p.userId && (body.disabled === true || (body.role && body.role !== user.role))) {
      throw invalid(body.disabled ? 'disabled' : 'role', { zh: '不能停用自己或更改自己的角色', en: 'You cannot disable yourself or change your own role' });
    }
    const role = body.role ?? user.role;
    const orgUnitId = body.orgUnitId !== undefined ? body.orgUnitId : user.orgUnitId;
    const institutionId = body.institutionId !== undefined ? body.institutionId : user.institutionId;
    if (body.role !== undefined || body.orgUnitId !== undefined || body.institutionId !== undefined) {
      await this.checkPlacement(p, role, orgUnitId, institutionId);
    }
    const patch: Partial<UserEntity> = {};
    const fields = ['name', 'staffNo', 'rankLevel', 'position', 'lawEnforcement', 'grassroots', 'civilServiceEntryDate', 'appointmentDate', 'disabled'] as const;
    for (const f of fields) if (body[f] !== undefined) (patch as Record<string, unknown>)[f] = body[f];
    if (body.role) patch.role = body.role;
    if (body.orgUnitId !== undefined) patch.orgUnitId = body.orgUnitId;
    if (body.institutionId !== undefined) patch.institutionId = body.institutionId;
    if (body.unlock) Object.assign(patch, { failedLoginCount: 0, lastFailedLoginAt: null, lockedUntil: null });
    if (Object.keys(patch).length) {
      try {
        await this.users.update(id, patch);
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('staffNo', { zh: '人员编号已存在', en: 'Staff number already exists' });
        throw e;
      }
    }
    if (body.disabled === true) await this.sessions.end(id);
    return toUserView((await this.users.findById(id))!);
  }

  async resetPassword(p: Principal, id: string): Promise<{ initialPassword: string }> {
    const user = await this.mustFind(userScope(p), id);
    if (!canManageRole(p.role, user.role)) throw forbidden();
    const initialPassword = generateInitialPassword();
    await this.users.update(id, {
      passwordHash: await hashPassword(initialPassword),
      mustChangePassword: true,
      failedLoginCount: 0,
      lastFailedLoginAt: null,
      lockedUntil: null,
    });
    await this.sessions.end(id);
    return { initialPassword };
  }

  /** 强制下线: end every session of a user within the caller's scope (refresh and access tokens, at once). */
  async revokeSessions(p: Principal, id: string): Promise<{ revoked: number }> {
    const user = await this.mustFind(userScope(p), id);
    if (!canManageRole(p.role, user.role)) throw forbidden();
    const { revoked } = await this.sessions.end(id);
    return { revoked };
  }
}
