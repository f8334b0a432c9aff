import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { ASSESSMENT_POINT_LABELS, ASSESSMENT_POINTS, type AssessmentRecord, type ClassView } from '@xueshi/shared';
import { Alert, Button, Card, Col, Flex, Row, Statistic, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { fetchClassAssessment } from '../../api/classes';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { fourMean, peerMean, score1, weightShares, type Point } from './class-rules';
import { FourFigures, missingText, ResultTag } from './labels';
import { ScoreModal } from './score-modal';

/** 学员考核: every trainee's record, and the instructor's 评分 of each. */
export function RecordsPanel({ cls, version }: { cls: ClassView; version: number }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const { data, error, loading, reload } = useAsync((signal) => fetchClassAssessment(cls.id, signal), [cls.id, version]);
  const [records, setRecords] = useState<AssessmentRecord[]>();
  const [scoring, setScoring] = useState<AssessmentRecord | null>(null);
  useEffect(() => {
    if (data) setRecords(data.items);
  }, [data]);

  const rows = records ?? [];
  const share = weightShares(cls);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const mono = (v: number) => <span className="xs-mono">{score1(v)}</span>;

  const columns: TableColumnsType<AssessmentRecord> = [
    { title: t('records.trainee'), dataIndex: 'name', width: 90, fixed: 'left', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    {
      title: t('records.journal'),
      dataIndex: 'journalEntries',
      width: 72,
      align: 'right',
      render: (n: number, r) => <span data-testid={`records-journal-${r.userId}`} data-count={n}>{n}</span>,
    },
    {
      title: (
        <Tooltip title={t('records.peerHint')}>
          <span>{t('records.peer')}</span>
        </Tooltip>
      ),
      key: 'peer',
      width: 100,
      align: 'right',
      render: (_, r) =>
        r.peer ? (
          <Tooltip title={<FourLines values={r.peer} />}>
            <span data-testid={`records-peer-${r.userId}`} data-raters={r.peer.raters} style={{ display: 'inline-block', lineHeight: 1.35 }}>
              <span className="xs-mono">{score1(peerMean(r.peer))}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                / 5
              </Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('record.ratersN', { n: r.peer.raters })}
              </Typography.Text>
            </span>
          </Tooltip>
        ) : (
          <span data-testid={`records-peer-${r.userId}`} data-raters="0">
            {none}
          </span>
        ),
    },
    ...(cls.examQuizId
      ? [
          {
            title: t('records.exam'),
            key: 'exam',
            width: 84,
            align: 'right' as const,
            render: (_: unknown, r: AssessmentRecord) =>
              r.exam ? <Typography.Text type={r.exam.passed ? undefined : 'danger'}>{mono(r.exam.score)}</Typography.Text> : none,
          },
        ]
      : []),
    {
      title: t('records.instructor'),
      key: 'instructor',
      width: 88,
      align: 'right',
      render: (_, r) =>
        r.instructor ? (
          <Tooltip title={<FourLines values={r.instructor} />}>
            <span data-testid={`records-instructor-${r.userId}`}>{mono(fourMean(r.instructor))}</span>
          </Tooltip>
        ) : (
          <Tag style={{ marginInlineEnd: 0 }} data-testid={`records-instructor-${r.userId}`}>
            {t('records.notScored')}
          </Tag>
        ),
    },
    ...ASSESSMENT_POINTS.map((p) => ({
      title: label(ASSESSMENT_POINT_LABELS[p]),
      key: p,
      width: 100,
      align: 'right' as const,
      // 'Participation' in one line at this width
      onHeaderCell: () => ({ style: { paddingInline: 6, whiteSpace: 'nowrap' as const } }),
      render: (_: unknown, r: AssessmentRecord) => (r.scores ? mono(r.scores[p]) : none),
    })),
    {
      title: t('records.total'),
      dataIndex: 'total',
      width: 70,
      align: 'right',
      render: (v: number | null, r) => (
        <Typography.Text strong data-testid={`records-total-${r.userId}`} data-total={v ?? ''} style={{ fontSize: 15 }}>
          {v === null ? '—' : score1(v)}
        </Typography.Text>
      ),
    },
    {
      title: t('records.result'),
      key: 'result',
      width: 90,
      render: (_, r) =>
        r.passed === null ? (
          <Tooltip title={t('record.missing', { items: missingText(i18n, r.missing) })}>
            <span>
              <ResultTag record={r} testId={`records-result-${r.userId}`} />
            </span>
          </Tooltip>
        ) : (
          <ResultTag record={r} testId={`records-result-${r.userId}`} />
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 96,
      fixed: 'right',
      render: (_, r) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setScoring(r)} data-testid={`score-open-${r.userId}`}>
          {r.instructor ? t('records.rescore') : t('records.score')}
        </Button>
      ),
    },
  ];
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 100), 0);

  const scored = rows.filter((r) => r.instructor).length;
  const passed = rows.filter((r) => r.passed === true).length;
  const failed = rows.filter((r) => r.passed === false).length;
  const pending = rows.filter((r) => r.passed === null).length;

  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {[
          { key: 'members', title: t('records.statMembers'), value: rows.length },
          { key: 'scored', title: t('records.statScored'), value: scored, suffix: `/ ${rows.length}` },
          { key: 'passed', title: t('records.statPassed'), value: passed, color: '#389e0d' },
          { key: 'failed', title: t('records.statFailed'), value: failed, color: failed ? '#b3261e' : undefined },
          { key: 'pending', title: t('records.statPending'), value: pending },
        ].map((s) => (
          <Col key={s.key} xs={12} md={8} xl={{ flex: '1 1 0' }}>
            <Card size="small">
              <Statistic title={s.title} value={records ? s.value : '—'} suffix={records ? s.suffix : undefined} styles={{ content: { color: s.color } }} data-testid={`records-stat-${s.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={t('class.tabRecords')}
        extra={
          <Flex gap={12} align="center" wrap>
            <Typography.Text type="secondary">
              {[
                share.instructor ? t('records.weightInstructor', { pct: share.instructor }) : null,
                share.peer ? t('records.weightPeer', { pct: share.peer }) : null,
                share.exam ? t('records.weightExam', { pct: share.exam }) : null,
                t('class.passLine', { n: cls.passScore }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={loading} data-testid="records-refresh">
              {t('common.refresh')}
            </Button>
          </Flex>
        }
      >
        {error && !loading ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} /> : null}
        <Table<AssessmentRecord>
          rowKey="userId"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={loading && !records}
          scroll={{ x: scrollX }}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          onRow={(r) => ({ 'data-testid': `record-row-${r.userId}` }) as HTMLAttributes<HTMLElement>}
          expandable={{
            expandedRowRender: (r) => <RecordDetails cls={cls} r={r} />,
            expandRowByClick: false,
          }}
          locale={{ emptyText: t('records.empty') }}
          data-testid="records-table"
        />
      </Card>
      <ScoreModal
        cls={cls}
        record={scoring}
        onClose={() => setScoring(null)}
        onSaved={(saved) => {
          setScoring(null);
          setRecords((list) => list?.map((r) => (r.userId === saved.userId ? saved : r)));
          reload();
        }}
      />
    </>
  );
}

/** The four points one per line, for a tooltip. */
function FourLines({ values }: { values: Record<Point, number> }) {
  const { label } = useI18n();
  return (
    <div>
      {ASSESSMENT_POINTS.map((p) => (
        <div key={p}>
          {label(ASSESSMENT_POINT_LABELS[p])} {score1(values[p])}
        </div>
      ))}
    </div>
  );
}

/** The parts of one record, opened under its row. */
function RecordDetails({ cls, r }: { cls: ClassView; r: AssessmentRecord }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Row gutter={[32, 12]} style={{ padding: '4px 8px' }} data-testid={`record-details-${r.userId}`}>
      <Col xs={24} md={cls.examQuizId ? 9 : 12}>
        <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
          {t('record.instructorScores')}
        </Typography.Text>
        {r.instructor ? (
          <>
            <FourFigures values={r.instructor} />
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0' }} type={r.instructor.comment ? undefined : 'secondary'}>
              <Typography.Text type="secondary">{t('record.comment')}：</Typography.Text>
              {r.instructor.comment || t('record.noComment')}
            </Typography.Paragraph>
          </>
        ) : (
          <Typography.Text type="secondary">{t('record.notScored')}</Typography.Text>
        )}
      </Col>
      <Col xs={24} md={cls.examQuizId ? 9 : 12}>
        <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
          {t('record.peer')}
          {r.peer && <Typography.Text type="secondary" style={{ fontWeight: 400 }}> · {t('record.ratersN', { n: r.peer.raters })}</Typography.Text>}
        </Typography.Text>
        {r.peer ? <FourFigures values={r.peer} max={5} /> : <Typography.Text type="secondary">{t('record.noPeer')}</Typography.Text>}
      </Col>
      {cls.examQuizId && (
        <Col xs={24} md={6}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
            {t('record.exam')}
          </Typography.Text>
          {r.exam ? (
            <span>
              <span className="xs-mono" style={{ fontSize: 18 }}>
                {score1(r.exam.score)}
              </span>{' '}
              {r.exam.passed ? <Tag color="success">{t('attempt.passed')}</Tag> : <Tag color="error">{t('attempt.failed')}</Tag>}
            </span>
          ) : (
            <Typography.Text type="secondary">{t('record.examNone')}</Typography.Text>
          )}
        </Col>
      )}
      {r.missing.length > 0 && (
        <Col span={24}>
          <Typography.Text type="warning">{t('record.missing', { items: missingText(i18n, r.missing) })}</Typography.Text>
        </Col>
      )}
    </Row>
  );
}
