import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import type { OfficialCompliance } from '@xueshi/shared';
import { Button, Result, Skeleton, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { fetchOfficialCompliance } from '../../api/compliance';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { ComplianceView } from './compliance-view';
import { useYearParam, YearSelect } from './year-select';

/** An official of the admin's scope: the same view as 年度达标, with their training archive. */
export function OfficialCompliancePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [year, setYear] = useYearParam();
  const { data, error, loading, reload } = useAsync<OfficialCompliance>((signal) => fetchOfficialCompliance(id, year, signal), [id, year]);
  const current = data && data.userId === id && data.year === year ? data : undefined;

  return (
    <>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate(`/compliance${year !== new Date().getFullYear() ? `?year=${year}` : ''}`)}
        style={{ paddingInline: 0, marginBottom: 4 }}
        data-testid="cmp-back"
      >
        {t('cmp.backToList')}
      </Button>
      <PageHeader
        title={
          <span data-testid="cmp-official-name">
            {current ? current.name : t('menu.compliance')}
            {current?.staffNo ? (
              <Tag style={{ marginInlineStart: 10, fontWeight: 'normal', verticalAlign: 'middle' }} className="xs-mono">
                {current.staffNo}
              </Tag>
            ) : null}
          </span>
        }
        subtitle={current?.unitName ?? undefined}
        extra={
          <>
            <YearSelect value={year} onChange={setYear} testId="cmp-year" />
            <Button icon={<ReloadOutlined />} onClick={reload} loading={loading} data-testid="cmp-refresh">
              {t('common.refresh')}
            </Button>
          </>
        }
      />
      {current ? (
        <ComplianceView data={current} archiveLink={`/archive/${id}?year=${year}`} />
      ) : error && !loading ? (
        <Result status="warning" title={errorMessage(error)} extra={<Button onClick={() => navigate('/compliance')}>{t('cmp.backToList')}</Button>} />
      ) : (
        <Skeleton active paragraph={{ rows: 10 }} />
      )}
    </>
  );
}
