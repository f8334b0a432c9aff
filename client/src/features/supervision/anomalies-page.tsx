import { EyeOutlined, FileExcelOutlined, ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import { ANOMALY_KIND_LABELS, ANOMALY_KINDS, type AnomalyView } from '@xueshi/shared';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Select, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { exportAnomalies, fetchAnomalies } from '../../api/supervision';
import { PageHeader } from '../../components/page-header';
import { saveBlob } from '../../lib/download';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { dateTime, dateTimeSeconds } from './labels';

type Evidence = AnomalyView['evidence'][number];
type AnomalyKind = AnomalyView['kind'];

const KIND_COLORS: Record<AnomalyKind, string> = {
  identical_timing: '#b3261e',
  shared_address: '#d46b08',
  round_the_clock: '#531dab',
  exact_pacing: '#1d4f91',
};

/** The sessions behind one flag: who, which lesson, when, from where, and what was odd about it. */
function EvidenceTable({ flag, testId }: { flag: AnomalyView; testId: string }) {
  const { t, lang } = useI18n();
  const cols: TableColumnsType<Evidence> = [
    { title: t('anomaly.official'), dataIndex: 'userName', width: 100 },
    { title: t('anomaly.lesson'), dataIndex: 'lessonTitle', width: 200 },
    { title: t('anomaly.start'), dataIndex: 'startedAt', width: 170, render: (v: string) => <span className="xs-mono" style={{ whiteSpace: 'nowrap' }}>{dateTimeSeconds(v)}</span> },
    { title: t('anomaly.end'), dataIndex: 'endedAt', width: 170, render: (v: string | null) => <span className="xs-mono" style={{ whiteSpace: 'nowrap' }}>{v ? dateTimeSeconds(v) : t('anomaly.stillOpen')}</span> },
    { title: t('anomaly.address'), dataIndex: 'ip', width: 140, render: (v: string | null) => <span className="xs-mono">{v ?? '—'}</span> },
    { title: t('anomaly.detail'), key: 'detail', render: (_: unknown, r: Evidence) => (lang === 'zh' ? r.detailZh : r.detailEn) },
  ];
  return (
    <Table<Evidence>
      rowKey={(r, i) => `${r.sessionId}-${i}`}
      size="small"
      columns={cols}
      dataSource={flag.evidence}
      pagination={flag.evidence.length > 10 ? { pageSize: 10, size: 'small' } : false}
      data-testid={testId}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('anomaly.noEvidence')} /> }}
      scroll={{ x: true }}
    />
  );
}

/** The flags of one kind: the officials involved and what was seen, each with its evidence on demand. */
function KindCard({ kind, flags }: { kind: AnomalyKind; flags: AnomalyView[] }) {
  const { t, lang, label } = useI18n();
  const cols: TableColumnsType<AnomalyView & { key: string }> = [
    {
      title: t('anomaly.officials'),
      key: 'users',
      width: 300,
      render: (_, f) => (
        <Flex gap={4} wrap data-testid="anomaly-users">
          {f.users.map((u) => (
            <Tag key={u.id} icon={<TeamOutlined />} title={u.unitName ?? undefined}>
              {u.name}
              {u.unitName ? <span style={{ color: '#8a94a3' }}> · {u.unitName}</span> : null}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('anomaly.summary'), key: 'summary', render: (_, f) => <span data-testid="anomaly-summary">{lang === 'zh' ? f.summaryZh : f.summaryEn}</span> },
    { title: t('anomaly.firstSeen'), dataIndex: 'firstSeen', width: 170, render: (v: string) => <span className="xs-mono" style={{ whiteSpace: 'nowrap' }}>{dateTime(v)}</span> },
    { title: t('anomaly.sessions'), key: 'n', width: 90, align: 'right', render: (_, f) => <span className="xs-mono">{f.evidence.length}</span> },
  ];
  const rows = flags.map((f, i) => ({ ...f, key: `${kind}-${i}` }));
  return (
    <Card
      data-testid={`anomaly-kind-${kind}`}
      title={
        <Flex align="center" gap={8}>
          <span style={{ width: 10, height: 10, borderRadius: 2, background: KIND_COLORS[kind], display: 'inline-block' }} />
          {label(ANOMALY_KIND_LABELS[kind])}
          <Tag style={{ marginInlineStart: 4 }}>{t('anomaly.flagsN', { n: flags.length })}</Tag>
        </Flex>
      }
      style={{ marginBottom: 16 }}
    >
      <Table
        rowKey="key"
        size="small"
        columns={cols}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: true }}
        expandable={{
          expandedRowRender: (f) => <EvidenceTable flag={f} testId={`anomaly-evidence-${f.key}`} />,
          expandIcon: ({ expanded, onExpand, record }) => (
            <Button size="small" type={expanded ? 'primary' : 'default'} icon={<EyeOutlined />} onClick={(e) => onExpand(record, e)} data-testid={`anomaly-expand-${record.key}`}>
              {t('anomaly.evidence')}
            </Button>
          ),
          columnWidth: 96,
        }}
        data-testid={`anomaly-table-${kind}`}
      />
    </Card>
  );
}

/**
 * 异常提示: patterns in play sessions for a supervisor to look into — several officials with the
 * same timings, many accounts from one address, round-the-clock playback, exact N× pacing. They are
 * signs for a human to judge with the evidence; nothing here changes anyone's credit.
 */
export function AnomaliesPage() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [kind, setKind] = useState<AnomalyKind | undefined>();
  const [exporting, setExporting] = useState(false);
  const { data, error, loading, reload } = useAsync((signal) => fetchAnomalies({ year, kind }, signal), [year, kind]);
  const items = data?.items ?? [];
  const byKind = ANOMALY_KINDS.map((k) => ({ kind: k, flags: items.filter((f) => f.kind === k) }));
  const officials = new Set(items.flatMap((f) => f.users.map((u) => u.id)));

  const doExport = async () => {
    setExporting(true);
    try {
      const { blob, filename } = await exportAnomalies({ year, kind });
      saveBlob(blob, filename);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return (
    <>
      <PageHeader
        title={t('anomaly.title')}
        subtitle={t('anomaly.subtitle')}
        extra={
          <>
            <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: t('archive.yearOption', { year: y }) }))} style={{ width: 120 }} data-testid="anomalies-year" />
            <Select<AnomalyKind | 'all'>
              value={kind ?? 'all'}
              onChange={(v) => setKind(v === 'all' ? undefined : v)}
              options={[{ value: 'all', label: t('anomaly.allKinds') }, ...ANOMALY_KINDS.map((k) => ({ value: k, label: label(ANOMALY_KIND_LABELS[k]) }))]}
              style={{ width: 220 }}
              data-testid="anomalies-kind"
            />
            <Button icon={<ReloadOutlined />} onClick={reload} data-testid="anomalies-refresh">
              {t('common.refresh')}
            </Button>
            <Button icon={<FileExcelOutlined />} loading={exporting} onClick={doExport} data-testid="anomalies-export">
              {t('anomaly.export')}
            </Button>
          </>
        }
      />
      <Alert type="warning" showIcon title={t('anomaly.noPenaltyTitle')} description={t('anomaly.noPenalty')} style={{ marginBottom: 16 }} data-testid="anomalies-notice" />
      {error && !loading && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      {!data && loading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="anomalies-summary">
            {byKind
              .filter((g) => !kind || g.kind === kind)
              .map((g) => (
                <Col xs={12} lg={6} key={g.kind}>
                  <Card size="small" style={{ borderTop: `3px solid ${KIND_COLORS[g.kind]}`, height: '100%' }} data-testid={`anomalies-count-${g.kind}`} data-count={g.flags.length}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {label(ANOMALY_KIND_LABELS[g.kind])}
                    </Typography.Text>
                    <div style={{ fontSize: 24, fontWeight: 600, color: g.flags.length ? KIND_COLORS[g.kind] : '#8a94a3' }} className="xs-mono">
                      {g.flags.length}
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('anomaly.officialsN', { n: new Set(g.flags.flatMap((f) => f.users.map((u) => u.id))).size })}
                    </Typography.Text>
                  </Card>
                </Col>
              ))}
          </Row>
          {items.length === 0 ? (
            <Card>
              <Empty description={t('anomaly.none')} data-testid="anomalies-empty" />
            </Card>
          ) : (
            <>
              <Typography.Paragraph type="secondary" data-testid="anomalies-total">
                {t('anomaly.total', { flags: items.length, officials: officials.size })}
              </Typography.Paragraph>
              {byKind
                .filter((g) => g.flags.length > 0)
                .map((g) => (
                  <KindCard key={g.kind} kind={g.kind} flags={g.flags} />
                ))}
            </>
          )}
        </>
      )}
    </>
  );
}
