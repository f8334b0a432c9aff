import { DownloadOutlined } from '@ant-design/icons';
import { IMPORT_COLUMNS, type ImportReport, type ImportRowReport } from '@xueshi/shared';
import { Alert, Button, Card, Col, Flex, Row, Statistic, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { csvBlob, saveBlob } from '../../../lib/download';
import { useI18n } from '../../../lib/i18n';

const HEADER_OF = new Map<string, string>(IMPORT_COLUMNS.map((c) => [c.key, c.header]));

function StatusTag({ status }: { status: ImportRowReport['status'] }) {
  const { t } = useI18n();
  if (status === 'imported') return <Tag color="success">{t('import.statusImported')}</Tag>;
  if (status === 'valid') return <Tag color="processing">{t('import.statusValid')}</Tag>;
  return <Tag color="error">{t('import.statusRejected')}</Tag>;
}

function summary(r: ImportReport, t: ReturnType<typeof useI18n>['t'], lang: ReturnType<typeof useI18n>['lang']): { type: 'success' | 'warning' | 'error' | 'info'; text: string } {
  if (r.dryRun) return r.rejected ? { type: 'warning', text: t('import.dryErrors', { count: r.rejected }) } : { type: 'success', text: t('import.dryOk', { count: r.total }) };
  if (r.committed && r.imported > 0) {
    const parts = [t('import.committedYes', { count: r.imported }), ...(r.rejected ? [t('import.skipped', { count: r.rejected })] : [])];
    return { type: r.rejected ? 'warning' : 'success', text: parts.join(lang === 'zh' ? '' : ' ') };
  }
  if (r.rejected && r.mode === 'allOrNothing') return { type: 'error', text: t('import.rejectedAll', { count: r.rejected }) };
  return { type: 'error', text: t('import.nothingImported') };
}

/** The row-by-row report of an import or a dry run; imported accounts with their passwords. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, lang } = useI18n();
  const [onlyErrors, setOnlyErrors] = useState(report.rejected > 0 && report.total > 20);
  const rows = useMemo(() => (onlyErrors ? report.rows.filter((r) => r.status === 'rejected') : report.rows), [report, onlyErrors]);
  const imported = report.rows.filter((r) => r.status === 'imported' && r.username);
  const s = summary(report, t, lang);

  const columns: TableColumnsType<ImportRowReport> = [
    { title: t('import.row'), dataIndex: 'row', width: 70, align: 'right' },
    { title: t('user.staffNo'), dataIndex: 'staffNo', width: 130, render: (v: string | null) => (v ? <span className="xs-mono">{v}</span> : t('common.none')) },
    { title: t('user.name'), dataIndex: 'name', width: 110, render: (v: string | null) => v ?? t('common.none') },
    { title: t('import.status'), dataIndex: 'status', width: 100, render: (_, r) => <StatusTag status={r.status} /> },
    {
      title: t('import.errors'),
      key: 'errors',
      render: (_, r) =>
        r.errors.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }} data-testid={`import-row-errors-${r.row}`}>
            {r.errors.map((e, i) => (
              <li key={i} data-field={e.field}>
                {HEADER_OF.has(e.field) && (
                  <Tag variant="outlined" color="error" style={{ marginInlineEnd: 6 }}>
                    {HEADER_OF.get(e.field)}
                  </Tag>
                )}
                <Typography.Text type="danger">{e.message}</Typography.Text>
              </li>
            ))}
          </ul>
        ) : (
          <span style={{ color: '#bfbfbf' }}>{t('common.none')}</span>
        ),
    },
  ];

  const downloadCsv = () => {
    const stamp = dayjs().format('YYYYMMDD-HHmm');
    const name = lang === 'zh' ? `导入账号与初始密码-${stamp}.csv` : `imported-accounts-${stamp}.csv`;
    saveBlob(
      csvBlob(
        t('import.csvHeader').split(','),
        imported.map((r) => [r.row, r.staffNo, r.name, r.username, r.initialPassword]),
      ),
      name,
    );
  };

  return (
    <Card title={report.dryRun ? t('import.reportDry') : t('import.report')} data-testid="import-report">
      <Alert type={s.type} showIcon title={s.text} style={{ marginBottom: 16 }} data-testid="import-summary" />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={8}>
          <Statistic title={t('import.total')} value={report.total} data-testid="import-total" />
        </Col>
        <Col xs={8}>
          <Statistic
            title={report.dryRun ? t('import.valid') : t('import.imported')}
            value={report.dryRun ? report.total - report.rejected : report.imported}
            styles={{ content: { color: '#237804' } }}
            data-testid="import-imported"
          />
        </Col>
        <Col xs={8}>
          <Statistic title={t('import.rejected')} value={report.rejected} styles={{ content: { color: report.rejected ? '#b3261e' : undefined } }} data-testid="import-rejected" />
        </Col>
      </Row>

      {imported.length > 0 && (
        <Card type="inner" title={t('import.passwords')} style={{ marginBottom: 16 }} data-testid="import-passwords" extra={
          <Button type="primary" icon={<DownloadOutlined />} onClick={downloadCsv} data-testid="import-download-passwords">
            {t('import.downloadCsv')}
          </Button>
        }>
          <Alert type="warning" showIcon title={t('import.passwordsHint')} style={{ marginBottom: 12 }} />
          <Table<ImportRowReport>
            rowKey="row"
            size="small"
            pagination={imported.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            dataSource={imported}
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 70, align: 'right' },
              { title: t('user.staffNo'), dataIndex: 'staffNo', className: 'xs-mono' },
              { title: t('user.name'), dataIndex: 'name' },
              { title: t('user.username'), dataIndex: 'username', className: 'xs-mono' },
              { title: t('user.password'), dataIndex: 'initialPassword', className: 'xs-mono' },
            ]}
          />
        </Card>
      )}

      <Flex justify="flex-end" align="center" gap={8} style={{ marginBottom: 8 }}>
        <Switch size="small" checked={onlyErrors} onChange={setOnlyErrors} disabled={!report.rejected} data-testid="import-only-errors" />
        <Typography.Text>{t('import.onlyErrors')}</Typography.Text>
      </Flex>
      <Table<ImportRowReport>
        rowKey="row"
        size="small"
        columns={columns}
        dataSource={rows}
        rowClassName={(r) => (r.status === 'rejected' ? 'xs-row-rejected' : '')}
        onRow={(r) => ({ 'data-testid': `import-row-${r.row}`, 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 700 }}
        data-testid="import-rows"
      />
    </Card>
  );
}
