import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Role } from '@xueshi/shared';
import { onReplica } from '../../database/read-replica';
import type { UserScope } from './access-scope';
import { UserEntity } from './user.entity';

export interface UserFilters {
  q?: string;
  role?: Role;
  orgUnitId?: string;
  institutionId?: string;
  disabled?: boolean;
  page: number;
  pageSize: number;
}

@Injectable()
export class UsersRepository {
  constructor(private readonly ds: DataSource) {}

  private base(scope: UserScope, m: EntityManager = this.ds.manager): SelectQueryBuilder<UserEntity> {
    const qb = m
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.orgUnit', 'ou')
      .leftJoinAndSelect('u.institution', 'inst');
    switch (scope.kind) {
      case 'all':
        break;
      case 'subtree':
        // org_units.path has collation "C": this LIKE is an index range scan.
        qb.andWhere('ou.path LIKE :prefix', { prefix: `${scope.path}%` });
        break;
      case 'institution':
        qb.andWhere('u.institution_id = :inst', { inst: scope.institutionId });
        break;
      case 'none':
        qb.andWhere('false');
    }
    return qb;
  }

  /** One page; on `m` when given (the export's replica connection), else the primary. */
  async list(scope: UserScope, f: UserFilters, m?: EntityManager): Promise<[UserEntity[], number]> {
    const qb = this.base(scope, m);
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(u.name ILIKE :like OR u.username ILIKE :like OR u.staff_no ILIKE :like)', { like });
    }
    if (f.role) qb.andWhere('u.role = :role', { role: f.role });
    if (f.institutionId) qb.andWhere('u.institution_id = :fi', { fi: f.institutionId });
    if (f.disabled !== undefined) qb.andWhere('u.disabled = :dis', { dis: f.disabled });
    if (f.orgUnitId) {
      // the node and everything under it
      qb.andWhere(`ou.path LIKE (SELECT path FROM org_units WHERE id = :node) || '%'`, { node: f.orgUnitId });
    }
    return qb
      .orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id', 'ASC')
      .skip((f.page - 1) * f.pageSize)
      .take(f.pageSize)
      .getManyAndCount();
  }

  /** `fn` on one read-replica connection (the primary without replicas): reads that may be seconds old. */
  onReplica<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return onReplica(this.ds, fn);
  }

  findInScope(scope: UserScope, id: string): Promise<UserEntity | null> {
    return this.base(scope).andWhere('u.id = :id', { id }).getOne();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.base({ kind: 'all' }).andWhere('u.id = :id', { id }).getOne();
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.base({ kind: 'all' }).andWhere('u.username = :username', { username: username.toLowerCase() }).getOne();
  }

  async existing(usernames: string[], staffNos: string[]): Promise<{ usernames: Set<string>; staffNos: Set<string> }> {
    const rows: { username: string; staff_no: string | null }[] = await this.ds.query(
      'SELECT username, staff_no FROM users WHERE username = ANY($1) OR staff_no = ANY($2)',
      [usernames, staffNos],
    );
    return { usernames: new Set(rows.map((r) => r.username)), staffNos: new Set(rows.flatMap((r) => (r.staff_no ? [r.staff_no] : []))) };
  }

  async insert(users: Partial<UserEntity>[], m: EntityManager = this.ds.manager): Promise<string[]> {
    if (!users.length) return [];
    const res = await m.getRepository(UserEntity).insert(users);
    return res.identifiers.map((i) => i.id as string);
  }

  async update(id: string, patch: Partial<UserEntity>): Promise<void> {
    await this.ds.getRepository(UserEntity).update({ id }, patch);
  }

  /** Count one failed login atomically; lock when the count reaches lockAfter. */
  async recordFailedLogin(id: string, lockAfter: number, lockMinutes: number): Promise<{ count: number; lockedUntil: Date | null }> {
    const [rows] = await this.ds.query(
      `UPDATE users SET failed_login_count = failed_login_count + 1, last_failed_login_at = now(),
         locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
       WHERE id = $1 RETURNING failed_login_count AS count, locked_until AS "lockedUntil"`,
      [id, lockAfter, lockMinutes],
    );
    return rows[0];
  }

  async clearFailedLogins(id: string): Promise<void> {
    await this.ds.query('UPDATE users SET failed_login_count = 0, last_failed_login_at = NULL, locked_until = NULL WHERE id = $1', [id]);
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }
}
