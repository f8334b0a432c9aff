import { Injectable } from '@nestjs/common';
import {
  CreateInstitutionRequest,
  CreateOrgUnitRequest,
  InstitutionView,
  ORG_UNIT_CHILD_TYPES,
  OrgUnitView,
  UpdateOrgUnitRequest,
} from '@xueshi/shared';
import { randomUUID } from 'node:crypto';
import { AppError, conflict, invalid, notFound } from '../../common/errors';
import type { Principal } from '../../common/request';
import { orgPathInScope, userScope } from '../accounts/access-scope';
import { InstitutionEntity } from './institution.entity';
import { OrgUnitWithCount, OrgUnitsRepository } from './org-units.repository';

const UNIT_NOT_FOUND = { zh: '单位不存在或不在您的管辖范围内', en: 'No such unit within your scope' };

function toView(u: OrgUnitWithCount): OrgUnitView {
  return { id: u.id, parentId: u.parentId, code: u.code, name: u.name, type: u.type, depth: u.depth, userCount: u.userCount };
}

function toInstitutionView(i: InstitutionEntity): InstitutionView {
  return { id: i.id, code: i.code, name: i.name, qualified: i.qualified, orgUnitId: i.orgUnitId };
}

@Injectable()
export class OrganizationsService {
  constructor(private readonly units: OrgUnitsRepository) {}

  /** The tree an admin may see: their own subtree; institutions and the system see the whole tree (for enrolment). */
  async tree(p: Principal): Promise<OrgUnitView[]> {
    const scope = userScope(p);
    const prefix = scope.kind === 'subtree' ? scope.path : null;
    return (await this.units.listWithCounts(prefix)).map(toView);
  }

  async create(p: Principal, body: CreateOrgUnitRequest): Promise<OrgUnitView> {
    const parent = await this.units.findById(body.parentId);
    if (!parent || !orgPathInScope(userScope(p), parent.path)) throw new AppError('NOT_FOUND', UNIT_NOT_FOUND, 'parentId');
    if (!ORG_UNIT_CHILD_TYPES[parent.type].includes(body.type)) {
      throw invalid('type', { zh: `该上级单位下不能建立此类型的节点`, en: `A ${body.type} cannot sit under a ${parent.type}` });
    }
    if (await this.units.codeExists(body.code)) throw conflict('code', { zh: '编码已被使用', en: 'Code already in use' });
    const id = randomUUID();
    await this.units.insert({ id, parentId: parent.id, code: body.code, name: body.name, type: body.type, path: `${parent.path}${id}/`, depth: parent.depth + 1 });
    return { id, parentId: parent.id, code: body.code, name: body.name, type: body.type, depth: parent.depth + 1, userCount: 0 };
  }

  async update(p: Principal, id: string, body: UpdateOrgUnitRequest): Promise<OrgUnitView> {
    const unit = await this.units.findById(id);
    if (!unit || !orgPathInScope(userScope(p), unit.path)) throw notFound(UNIT_NOT_FOUND);
    if (body.name) await this.units.rename(id, body.name);
    return toView(Object.assign(unit, { name: body.name ?? unit.name, userCount: await this.units.userCount(id) }));
  }

  /** Only an empty node may go: the tree is the record of where people worked. */
  async remove(p: Principal, id: string): Promise<void> {
    const unit = await this.units.findById(id);
    const scope = userScope(p);
    if (!unit || !orgPathInScope(scope, unit.path)) throw notFound(UNIT_NOT_FOUND);
    if (scope.kind === 'subtree' && unit.path === scope.path) {
      throw invalid('id', { zh: '不能删除自己所在的管理节点', en: 'You cannot delete the node you administer' });
    }
    const use = await this.units.usage(id);
    if (use.children || use.users || use.institutions) {
      throw new AppError(
        'CONFLICT',
        {
          zh: `该节点下还有 ${use.children} 个下级单位、${use.users} 名人员、${use.institutions} 个施教机构，不能删除`,
          en: `The node still holds ${use.children} sub-units, ${use.users} people and ${use.institutions} institutions`,
        },
        'id',
      );
    }
    await this.units.remove(id);
  }

  async institutions(p: Principal): Promise<InstitutionView[]> {
    const list =
      p.role === 'institution_admin'
        ? p.institutionId
          ? await this.units.listInstitutions({ kind: 'one', id: p.institutionId })
          : []
        : await this.units.listInstitutions({ kind: 'all' });
    return list.map(toInstitutionView);
  }

  async createInstitution(body: CreateInstitutionRequest): Promise<InstitutionView> {
    if (await this.units.institutionCodeExists(body.code)) throw conflict('code', { zh: '编码已被使用', en: 'Code already in use' });
    if (body.orgUnitId && !(await this.units.findById(body.orgUnitId))) throw new AppError('NOT_FOUND', UNIT_NOT_FOUND, 'orgUnitId');
    const i = await this.units.insertInstitution({ code: body.code, name: body.name, qualified: body.qualified, orgUnitId: body.orgUnitId ?? null });
    return toInstitutionView(i);
  }
}
