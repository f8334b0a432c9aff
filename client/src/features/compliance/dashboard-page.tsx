import { BellOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Dashboard } from '@xueshi/shared';
import { Alert, App, Button, Card, Col, Progress, Result, Row, Skeleton, Statistic, TreeSelect, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { fetchDashboard, sendReminders } from '../../api/compliance';
import { PageHeader } from '../../components/page-header';
import { useMe } from '../auth/auth-context';
import { useI18n } from '../../lib/i18n';
import { errorMessage, showServerError } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { formatHours } from '../courses/format';
import { useOrgUnits } from '../organization/use-org-data';
import { ComplianceTable } from './compliance-table';
import { DashboardCharts } from './dashboard-charts';
import { useYearParam, YearSelect } from './year-select';

function Kpi({ title, value, suffix, extra, testId, color }: { title: string; value: string | number; suffix?: string; extra?: ReactNode; testId: string; color?: string }) {
  return (
    <Card style={{ height: '100%' }} styles={{ body: { padding: '16px 20px' } }}>
      <Statistic title={title} value={value} suffix={suffix} data-testid={testId} styles={{ content: { color, fontSize: 26 } }} />
      {extra}
    </Card>
  );
}

/** 学时统计: the admin's scope against the yearly requirement — figures, charts, the list, reminders. */
export function DashboardPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message, modal } = App.useApp();
  const [year, setYear] = useYearParam();
  const [orgUnitId, setOrgUnitId] = useState<string>();
  const [reminded, setReminded] = useState<{ officials: number; admins: number } | null>(null);
  // an institution sees its trainees, not a part of the tree: no picker then
  const tree = me.role !== 'institution_admin';
  const org = useOrgUnits(tree);
  const showPicker = tree && !org.error && org.units.length > 0;

  const { data, error, loading, reload } = useAsync<Dashboard>((signal) => fetchDashboard(year, orgUnitId, signal), [year, orgUnitId]);

  const remind = () =>
    modal.confirm({
      title: t('cmp.remindConfirmTitle'),
      content: t('cmp.remindConfirm', { scope: data?.scope.name ?? '', year }),
      okText: t('cmp.remindOk'),
      okButtonProps: { 'data-testid': 'confirm-ok' } as Record<string, string>,
      onOk: async () => {
        try {
          const r = await sendReminders(year, orgUnitId);
          setReminded(r);
          message.success(r.officials ? t('cmp.remindDone', r) : t('cmp.remindNone'));
        } catch (e) {
          showServerError(e, message);
        }
      },
    });

  const share = data && data.officials ? Math.round((data.meeting / data.officials) * 1000) / 10 : 0;

  return (
    <>
      <PageHeader
        title={t('menu.compliance')}
        subtitle={
          data ? (
            <span data-testid="dash-scope">{t('cmp.dashSubtitle', { scope: data.scope.name, year: data.year, required: formatHours(data.requiredHours) })}</span>
          ) : undefined
        }
        extra={
          <>
            <YearSelect value={year} onChange={setYear} testId="dash-year" />
            {showPicker && (
              <TreeSelect
                allowClear
                placeholder={t('cmp.orgUnitAll')}
                value={orgUnitId}
                onChange={(v) => setOrgUnitId(v ?? undefined)}
                treeData={org.options}
                showSearch={{ treeNodeFilterProp: 'search' }}
                treeNodeLabelProp="name"
                treeDefaultExpandedKeys={org.options.map((o) => o.key)}
                style={{ width: 240 }}
                styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
                aria-label={t('cmp.orgUnit')}
                data-testid="dash-org"
              />
            )}
            <Button icon={<ReloadOutlined />} onClick={reload} loading={loading} data-testid="dash-refresh">
              {t('common.refresh')}
            </Button>
            <Button icon={<BellOutlined />} onClick={remind} disabled={!data} data-testid="dash-remind">
              {t('cmp.remind')}
            </Button>
          </>
        }
      />
      {reminded && (
        <Alert
          type={reminded.officials ? 'success' : 'info'}
          showIcon
          closable={{ onClose: () => setReminded(null) }}
          title={<span data-testid="dash-remind-result" data-officials={reminded.officials} data-admins={reminded.admins}>{reminded.officials ? t('cmp.remindDone', reminded) : t('cmp.remindNone')}</span>}
          style={{ marginBottom: 16 }}
        />
      )}
      {!data ? (
        error && !loading ? (
          <Result status="warning" title={errorMessage(error)} extra={<Button onClick={reload}>{t('player.retry')}</Button>} />
        ) : (
          <Skeleton active paragraph={{ rows: 12 }} />
        )
      ) : (
        <Row gutter={[16, 16]} data-testid="dashboard" data-year={data.year}>
          <Col xs={12} md={8} xl={5}>
            <Kpi title={t('cmp.kpiOfficials')} value={data.officials} testId="kpi-officials" />
          </Col>
          <Col xs={12} md={8} xl={5}>
            <Kpi title={t('cmp.kpiMeeting')} value={data.meeting} testId="kpi-meeting" color="#389e0d" />
          </Col>
          <Col xs={12} md={8} xl={5}>
            <Kpi
              title={t('cmp.kpiShare')}
              value={share}
              suffix="%"
              testId="kpi-share"
              extra={<Progress percent={share} showInfo={false} size="small" strokeColor="#389e0d" style={{ margin: '4px 0 0' }} />}
            />
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Kpi title={t('cmp.kpiAtRisk')} value={data.atRisk} testId="kpi-at-risk" color={data.atRisk ? '#b3261e' : undefined} />
          </Col>
          <Col xs={24} md={8} xl={5}>
            <Kpi
              title={t('cmp.kpiAverage')}
              value={formatHours(data.averageHours)}
              suffix={t('cmp.hours')}
              testId="kpi-average"
              extra={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('cmp.kpiElapsed', { share: `${Math.round(data.elapsedShare * 100)}%` })}
                </Typography.Text>
              }
            />
          </Col>
          <Col span={24}>
            <DashboardCharts data={data} />
          </Col>
          <Col span={24}>
            <ComplianceTable year={year} orgUnitId={orgUnitId} />
          </Col>
        </Row>
      )}
    </>
  );
}
