import { CheckSquareOutlined, ReloadOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { AttendanceView, ClassView } from '@xueshi/shared';
import { Alert, App, Button, Card, Checkbox, Empty, Flex, Skeleton, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { fetchAttendance, recordAttendance } from '../../api/classes';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { days1 } from './class-status';
import { attendanceChanges, attendedDays, presentMap, type PresentMap } from './attendance-grid';

type Member = AttendanceView['members'][number];

/** 考勤: members × offline sessions; saved all together or not at all. */
export function AttendancePanel({ cls, onDirtyChange }: { cls: ClassView; onDirtyChange: (dirty: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useAsync((signal) => fetchAttendance(cls.id, signal), [cls.id]);
  const [view, setView] = useState<AttendanceView>();
  const [draft, setDraft] = useState<PresentMap>(new Map());
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const readOnly = cls.status === 'finished';

  const reset = (v: AttendanceView) => {
    setView(v);
    setDraft(presentMap(v));
    setSaveError(null);
  };
  useEffect(() => {
    if (data) reset(data);
  }, [data]);

  const saved = useMemo(() => (view ? presentMap(view) : new Map<string, Set<string>>()), [view]);
  const changes = useMemo(() => (view ? attendanceChanges(view, saved, draft) : []), [view, saved, draft]);
  const dirty = changes.length > 0;

  useEffect(() => {
    onDirtyChange(dirty);
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  useEffect(() => () => onDirtyChange(false), []);

  if (!view) {
    if (error && !loading) return <Alert type="error" showIcon title={errorMessage(error)} action={<Button onClick={reload}>{t('player.retry')}</Button>} />;
    return <Skeleton active paragraph={{ rows: 6 }} />;
  }

  const sessions = [...view.sessions].sort((a, b) => a.sessionDate.localeCompare(b.sessionDate));
  const set = (userId: string, sessionId: string, present: boolean) =>
    setDraft((d) => {
      const next = new Map(d);
      const s = new Set(next.get(userId) ?? []);
      if (present) s.add(sessionId);
      else s.delete(sessionId);
      next.set(userId, s);
      return next;
    });
  const allPresent = (sessionId: string, present: boolean) =>
    setDraft((d) => {
      const next = new Map(d);
      for (const m of view.members) {
        const s = new Set(next.get(m.userId) ?? []);
        if (present) s.add(sessionId);
        else s.delete(sessionId);
        next.set(m.userId, s);
      }
      return next;
    });

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      reset(await recordAttendance(cls.id, { records: changes }));
      message.success(t('ca.attSaved', { n: changes.length }));
    } catch (e) {
      // all records or none: what is on the screen is still unsaved
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const changedCell = (userId: string, sessionId: string) => (saved.get(userId)?.has(sessionId) ?? false) !== (draft.get(userId)?.has(sessionId) ?? false);

  const columns: TableColumnsType<Member> = [
    {
      title: t('ca.trainee'),
      dataIndex: 'name',
      width: 150,
      fixed: 'left',
      render: (name: string, m) => (
        <span style={{ display: 'inline-block', lineHeight: 1.35 }}>
          <Typography.Text strong>{name}</Typography.Text>
          {m.unitName && (
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12, maxWidth: 130 }}>
              {m.unitName}
            </Typography.Text>
          )}
        </span>
      ),
    },
    ...sessions.map((s) => {
      const count = view.members.filter((m) => draft.get(m.userId)?.has(s.id)).length;
      const all = view.members.length > 0 && count === view.members.length;
      return {
        key: s.id,
        width: 112,
        align: 'center' as const,
        title: (
          <Flex vertical align="center" gap={2} data-testid={`att-col-${s.id}`}>
            <Tooltip title={`${s.sessionDate} · ${s.title}`}>
              <span className="xs-mono" style={{ whiteSpace: 'nowrap' }}>
                {dayjs(s.sessionDate).format('MM-DD')}
                {s.days === 0.5 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    {t('ca.halfDayShort')}
                  </Typography.Text>
                )}
              </span>
            </Tooltip>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 96, fontWeight: 400 }}>
              {s.title}
            </Typography.Text>
            {!readOnly && (
              <Button
                size="small"
                type="link"
                disabled={!view.members.length}
                onClick={() => allPresent(s.id, !all)}
                data-testid={`att-all-${s.id}`}
                style={{ fontSize: 12, paddingInline: 4, height: 20, color: all ? '#8c96a3' : undefined }}
              >
                {all ? t('ca.attClear') : t('ca.attAll')}
              </Button>
            )}
          </Flex>
        ),
        render: (_: unknown, m: Member) => {
          const present = draft.get(m.userId)?.has(s.id) ?? false;
          return (
            <span
              data-changed={changedCell(m.userId, s.id) || undefined}
              style={{ display: 'inline-block', padding: '2px 8px', borderRadius: 4, background: changedCell(m.userId, s.id) ? '#fff7e6' : undefined }}
            >
              <Checkbox
                checked={present}
                disabled={readOnly}
                onChange={(e) => set(m.userId, s.id, e.target.checked)}
                data-testid={`att-${m.userId}-${s.id}`}
                data-present={String(present)}
                aria-label={`${m.name} ${s.sessionDate}`}
              />
            </span>
          );
        },
      };
    }),
    {
      title: t('ca.attDays'),
      key: 'days',
      width: 110,
      align: 'right',
      fixed: 'right',
      render: (_, m) => (
        <span className="xs-mono" data-testid={`att-days-${m.userId}`} data-days={attendedDays(sessions, draft.get(m.userId))}>
          {days1(attendedDays(sessions, draft.get(m.userId)))}
          <Typography.Text type="secondary"> / {days1(sessions.reduce((n, s) => n + s.days, 0))}</Typography.Text>
        </span>
      ),
    },
  ];
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 100), 0);

  return (
    <Card
      data-testid="attendance-panel"
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t('ca.attTitle')}</span>
          {dirty && (
            <Tag color="warning" data-testid="attendance-unsaved" data-count={changes.length}>
              {t('ca.attUnsaved', { n: changes.length })}
            </Tag>
          )}
          {readOnly && <Tag data-testid="attendance-readonly">{t('ca.readOnlyFinished')}</Tag>}
        </Flex>
      }
      extra={
        <Flex gap={8}>
          <Button icon={<ReloadOutlined />} onClick={reload} disabled={dirty || saving} loading={loading && !!view} data-testid="attendance-refresh">
            {t('common.refresh')}
          </Button>
          {!readOnly && (
            <>
              <Button icon={<UndoOutlined />} disabled={!dirty || saving} onClick={() => reset(view)} data-testid="attendance-discard">
                {t('ca.attDiscard')}
              </Button>
              <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={saving} onClick={save} data-testid="attendance-save">
                {t('ca.attSave')}
              </Button>
            </>
          )}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        <CheckSquareOutlined /> {t(readOnly ? 'ca.attIntroReadOnly' : 'ca.attIntro')}
      </Typography.Paragraph>
      {saveError && (
        <Alert type="error" showIcon title={saveError} description={t('ca.attNothingSaved')} style={{ marginBottom: 12 }} data-testid="attendance-error" />
      )}
      {!sessions.length ? (
        <Empty description={t('ca.attNoSessions')} data-testid="attendance-no-sessions" />
      ) : (
        <Table<Member>
          rowKey="userId"
          size="small"
          bordered
          columns={columns}
          dataSource={view.members}
          scroll={{ x: scrollX }}
          pagination={view.members.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          onRow={(m) => ({ 'data-testid': `att-row-${m.userId}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('ca.attNoMembers') }}
          data-testid="attendance-table"
        />
      )}
    </Card>
  );
}
