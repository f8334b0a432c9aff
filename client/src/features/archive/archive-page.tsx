import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled, FilePdfOutlined, FileExcelOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { CLASS_KIND_LABELS, RANK_LEVEL_LABELS, type ArchiveView, type ComplianceItem } from '@xueshi/shared';
import { Alert, App, Button, Descriptions, Flex, Result, Select, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { downloadArchivePdf, downloadArchiveXlsx, fetchArchive } from '../../api/archives';
import { CopyButton } from '../../components/copy-button';
import { PageHeader } from '../../components/page-header';
import { saveBlob } from '../../lib/download';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { useMe } from '../auth/auth-context';
import { formatHours } from '../courses/format';
import './archive.css';

type CourseRow = ArchiveView['courses'][number];
type ClassRow = ArchiveView['classes'][number];
type ExamRow = ArchiveView['exams'][number];
type EvaluationRow = ArchiveView['evaluations'][number];

const day = (iso: string) => dayjs(iso).format('YYYY-MM-DD');
const minute = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
const ENTRY_KINDS: Record<string, MessageKey> = { course: 'archive.kindCourse', correction: 'archive.kindCorrection', class: 'archive.kindClass' };

/** The years an archive can be asked for: this one and the five before it. */
function yearOptions(current: number, chosen: number) {
  const years = new Set([chosen]);
  for (let y = current; y >= current - 5; y--) years.add(y);
  return [...years].sort((a, b) => b - a);
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="xs-archive-section" data-testid={testId}>
      <div className="xs-archive-section-title">{title}</div>
      {children}
    </section>
  );
}

function Total({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="xs-archive-total">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <span className="xs-archive-total-value" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

/** The printed record's body: details, totals against requirements, courses, classes, exams, evaluations. */
function ArchiveRecord({ a }: { a: ArchiveView }) {
  const { t, label } = useI18n();
  const c = a.compliance;
  const rank = a.official.rankLevel;
  const amount = (i: ComplianceItem, v: number) =>
    i.unit === 'hours' ? t('archive.hoursN', { n: formatHours(v) }) : i.unit === 'days' ? t('archive.daysN', { n: formatHours(v) }) : null;

  const itemCols: TableColumnsType<ComplianceItem> = [
    { title: t('archive.rule'), dataIndex: 'rule', width: 70, render: (v: string) => <Tag>{v}</Tag> },
    { title: t('archive.requirement'), key: 'label', render: (_, i) => label(i) },
    { title: t('archive.required'), key: 'required', width: 130, align: 'right', render: (_, i) => <span className="xs-mono">{amount(i, i.required) ?? t('archive.resultPass')}</span> },
    {
      title: t('archive.actual'),
      key: 'actual',
      width: 130,
      align: 'right',
      render: (_, i) => <span className="xs-mono">{amount(i, i.actual) ?? (i.met ? t('archive.resultPass') : t('archive.resultFail'))}</span>,
    },
    {
      title: t('archive.met'),
      key: 'met',
      width: 150,
      render: (_, i) =>
        i.met ? (
          <Tag color="success" icon={<CheckCircleFilled />} data-testid={`archive-rule-${i.rule}`} data-met="true">
            {t('archive.metYes')}
          </Tag>
        ) : (
          <Tag color="error" icon={<CloseCircleFilled />} data-testid={`archive-rule-${i.rule}`} data-met="false">
            {i.unit === 'result' ? t('archive.metNo') : t('archive.shortBy', { n: amount(i, i.shortfall) ?? '' })}
          </Tag>
        ),
    },
  ];
  const courseCols: TableColumnsType<CourseRow> = [
    { title: '#', key: 'no', width: 48, render: (_, __, i) => i + 1 },
    {
      title: t('archive.course'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <>
          {v}
          {r.reason && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('archive.reason')}：{r.reason}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('archive.category'), dataIndex: 'category', width: 150, render: (v: string | null) => v ?? '—' },
    { title: t('archive.entryKind'), dataIndex: 'kind', width: 110, render: (v: string) => <Tag color={v === 'correction' ? 'gold' : undefined}>{ENTRY_KINDS[v] ? t(ENTRY_KINDS[v]) : v}</Tag> },
    { title: t('archive.hours'), dataIndex: 'hours', width: 90, align: 'right', render: (v: number) => <span className="xs-mono">{formatHours(v)}</span> },
    { title: t('archive.creditedAt'), dataIndex: 'creditedAt', width: 120, render: (v: string) => <span className="xs-mono" style={{ whiteSpace: 'nowrap' }}>{day(v)}</span> },
  ];
  const classCols: TableColumnsType<ClassRow> = [
    {
      title: t('archive.class'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <>
          {v}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.institution}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('archive.classKind'),
      dataIndex: 'kind',
      width: 130,
      render: (v: string) => (v in CLASS_KIND_LABELS ? label(CLASS_KIND_LABELS[v as keyof typeof CLASS_KIND_LABELS]) : v),
    },
    { title: t('archive.dates'), key: 'dates', width: 120, render: (_, r) => <span className="xs-mono" style={{ whiteSpace: 'nowrap' }}>{day(r.startsOn)}<br />{day(r.endsOn)}</span> },
    { title: t('archive.attendedDays'), dataIndex: 'attendedDays', width: 100, align: 'right', render: (v: number) => <span className="xs-mono">{v}</span> },
    { title: t('archive.hours'), dataIndex: 'hours', width: 80, align: 'right', render: (v: number) => <span className="xs-mono">{formatHours(v)}</span> },
    {
      title: t('archive.assessment'),
      key: 'assessment',
      width: 140,
      render: (_, r) =>
        r.assessmentPassed === null ? (
          <Typography.Text type="secondary">{t('archive.notAssessed')}</Typography.Text>
        ) : (
          <Tag color={r.assessmentPassed ? 'success' : 'error'}>
            {r.assessmentPassed ? t('archive.resultPass') : t('archive.resultFail')}
            {r.assessmentTotal !== null ? ` · ${r.assessmentTotal}` : ''}
          </Tag>
        ),
    },
    {
      title: t('archive.completed'),
      dataIndex: 'completed',
      width: 90,
      render: (v: boolean) => (v ? <Tag color="success">{t('archive.completedYes')}</Tag> : <Tag>{t('archive.completedNo')}</Tag>),
    },
  ];
  const examCols: TableColumnsType<ExamRow> = [
    { title: t('archive.exam'), dataIndex: 'title' },
    { title: t('archive.score'), dataIndex: 'score', width: 90, align: 'right', render: (v: number | null) => <span className="xs-mono">{v ?? '—'}</span> },
    {
      title: t('archive.result'),
      dataIndex: 'passed',
      width: 110,
      render: (v: boolean | null) =>
        v === null ? '—' : <Tag color={v ? 'success' : 'error'}>{v ? t('archive.resultPass') : t('archive.resultFail')}</Tag>,
    },
    { title: t('archive.submittedAt'), dataIndex: 'submittedAt', width: 120, render: (v: string) => <span className="xs-mono" style={{ whiteSpace: 'nowrap' }}>{day(v)}</span> },
  ];
  const evaluationCols: TableColumnsType<EvaluationRow> = [
    { title: t('archive.evaluatedCourse'), dataIndex: 'courseTitle' },
    { title: t('archive.submittedAt'), dataIndex: 'submittedAt', width: 120, render: (v: string) => <span className="xs-mono" style={{ whiteSpace: 'nowrap' }}>{day(v)}</span> },
  ];
  // one quiet line, as on the printed record
  const none = (key: MessageKey) => ({ emptyText: <Typography.Text type="secondary">{t(key)}</Typography.Text> });

  return (
    <div className="xs-archive-paper" data-testid="archive-record">
      <h2 className="xs-archive-title">{t('archive.docTitle')}</h2>
      <div className="xs-archive-subtitle" data-testid="archive-year">
        {t('archive.docYear', { year: c.year })}
      </div>

      <Section title={t('archive.sectionOfficial')} testId="archive-official">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            { key: 'name', label: t('archive.name'), children: <span data-testid="archive-name">{a.official.name}</span> },
            { key: 'staffNo', label: t('archive.staffNo'), children: a.official.staffNo ?? '—' },
            { key: 'unit', label: t('archive.unit'), children: a.official.unitName ?? '—' },
            { key: 'position', label: t('archive.position'), children: a.official.position ?? '—' },
            {
              key: 'rank',
              label: t('archive.rankLevel'),
              children: rank ? (rank in RANK_LEVEL_LABELS ? label(RANK_LEVEL_LABELS[rank as keyof typeof RANK_LEVEL_LABELS]) : rank) : '—',
            },
            { key: 'year', label: t('archive.year'), children: c.year },
          ]}
        />
      </Section>

      <Section title={t('archive.sectionTotals')} testId="archive-totals">
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Total label={t('archive.totalHours')} value={formatHours(c.totals.hours)} testId="archive-total-hours" />
          <Total label={t('archive.onlineHours')} value={formatHours(c.totals.onlineHours)} />
          <Total label={t('archive.offlineHours')} value={`${formatHours(c.totals.offlineHours)}`} />
          <Total label={t('archive.offlineDays')} value={formatHours(c.totals.offlineDays)} />
          <Total label={t('archive.legalHours')} value={formatHours(c.totals.legalHours)} />
        </Flex>
        {c.excellentBarred && (
          <Alert type="error" showIcon title={t('archive.p8Title')} description={t('archive.p8Note')} style={{ marginBottom: 12 }} data-testid="archive-p8" />
        )}
        <Table<ComplianceItem>
          rowKey="rule"
          size="small"
          bordered
          columns={itemCols}
          dataSource={c.items}
          pagination={false}
          data-testid="archive-requirements"
          locale={none('archive.noRequirements')}
        />
        <Flex justify="flex-end" style={{ marginTop: 8 }}>
          {c.met ? (
            <Tag color="success" icon={<CheckCircleFilled />} data-testid="archive-met" data-met="true">
              {t('archive.allMet')}
            </Tag>
          ) : (
            <Tag color="warning" data-testid="archive-met" data-met="false">
              {t('archive.notAllMet')}
            </Tag>
          )}
        </Flex>
        {c.totals.byCategory.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            {t('archive.byCategory')}：
            {c.totals.byCategory.map((b) => `${label(b)} ${formatHours(b.hours)}`).join(t('common.listSep'))}
          </Typography.Paragraph>
        )}
      </Section>

      <Section title={t('archive.sectionCourses')}>
        <Table<CourseRow>
          rowKey={(r, i) => `${r.creditedAt}-${i}`}
          size="small"
          bordered
          columns={courseCols}
          dataSource={a.courses}
          pagination={false}
          data-testid="archive-courses"
          locale={none('archive.noCourses')}
        />
      </Section>

      <Section title={t('archive.sectionClasses')}>
        <Table<ClassRow>
          rowKey={(r, i) => `${r.title}-${i}`}
          size="small"
          bordered
          columns={classCols}
          dataSource={a.classes}
          pagination={false}
          data-testid="archive-classes"
          locale={none('archive.noClasses')}
          scroll={{ x: true }}
        />
      </Section>

      <Section title={t('archive.sectionExams')}>
        <Table<ExamRow>
          rowKey={(r, i) => `${r.submittedAt}-${i}`}
          size="small"
          bordered
          columns={examCols}
          dataSource={a.exams}
          pagination={false}
          data-testid="archive-exams"
          locale={none('archive.noExams')}
        />
      </Section>

      <Section title={t('archive.sectionEvaluations')}>
        <Table<EvaluationRow>
          rowKey={(r, i) => `${r.submittedAt}-${i}`}
          size="small"
          bordered
          columns={evaluationCols}
          dataSource={a.evaluations}
          pagination={false}
          data-testid="archive-evaluations"
          locale={none('archive.noEvaluations')}
        />
      </Section>

      <div className="xs-archive-foot" data-testid="archive-verification">
        <Flex justify="space-between" align="center" gap={16} wrap>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <SafetyCertificateOutlined /> {t('archive.code')}
            </Typography.Text>
            <div className="xs-archive-code xs-mono" data-testid="archive-code">
              {a.code}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('archive.issuedAt')}：<span className="xs-mono">{minute(a.issuedAt)}</span>
            </Typography.Text>
          </div>
          <div style={{ maxWidth: 460 }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
              {t('archive.verifyHint')}
            </Typography.Paragraph>
            <Typography.Link href={a.verifyUrl} target="_blank" className="xs-mono" data-testid="archive-verify-link" style={{ wordBreak: 'break-all' }}>
              {a.verifyUrl}
            </Typography.Link>
          </div>
        </Flex>
      </div>
    </div>
  );
}

/**
 * 培训档案 (P7): an official's year laid out like the printed record, with the verification code
 * it was issued with and the PDF and XLSX downloads. /my/archive is the official's own;
 * /archive/:userId opens an official's for an admin of their scope.
 */
export function ArchivePage() {
  const { userId: paramUser } = useParams();
  const me = useMe();
  const userId = paramUser ?? me.id;
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().year();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | null>(null);
  const { data, error, loading, reload } = useAsync<ArchiveView>((signal) => fetchArchive(userId, year, signal), [userId, year]);
  const shown = data && data.compliance.year === year ? data : undefined;

  const save = async (kind: 'pdf' | 'xlsx') => {
    setBusy(kind);
    try {
      const { blob, filename } = await (kind === 'pdf' ? downloadArchivePdf : downloadArchiveXlsx)(userId, year);
      saveBlob(blob, filename);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {paramUser && (
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ paddingInline: 0, marginBottom: 4 }} data-testid="archive-back">
          {t('common.back')}
        </Button>
      )}
      <PageHeader
        title={paramUser && shown ? `${t('archive.title')} · ${shown.official.name}` : t('archive.title')}
        subtitle={t('archive.subtitle')}
        extra={
          <>
            <Select
              value={year}
              onChange={(y: number) => setParams(y === thisYear ? {} : { year: String(y) }, { replace: true })}
              options={yearOptions(thisYear, year).map((y) => ({ value: y, label: t('archive.yearOption', { year: y }) }))}
              style={{ width: 120 }}
              data-testid="archive-year-select"
            />
            <Button icon={<ReloadOutlined />} onClick={reload} data-testid="archive-refresh">
              {t('common.refresh')}
            </Button>
            <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} disabled={!shown} onClick={() => save('pdf')} data-testid="archive-pdf">
              {t('archive.downloadPdf')}
            </Button>
            <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} disabled={!shown} onClick={() => save('xlsx')} data-testid="archive-xlsx">
              {t('archive.downloadXlsx')}
            </Button>
          </>
        }
      />
      {!shown ? (
        error && !loading ? (
          <Result status="warning" title={errorMessage(error)} extra={<Button onClick={reload}>{t('player.retry')}</Button>} data-testid="archive-error" />
        ) : (
          <Skeleton active paragraph={{ rows: 12 }} />
        )
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            icon={<SafetyCertificateOutlined />}
            style={{ maxWidth: 980, margin: '0 auto 16px' }}
            title={
              <Flex align="center" gap={12} wrap>
                <span>
                  {t('archive.codeBanner')} <strong className="xs-mono">{shown.code}</strong>
                </span>
                <CopyButton text={shown.code} testId="archive-copy-code" />
                <Link to={`/verify/${shown.code}`} target="_blank" data-testid="archive-open-verify">
                  {t('archive.openVerify')}
                </Link>
              </Flex>
            }
            description={<span style={{ fontSize: 12 }}>{t('archive.codeEachIssue')}</span>}
          />
          <ArchiveRecord a={shown} />
        </>
      )}
    </>
  );
}
