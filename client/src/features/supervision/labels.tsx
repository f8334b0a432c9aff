import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import type { AppealView } from '@xueshi/shared';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n, type MessageKey } from '../../lib/i18n';

export const APPEAL_STATUS_KEYS: Record<AppealView['status'], MessageKey> = {
  open: 'appeal.statusOpen',
  accepted: 'appeal.statusAccepted',
  rejected: 'appeal.statusRejected',
};

/** 待处理 / 已采纳 / 未采纳 */
export function AppealStatusTag({ status, testId }: { status: AppealView['status']; testId?: string }) {
  const { t } = useI18n();
  const look = {
    open: { color: 'processing', icon: <ClockCircleOutlined /> },
    accepted: { color: 'success', icon: <CheckCircleOutlined /> },
    rejected: { color: 'default', icon: <CloseCircleOutlined /> },
  }[status];
  return (
    <Tag color={look.color} icon={look.icon} data-testid={testId} data-status={status}>
      {t(APPEAL_STATUS_KEYS[status])}
    </Tag>
  );
}

export const dateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const dateTimeSeconds = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');
