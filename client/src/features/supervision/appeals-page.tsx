import { FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import type { AppealView } from '@xueshi/shared';
import { Alert, App, Button, Card, Empty, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { exportAppeals, fetchAppeals, type AppealStatusFilter } from '../../api/supervision';
import { PageHeader } from '../../components/page-header';
import { saveBlob } from '../../lib/download';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { useMe } from '../auth/auth-context';
import { formatHours } from '../courses/format';
import { AppealStatusTag, APPEAL_STATUS_KEYS, dateTime } from './labels';

const FILTERS: AppealStatusFilter[] = ['all', 'open', 'accepted', 'rejected'];

/** The decision as one line: hours added and the reason, or the reason of a rejection. */
function Decision({ a }: { a: AppealView }) {
  const { t } = useI18n();
  if (a.status === 'open') return <Typography.Text type="secondary">{t('appeal.awaiting')}</Typography.Text>;
  return (
    <div data-testid={`appeal-decision-${a.id}`}>
      {a.status === 'accepted' && a.hours !== null && (
        <Typography.Text strong style={{ display: 'block' }}>
          {t('appeal.hoursAdded', { n: formatHours(a.hours) })}
        </Typography.Text>
      )}
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: a.decisionReason }} style={{ marginBottom: 0, minWidth: 140 }}>
        {a.decisionReason ?? '—'}
      </Typography.Paragraph>
    </div>
  );
}

/**
 * 申诉: an official's own appeals against uncounted time and how they were decided; for an
 * org or system admin, those of their scope, filtered by status, with an XLSX export.
 */
export function AppealsPage() {
  const me = useMe();
  const admin = me.role !== 'official';
  const { t } = useI18n();
  const { message } = App.useApp();
  const [status, setStatus] = useState<AppealStatusFilter>(admin ? 'open' : 'all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [exporting, setExporting] = useState(false);
  const { data, error, loading, reload } = useAsync((signal) => fetchAppeals({ status, page, pageSize }, signal), [status, page, pageSize]);

  const doExport = async () => {
    setExporting(true);
    try {
      const { blob, filename } = await exportAppeals(status);
      saveBlob(blob, filename);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const lessonCol: TableColumnsType<AppealView>[number] = {
    title: t('appeal.lesson'),
    key: 'lesson',
    width: 220,
    render: (_, a) => (
      <>
        <Link to={`/appeals/${a.id}`} data-testid={`appeal-open-${a.id}`}>
          {a.lessonTitle}
        </Link>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {a.courseTitle}
        </Typography.Text>
      </>
    ),
  };
  const columns: TableColumnsType<AppealView> = [
    ...(admin
      ? [
          {
            title: t('appeal.official'),
            key: 'official',
            width: 150,
            render: (_: unknown, a: AppealView) => (
              <>
                {a.userName}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {a.unitName ?? '—'}
                </Typography.Text>
              </>
            ),
          },
        ]
      : []),
    lessonCol,
    {
      title: t('appeal.reason'),
      dataIndex: 'reason',
      render: (v: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ marginBottom: 0, minWidth: 160 }}>
          {v}
        </Typography.Paragraph>
      ),
    },
    { title: t('appeal.filedAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => <span className="xs-mono" style={{ whiteSpace: 'nowrap' }}>{dateTime(v)}</span> },
    { title: t('appeal.status'), dataIndex: 'status', width: 100, render: (v: AppealView['status'], a) => <AppealStatusTag status={v} testId={`appeal-status-${a.id}`} /> },
    { title: t('appeal.decision'), key: 'decision', render: (_, a) => <Decision a={a} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 70,
      render: (_, a) => (
        <Link to={`/appeals/${a.id}`}>{admin && a.status === 'open' ? t('appeal.judge') : t('appeal.view')}</Link>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={admin ? t('appeal.adminTitle') : t('appeal.myTitle')}
        subtitle={admin ? t('appeal.adminSubtitle') : t('appeal.mySubtitle')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={reload} data-testid="appeals-refresh">
              {t('common.refresh')}
            </Button>
            {admin && (
              <Button icon={<FileExcelOutlined />} loading={exporting} onClick={doExport} data-testid="appeals-export">
                {t('appeal.export')}
              </Button>
            )}
          </>
        }
      />
      {!admin && <Alert type="info" showIcon title={t('appeal.howTo')} style={{ marginBottom: 16 }} />}
      <Card>
        {admin && (
          <Segmented<AppealStatusFilter>
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={FILTERS.map((f) => ({ value: f, label: f === 'all' ? t('common.all') : t(APPEAL_STATUS_KEYS[f]) }))}
            style={{ marginBottom: 16 }}
            data-testid="appeals-status-filter"
          />
        )}
        {error && !loading ? <Alert type="warning" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} /> : null}
        <Table<AppealView>
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          data-testid="appeals-table"
          scroll={{ x: true }}
          locale={{ emptyText: <Empty description={admin ? t('appeal.noneAdmin') : t('appeal.noneMine')} /> }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
        />
      </Card>
    </>
  );
}
