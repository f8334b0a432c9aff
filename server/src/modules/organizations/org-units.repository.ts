import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { UserScope } from '../accounts/access-scope';
import { InstitutionEntity } from './institution.entity';
import { OrgUnitEntity } from './org-unit.entity';

export type OrgUnitWithCount = OrgUnitEntity & { userCount: number };

@Injectable()
export class OrgUnitsRepository {
  constructor(private readonly ds: DataSource) {}

  /** The nodes under a path prefix (or all), each with its direct user count, in tree order. */
  async listWithCounts(prefix: string | null): Promise<OrgUnitWithCount[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ou.id, ou.parent_id, ou.code, ou.name, ou.type, ou.path, ou.depth,
              (SELECT count(*) FROM users u WHERE u.org_unit_id = ou.id)::int AS user_count
         FROM org_units ou
        WHERE ($1::text IS NULL OR ou.path LIKE $1 || '%')
        ORDER BY ou.depth, ou.name`,
      [prefix],
    );
    return rows.map((r) =>
      Object.assign(new OrgUnitEntity(), {
        id: r.id as string,
        parentId: (r.parent_id as string | null) ?? null,
        code: r.code as string,
        name: r.name as string,
        type: r.type as OrgUnitEntity['type'],
        path: r.path as string,
        depth: r.depth as number,
        userCount: r.user_count as number,
      }),
    );
  }

  findById(id: string): Promise<OrgUnitEntity | null> {
    return this.ds.getRepository(OrgUnitEntity).findOne({ where: { id } });
  }

  findByCodes(codes: string[]): Promise<OrgUnitEntity[]> {
    if (!codes.length) return Promise.resolve([]);
    return this.ds.getRepository(OrgUnitEntity).createQueryBuilder('ou').where('ou.code IN (:...codes)', { codes }).getMany();
  }

  async codeExists(code: string): Promise<boolean> {
    return (await this.ds.getRepository(OrgUnitEntity).count({ where: { code } })) > 0;
  }

  async insert(unit: Omit<OrgUnitEntity, 'createdAt' | 'updatedAt' | 'parent'>, m: EntityManager = this.ds.manager): Promise<void> {
    await m.getRepository(OrgUnitEntity).insert(unit);
  }

  async rename(id: string, name: string): Promise<void> {
    await this.ds.getRepository(OrgUnitEntity).update({ id }, { name });
  }

  async usage(id: string): Promise<{ children: number; users: number; institutions: number }> {
    const [r] = await this.ds.query(
      `SELECT (SELECT count(*)::int FROM org_units WHERE parent_id = $1) AS children,
              (SELECT count(*)::int FROM users WHERE org_unit_id = $1) AS users,
              (SELECT count(*)::int FROM institutions WHERE org_unit_id = $1) AS institutions`,
      [id],
    );
    return r;
  }

  async remove(id: string): Promise<void> {
    await this.ds.getRepository(OrgUnitEntity).delete({ id });
  }

  async userCount(id: string): Promise<number> {
    const [r] = await this.ds.query('SELECT count(*)::int AS n FROM users WHERE org_unit_id = $1', [id]);
    return r.n;
  }

  listInstitutions(scope: UserScope | { kind: 'one'; id: string }): Promise<InstitutionEntity[]> {
    const qb = this.ds.getRepository(InstitutionEntity).createQueryBuilder('i').orderBy('i.name');
    if (scope.kind === 'one') qb.where('i.id = :id', { id: scope.id });
    return qb.getMany();
  }

  findInstitution(id: string): Promise<InstitutionEntity | null> {
    return this.ds.getRepository(InstitutionEntity).findOne({ where: { id } });
  }

  async institutionCodeExists(code: string): Promise<boolean> {
    return (await this.ds.getRepository(InstitutionEntity).count({ where: { code } })) > 0;
  }

  async insertInstitution(i: Partial<InstitutionEntity>): Promise<InstitutionEntity> {
    const repo = this.ds.getRepository(InstitutionEntity);
    const res = await repo.insert(i);
    return (await repo.findOne({ where: { id: res.identifiers[0].id } }))!;
  }
}
