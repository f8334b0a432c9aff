import { ROLES } from '@xueshi/shared';
import { canManageRole, orgPathInScope, userScope } from './access-scope';

const p = (role: (typeof ROLES)[number], extra: Partial<{ orgPath: string; institutionId: string }> = {}) => ({
  userId: 'u',
  role,
  orgUnitId: null,
  orgPath: extra.orgPath ?? null,
  institutionId: extra.institutionId ?? null,
  mustChangePassword: false,
});

describe('access scope', () => {
  it('gives each role its scope', () => {
    expect(userScope(p('sys_admin'))).toEqual({ kind: 'all' });
    expect(userScope(p('org_admin', { orgPath: '/a/b/' }))).toEqual({ kind: 'subtree', path: '/a/b/' });
    expect(userScope(p('institution_admin', { institutionId: 'i' }))).toEqual({ kind: 'institution', institutionId: 'i' });
    expect(userScope(p('official'))).toEqual({ kind: 'none' });
    expect(userScope(p('instructor'))).toEqual({ kind: 'none' });
    // an org admin without a node sees nobody rather than everybody
    expect(userScope(p('org_admin'))).toEqual({ kind: 'none' });
  });

  it('a subtree contains its own node and descendants, not siblings sharing a prefix', () => {
    const scope = userScope(p('org_admin', { orgPath: '/city/d1/' }));
    expect(orgPathInScope(scope, '/city/d1/')).toBe(true);
    expect(orgPathInScope(scope, '/city/d1/u1/')).toBe(true);
    expect(orgPathInScope(scope, '/city/d10/')).toBe(false);
    expect(orgPathInScope(scope, '/city/')).toBe(false);
  });

  it('only the system admin may create system admins', () => {
    for (const r of ROLES) expect(canManageRole(r, 'sys_admin')).toBe(r === 'sys_admin');
    expect(canManageRole('org_admin', 'instructor')).toBe(false);
    expect(canManageRole('institution_admin', 'official')).toBe(false);
  });
});
