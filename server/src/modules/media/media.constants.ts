import type { Role } from '@xueshi/shared';

/** who may upload courseware */
export const ROLES_AUTHORING: readonly Role[] = ['instructor', 'institution_admin', 'sys_admin'];
