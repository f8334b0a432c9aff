import type { UserView } from '@xueshi/shared';
import type { UserEntity } from './user.entity';

export function toUserView(u: UserEntity): UserView {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role,
    staffNo: u.staffNo,
    orgUnitId: u.orgUnitId,
    orgUnitName: u.orgUnit?.name ?? null,
    institutionId: u.institutionId,
    institutionName: u.institution?.name ?? null,
    rankLevel: u.rankLevel,
    position: u.position,
    lawEnforcement: u.lawEnforcement,
    grassroots: u.grassroots,
    civilServiceEntryDate: u.civilServiceEntryDate,
    appointmentDate: u.appointmentDate ?? null,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? u.lockedUntil.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
  };
}
