import type { Role } from '@xueshi/shared';

/**
 * Roles each role may create and manage. This mirrors the server's access scope
 * (server/src/modules/accounts/access-scope.ts), which has the final word.
 */
export const MANAGEABLE_ROLES: Record<Role, readonly Role[]> = {
  sys_admin: ['official', 'instructor', 'institution_admin', 'org_admin', 'sys_admin'],
  org_admin: ['official', 'org_admin'],
  institution_admin: ['instructor', 'institution_admin'],
  instructor: [],
  official: [],
};

export function canManage(actor: Role, target: Role): boolean {
  return MANAGEABLE_ROLES[actor].includes(target);
}

/** Officials and organisation admins sit in the organisation tree. */
export function needsOrgUnit(role: Role): boolean {
  return role === 'official' || role === 'org_admin';
}

/** Instructors and institution admins belong to a training institution (施教机构). */
export function needsInstitution(role: Role): boolean {
  return role === 'instructor' || role === 'institution_admin';
}
