import type { Principal } from '../../common/request';
import { userScope } from '../accounts/access-scope';

/**
 * Whose appeals and sessions a caller may see: an official only their own, an org admin the
 * officials placed under their node, the system admin everyone (统一管理、分级负责).
 */
export type SubjectScope = { kind: 'own'; userId: string } | { kind: 'all' } | { kind: 'subtree'; path: string } | { kind: 'none' };

export function subjectScope(p: Principal): SubjectScope {
  if (p.role === 'official') return { kind: 'own', userId: p.userId };
  const s = userScope(p);
  return s.kind === 'all' || s.kind === 'subtree' ? s : { kind: 'none' };
}

/**
 * The scope as a SQL condition on a user id column and that user's org_units.path column; its
 * values are pushed onto params. org_units.path has collation "C", so the LIKE is an index range.
 */
export function scopeCondition(scope: SubjectScope, userIdCol: string, pathCol: string, params: unknown[]): string {
  switch (scope.kind) {
    case 'all':
      return 'true';
    case 'own':
      params.push(scope.userId);
      return `${userIdCol} = $${params.length}`;
    case 'subtree':
      params.push(`${scope.path}%`);
      return `${pathCol} LIKE $${params.length}`;
    case 'none':
      return 'false';
  }
}

/** A moment as China time, 'YYYY-MM-DD HH:mm:ss', for sheets and summaries read by people in China. */
export function chinaTime(iso: string | Date | null): string | null {
  if (!iso) return null;
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
