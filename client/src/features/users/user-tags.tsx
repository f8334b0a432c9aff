import { ROLE_LABELS, type Role, type UserView } from '@xueshi/shared';
import { Space, Tag } from 'antd';
import { useI18n } from '../../lib/i18n';

const ROLE_COLORS: Record<Role, string> = {
  official: 'blue',
  instructor: 'cyan',
  institution_admin: 'purple',
  org_admin: 'geekblue',
  sys_admin: 'volcano',
};

export function RoleTag({ role }: { role: Role }) {
  const { label } = useI18n();
  return <Tag color={ROLE_COLORS[role]}>{label(ROLE_LABELS[role])}</Tag>;
}

export type UserStatus = 'active' | 'disabled' | 'locked';

export function isLocked(u: Pick<UserView, 'lockedUntil'>, now = Date.now()): boolean {
  return !!u.lockedUntil && new Date(u.lockedUntil).getTime() > now;
}

export function statusOf(u: Pick<UserView, 'disabled' | 'lockedUntil'>): UserStatus {
  if (u.disabled) return 'disabled';
  return isLocked(u) ? 'locked' : 'active';
}

export function StatusTag({ user }: { user: Pick<UserView, 'disabled' | 'lockedUntil' | 'mustChangePassword'> }) {
  const { t } = useI18n();
  const s = statusOf(user);
  return (
    <Space size={4} wrap>
      {s === 'active' && <Tag color="success">{t('user.statusActive')}</Tag>}
      {s === 'disabled' && <Tag color="default">{t('user.statusDisabled')}</Tag>}
      {s === 'locked' && <Tag color="error">{t('user.statusLocked')}</Tag>}
      {user.mustChangePassword && s !== 'disabled' && <Tag color="warning">{t('user.mustChange')}</Tag>}
    </Space>
  );
}

export function FlagTags({ user }: { user: Pick<UserView, 'lawEnforcement' | 'grassroots'> }) {
  const { t } = useI18n();
  if (!user.lawEnforcement && !user.grassroots) return <span style={{ color: '#bfbfbf' }}>{t('common.none')}</span>;
  return (
    <Space size={4} wrap>
      {user.lawEnforcement && <Tag color="gold">{t('user.lawEnforcement')}</Tag>}
      {user.grassroots && <Tag color="green">{t('user.grassroots')}</Tag>}
    </Space>
  );
}
