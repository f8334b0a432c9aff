import { MANAGEABLE_ROLES, Role } from '@xueshi/shared';
import type { Principal } from '../../common/request';

/**
 * Which users an actor may see and change (统一管理、分级负责): the one place this is decided.
 * sys_admin: everyone; org_admin: everyone placed under their node; institution_admin: their
 * institution's staff; everyone else: nobody but themselves (through /api/me).
 */
export type UserScope =
  | { kind: 'all' }
  | { kind: 'subtree'; path: string }
  | { kind: 'institution'; institutionId: string }
  | { kind: 'none' };

export function userScope(p: Principal): UserScope {
  switch (p.role) {
    case 'sys_admin':
      return { kind: 'all' };
    case 'org_admin':
      return p.orgPath ? { kind: 'subtree', path: p.orgPath } : { kind: 'none' };
    case 'institution_admin':
      return p.institutionId ? { kind: 'institution', institutionId: p.institutionId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/** Roles an actor may create or assign. */
export function canManageRole(actor: Role, target: Role): boolean {
  return MANAGEABLE_ROLES[actor].includes(target);
}

/** Whether an organisation node (by its path) lies inside the actor's subtree. */
export function orgPathInScope(scope: UserScope, path: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'subtree') return path.startsWith(scope.path);
  return false;
}
