import { CheckCircleFilled, ExclamationCircleFilled, FileExcelOutlined, WarningFilled } from '@ant-design/icons';
import type { ComplianceListQuery, ComplianceRow } from '@xueshi/shared';
import { App, Button, Card, Empty, Flex, Input, Segmented, Select, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { downloadComplianceList, fetchComplianceList } from '../../api/compliance';
import { saveBlob } from '../../lib/download';
import { useI18n } from '../../lib/i18n';
import { showServerError } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { formatHours } from '../courses/format';
import { formatDays } from './compliance-view';
import { thisYear } from './year-select';

type Status = NonNullable<ComplianceListQuery['status']>;
type Flag = 'true' | 'false' | undefined;

/** The officials of the scope against the yearly requirement, filtered and paged; the same filters export to XLSX. */
export function ComplianceTable({ year, orgUnitId }: { year: number; orgUnitId?: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Status>('all');
  const [q, setQ] = useState('');
  const [lawEnforcement, setLaw] = useState<Flag>();
  const [grassroots, setGrassroots] = useState<Flag>();
  const [pageSize, setPageSize] = useState(20);
  const [exporting, setExporting] = useState(false);

  const filters: ComplianceListQuery = { year, orgUnitId, status, q: q || undefined, lawEnforcement, grassroots };
  // another scope or filter starts again at the first page
  const signature = JSON.stringify(filters);
  const [paging, setPaging] = useState({ signature, page: 1 });
  const page = paging.signature === signature ? paging.page : 1;
  const { data, loading } = useAsync(
    (signal) => fetchComplianceList({ ...filters, page, pageSize }, signal),
    [year, orgUnitId, status, q, lawEnforcement, grassroots, page, pageSize],
  );

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const { blob, filename } = await downloadComplianceList(filters);
      saveBlob(blob, filename);
      message.success(t('cmp.exported'));
    } catch (e) {
      showServerError(e, message);
    } finally {
      setExporting(false);
    }
  };

  const flagOptions = [
    { value: 'true', label: t('cmp.flagYes') },
    { value: 'false', label: t('cmp.flagNo') },
  ];
  const yearQs = year !== thisYear() ? `?year=${year}` : '';

  const cols: TableColumnsType<ComplianceRow> = [
    {
      title: t('cmp.colName'),
      dataIndex: 'name',
      width: 130,
      fixed: 'left',
      render: (v: string, r) => (
        <Flex vertical>
          <Link to={`/compliance/officials/${r.userId}${yearQs}`} data-testid={`cmp-link-${r.userId}`}>
            {v}
          </Link>
          {r.staffNo && (
            <span className="xs-mono" style={{ fontSize: 12, color: '#8c96a3' }}>
              {r.staffNo}
            </span>
          )}
        </Flex>
      ),
    },
    { title: t('cmp.colUnit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
    {
      title: t('cmp.colTags'),
      key: 'tags',
      width: 96,
      render: (_, r) => (
        <Flex gap={4} wrap>
          {r.lawEnforcement && <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>{t('cmp.lawEnforcement')}</Tag>}
          {r.grassroots && <Tag color="cyan" style={{ marginInlineEnd: 0 }}>{t('cmp.grassroots')}</Tag>}
        </Flex>
      ),
    },
    { title: t('cmp.colHours'), dataIndex: 'hours', width: 80, align: 'right', render: (v: number) => <b className="xs-mono">{formatHours(v)}</b> },
    {
      title: t('cmp.colLegal'),
      dataIndex: 'legalHours',
      width: 90,
      align: 'right',
      render: (v: number, r) => <span className="xs-mono" style={{ color: r.lawEnforcement ? undefined : '#8c96a3' }}>{formatHours(v)}</span>,
    },
    { title: t('cmp.colOffline'), dataIndex: 'offlineDays', width: 90, align: 'right', render: (v: number) => <span className="xs-mono">{formatDays(v)}</span> },
    {
      title: t('cmp.colStatus'),
      key: 'status',
      width: 136,
      render: (_, r) =>
        r.met ? (
          <Tag color="success" icon={<CheckCircleFilled />} data-testid={`cmp-row-status-${r.userId}`}>
            {t('cmp.met')}
          </Tag>
        ) : (
          <Tag color="warning" icon={<ExclamationCircleFilled />} data-testid={`cmp-row-status-${r.userId}`}>
            {r.shortfallHours > 0 ? t('cmp.shortHours', { n: formatHours(r.shortfallHours) }) : t('cmp.notMet')}
          </Tag>
        ),
    },
    {
      title: t('cmp.colProjected'),
      key: 'projected',
      width: 176,
      render: (_, r) => (
        <Flex gap={6} align="center">
          <span className="xs-mono">{r.projectedHours === null ? '—' : formatHours(r.projectedHours)}</span>
          {r.atRisk && (
            <Tooltip title={t('cmp.atRisk')}>
              <Tag color="error" icon={<WarningFilled />} style={{ marginInlineEnd: 0 }} data-testid={`cmp-row-risk-${r.userId}`}>
                {t('cmp.atRisk')}
              </Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
  ];

  const statusOption = (value: Status, label: string) => ({ value, label: <span data-testid={`cmp-status-${value}`}>{label}</span> });

  return (
    <Card
      title={t('cmp.listTitle')}
      extra={
        <Button icon={<FileExcelOutlined />} onClick={exportXlsx} loading={exporting} data-testid="cmp-export">
          {t('cmp.export')}
        </Button>
      }
      data-testid="cmp-list"
      data-total={data?.total ?? ''}
      data-loading={loading}
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented<Status>
          value={status}
          onChange={setStatus}
          options={[
            statusOption('all', t('cmp.filterAll')),
            statusOption('met', t('cmp.filterMet')),
            statusOption('behind', t('cmp.filterBehind')),
            statusOption('at_risk', t('cmp.filterAtRisk')),
          ]}
          data-testid="cmp-filter-status"
        />
        <Input.Search
          allowClear
          placeholder={t('cmp.searchPlaceholder')}
          onSearch={(v) => setQ(v.trim())}
          style={{ width: 220 }}
          data-testid="cmp-search"
        />
        <Select
          allowClear
          placeholder={t('cmp.filterLaw')}
          value={lawEnforcement}
          onChange={(v) => setLaw(v)}
          options={flagOptions.map((o) => ({ ...o, label: `${t('cmp.filterLaw')}：${o.label}` }))}
          style={{ width: 170 }}
          data-testid="cmp-filter-law"
        />
        <Select
          allowClear
          placeholder={t('cmp.filterGrassroots')}
          value={grassroots}
          onChange={(v) => setGrassroots(v)}
          options={flagOptions.map((o) => ({ ...o, label: `${t('cmp.filterGrassroots')}：${o.label}` }))}
          style={{ width: 150 }}
          data-testid="cmp-filter-grassroots"
        />
      </Flex>
      <Table<ComplianceRow>
        rowKey="userId"
        size="middle"
        columns={cols}
        dataSource={data?.items ?? []}
        loading={loading}
        onRow={(r) => ({ 'data-testid': `cmp-row-${r.userId}`, 'data-met': r.met, 'data-at-risk': r.atRisk } as HTMLAttributes<HTMLElement>)}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => <span data-testid="cmp-total">{t('common.total', { total })}</span>,
          onChange: (p, s) => {
            setPaging({ signature, page: s !== pageSize ? 1 : p });
            setPageSize(s);
          },
        }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cmp.listEmpty')} /> }}
        scroll={{ x: 1000 }}
        data-testid="cmp-table"
      />
    </Card>
  );
}
