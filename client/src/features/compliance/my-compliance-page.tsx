import { ReloadOutlined } from '@ant-design/icons';
import type { OfficialCompliance } from '@xueshi/shared';
import { Button, Result, Skeleton } from 'antd';
import { fetchMyCompliance } from '../../api/compliance';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { ComplianceView } from './compliance-view';
import { useYearParam, YearSelect } from './year-select';

/** 年度达标: the official's own year against every requirement that applies (P1–P8). */
export function MyCompliancePage() {
  const { t } = useI18n();
  const [year, setYear] = useYearParam();
  const { data, error, loading, reload } = useAsync<OfficialCompliance>((signal) => fetchMyCompliance(year, signal), [year]);

  return (
    <>
      <PageHeader
        title={t('menu.myCompliance')}
        subtitle={t('cmp.mySubtitle')}
        extra={
          <>
            <YearSelect value={year} onChange={setYear} testId="cmp-year" />
            <Button icon={<ReloadOutlined />} onClick={reload} loading={loading} data-testid="cmp-refresh">
              {t('common.refresh')}
            </Button>
          </>
        }
      />
      {data && data.year === year ? (
        <ComplianceView data={data} archiveLink={`/my/archive?year=${year}`} />
      ) : error && !loading ? (
        <Result status="warning" title={errorMessage(error)} extra={<Button onClick={reload}>{t('player.retry')}</Button>} />
      ) : (
        <Skeleton active paragraph={{ rows: 10 }} />
      )}
    </>
  );
}
