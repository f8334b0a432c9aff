import type { ClassView } from '@xueshi/shared';
import { Tag } from 'antd';
import { useI18n, type MessageKey } from '../../lib/i18n';

export type ClassStatus = ClassView['status'];
export type AppointmentLevel = NonNullable<ClassView['appointmentLevel']>;

export const LEVEL_KEYS: Record<AppointmentLevel, MessageKey> = { section: 'ca.levelSection', division: 'ca.levelDivision' };

const STATUS: Record<ClassStatus, { key: MessageKey; color: string }> = {
  draft: { key: 'ca.statusDraft', color: 'default' },
  published: { key: 'ca.statusPublished', color: 'processing' },
  finished: { key: 'ca.statusFinished', color: 'success' },
};

/** 草稿 / 已发布 / 已结业 */
export function ClassStatusTag({ status }: { status: ClassStatus }) {
  const { t } = useI18n();
  const s = STATUS[status];
  return (
    <Tag color={s.color} data-testid="class-status" data-status={status}>
      {t(s.key)}
    </Tag>
  );
}

/** 科级 / 处级 (appointment classes only) */
export function LevelTag({ level }: { level: ClassView['appointmentLevel'] }) {
  const { t } = useI18n();
  if (!level) return null;
  return (
    <Tag variant="outlined" data-testid="class-level-tag">
      {t(LEVEL_KEYS[level])}
    </Tag>
  );
}

/** Days with at most one decimal, without trailing zeros: 12, 0.5, 12.5 */
export const days1 = (n: number) => String(Math.round(n * 10) / 10);
