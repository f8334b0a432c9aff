import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ClassView, OfflineSessionView } from '@xueshi/shared';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { deleteClassSession } from '../../api/classes';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { ClassChecksCard } from './class-checks-card';
import { days1 } from './class-status';
import { SessionModal } from './session-modal';

/** 脱产课程: the class's days in the classroom, with the totals and the rules they serve (P3–P5). */
export function SessionsPanel({ cls, onChange }: { cls: ClassView; onChange: (c: ClassView) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<OfflineSessionView | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<string | null>(null);
  const readOnly = cls.status === 'finished';
  const sessions = [...cls.sessions].sort((a, b) => a.sessionDate.localeCompare(b.sessionDate) || a.title.localeCompare(b.title));

  const remove = async (s: OfflineSessionView) => {
    setDeleting(s.id);
    try {
      onChange(await deleteClassSession(cls.id, s.id));
      message.success(t('ca.sessionDeleted', { title: s.title }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDeleting(null);
    }
  };

  const columns: TableColumnsType<OfflineSessionView> = [
    { title: '#', key: 'i', width: 48, render: (_, __, i) => i + 1 },
    {
      title: t('ca.sessionDate'),
      dataIndex: 'sessionDate',
      width: 150,
      render: (d: string) => (
        <span className="xs-mono" style={{ whiteSpace: 'nowrap' }}>
          {d}
          <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
            {dayjs(d).format('ddd')}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('ca.sessionTitle'), dataIndex: 'title' },
    {
      title: t('ca.sessionDays'),
      dataIndex: 'days',
      width: 96,
      align: 'right',
      render: (d: number, s) => (
        <span data-testid={`session-days-${s.id}`} data-days={d}>
          {d === 0.5 ? <Tag style={{ marginInlineEnd: 0 }}>{t('ca.halfDay')}</Tag> : t('ca.daysN', { n: days1(d) })}
        </span>
      ),
    },
    {
      title: t('ca.sessionLawHours'),
      dataIndex: 'ruleOfLawHours',
      width: 120,
      align: 'right',
      render: (h: number) => (h > 0 ? <span className="xs-mono">{days1(h)}</span> : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>),
    },
    ...(readOnly
      ? []
      : [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, s: OfflineSessionView) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(s)} data-testid={`session-edit-${s.id}`}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('ca.sessionDeleteConfirm', { title: s.title })}
                  description={t('ca.sessionDeleteHint')}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true, 'data-testid': 'session-delete-ok' }}
                  onConfirm={() => remove(s)}
                >
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} loading={deleting === s.id} data-testid={`session-delete-${s.id}`}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]),
  ];

  return (
    <div data-testid="sessions-panel">
      <ClassChecksCard cls={cls} />
      <Card
        title={
          <span>
            {t('ca.sessionsTitle')}{' '}
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              {t('ca.sessionsCount', { n: sessions.length, days: days1(cls.totals.offlineDays) })}
            </Typography.Text>
          </span>
        }
        extra={
          !readOnly && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="session-add">
              {t('ca.sessionAdd')}
            </Button>
          )
        }
      >
        <Table<OfflineSessionView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={sessions}
          pagination={sessions.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
          onRow={(s) => ({ 'data-testid': `session-row-${s.id}`, 'data-date': s.sessionDate }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('ca.sessionsEmpty') }}
          data-testid="sessions-table"
        />
      </Card>
      <SessionModal
        cls={cls}
        session={editing ?? null}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        onSaved={(c) => {
          setEditing(undefined);
          onChange(c);
        }}
      />
    </div>
  );
}
