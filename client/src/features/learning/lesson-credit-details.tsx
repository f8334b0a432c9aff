import { CheckCircleFilled } from '@ant-design/icons';
import type { LessonCreditView } from '@xueshi/shared';
import { Alert, Card, Col, Descriptions, Empty, Flex, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { formatDuration } from '../courses/format';
import { COUNTED_COLOR, CountedBar, CoverageBar, reasonColor, sortReasons, useReasonLabel } from './credit-bars';
import { formatSeconds } from './uncounted';

type Session = LessonCreditView['sessions'][number];
type Rejected = LessonCreditView['rejectedBeats'][number];

const END_REASONS: Record<string, MessageKey> = {
  ended: 'credit.endEnded',
  taken_over: 'credit.endTakenOver',
  closed: 'credit.endClosed',
  attention_timeout: 'credit.endAttention',
};

const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

/** A short name of the browser and system from a user agent, the whole string on hover. */
function deviceName(ua: string | null): string {
  if (!ua) return '—';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : '';
  const os = /Windows/.test(ua) ? 'Windows' : /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '';
  return [browser, os].filter(Boolean).join(' · ') || ua.slice(0, 40);
}

/**
 * What of one lesson was counted and what was not, and why, second by second (I7): the summary,
 * the coverage, the reasons, the sessions and the rejected heartbeats. Shown to the official on
 * the lesson's credit page, and to whoever judges an appeal as its evidence.
 */
export function LessonCreditDetails({ data, lesson }: { data: LessonCreditView; lesson?: { kind: string; pageCount?: number | null } }) {
  const { t } = useI18n();
  const labelOf = useReasonLabel();
  const d = data;
  const pct = d.durationSeconds > 0 ? Math.min(100, Math.floor((d.coveredSeconds / d.durationSeconds) * 1000) / 10) : 0;
  const uncounted = sortReasons(Object.entries(d.uncounted).filter(([, v]) => v > 0));
  const notCounted = uncounted.reduce((s, [, v]) => s + v, 0);

  const sessionCols: TableColumnsType<Session> = [
    { title: t('credit.sessionStart'), dataIndex: 'startedAt', render: (v: string) => <span className="xs-mono">{time(v)}</span> },
    { title: t('credit.sessionEnd'), dataIndex: 'endedAt', render: (v: string | null) => <span className="xs-mono">{time(v)}</span> },
    {
      title: t('credit.endReason'),
      dataIndex: 'endReason',
      render: (v: string | null) => (v ? <Tag>{END_REASONS[v] ? t(END_REASONS[v]) : v}</Tag> : <Tag color="processing">{t('credit.endOpen')}</Tag>),
    },
    { title: t('credit.verified'), dataIndex: 'verifiedSeconds', align: 'right', render: (v: number) => <span className="xs-mono">{formatDuration(v)}</span> },
    {
      title: t('credit.device'),
      dataIndex: 'device',
      render: (v: string | null) => (
        <Typography.Text type="secondary" title={v ?? undefined}>
          {deviceName(v)}
        </Typography.Text>
      ),
    },
  ];
  const sessionNo = new Map(d.sessions.map((s, i) => [s.id, i + 1]));
  const rejectedCols: TableColumnsType<Rejected> = [
    { title: t('credit.at'), dataIndex: 'at', render: (v: string) => <span className="xs-mono">{time(v)}</span> },
    {
      title: t('credit.session'),
      dataIndex: 'sessionId',
      render: (v: string) => <span className="xs-mono" title={v}>{sessionNo.has(v) ? `#${sessionNo.get(v)}` : v.slice(0, 8)}</span>,
    },
    { title: t('credit.seq'), dataIndex: 'seq', align: 'right', render: (v: number) => <span className="xs-mono">{v}</span> },
    { title: t('credit.reason'), dataIndex: 'reason', render: (v: string) => <Tag color={reasonColor(v)}>{labelOf(v)}</Tag> },
  ];

  return (
  <Row gutter={[16, 16]}>
    <Col xs={24} xl={10}>
      <Card title={t('credit.summary')} data-testid="credit-summary" style={{ height: '100%' }}>
        <Descriptions
          column={1}
          size="small"
          bordered
          styles={{ label: { width: 140 } }}
          items={[
            {
              key: 'status',
              label: t('credit.status'),
              children: d.completed ? (
                <Tag color="success" icon={<CheckCircleFilled />} data-testid="credit-completed">
                  {t('credit.completed')}
                  {d.completedAt ? ` · ${time(d.completedAt)}` : ''}
                </Tag>
              ) : (
                <Tag data-testid="credit-not-completed">{t('credit.notCompleted')}</Tag>
              ),
            },
            {
              key: 'dur',
              label: lesson?.kind === 'document' ? t('credit.documentDuration') : t('credit.duration'),
              children: (
                <span className="xs-mono">
                  {formatDuration(d.durationSeconds)}
                  {lesson?.kind === 'document' && lesson.pageCount ? ` · ${t('doc.pages', { n: lesson.pageCount })}` : ''}
                </span>
              ),
            },
            {
              key: 'verified',
              label: t('credit.verified'),
              children: (
                <span className="xs-mono" data-testid="credit-verified" data-seconds={d.verifiedSeconds}>
                  {formatDuration(d.verifiedSeconds)}
                </span>
              ),
            },
            {
              key: 'covered',
              label: t('credit.covered'),
              children: (
                <span className="xs-mono" data-testid="credit-covered">
                  {formatDuration(d.coveredSeconds)} ({pct}%)
                </span>
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('credit.rule')}
        </Typography.Paragraph>
      </Card>
    </Col>
    <Col xs={24} xl={14}>
      <Card title={t('credit.coverageBar')} style={{ marginBottom: 16 }}>
        <CoverageBar coverage={d.coverage} duration={d.durationSeconds} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          {t('credit.coverageHint')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('credit.byReason')} data-testid="credit-reasons">
        <CountedBar counted={d.verifiedSeconds} uncounted={uncounted} />
        <Flex vertical gap={6} style={{ marginTop: 12 }}>
          <Flex justify="space-between" data-testid="credit-counted">
            <span>
              <span className="xs-dot" style={{ background: COUNTED_COLOR }} />
              {t('credit.counted')}
            </span>
            <span className="xs-mono">{t('learn.seconds', { n: formatSeconds(d.verifiedSeconds) })}</span>
          </Flex>
          {uncounted.map(([k, v]) => (
            <Flex justify="space-between" key={k} data-testid={`credit-uncounted-${k}`} data-seconds={v}>
              <span>
                <span className="xs-dot" style={{ background: reasonColor(k) }} />
                {t('credit.notCounted')} · {labelOf(k)}
              </span>
              <span className="xs-mono">{t('learn.seconds', { n: formatSeconds(v) })}</span>
            </Flex>
          ))}
          {!uncounted.length && <Typography.Text type="secondary">{t('credit.nothingUncounted')}</Typography.Text>}
          {notCounted > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('credit.uncountedHint')}
            </Typography.Text>
          )}
        </Flex>
      </Card>
    </Col>
    <Col span={24}>
      <Card title={t('credit.sessions')}>
        <Table<Session>
          rowKey="id"
          size="small"
          columns={sessionCols}
          dataSource={d.sessions}
          pagination={d.sessions.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: <Empty description={t('credit.noSessions')} /> }}
          data-testid="credit-sessions"
          scroll={{ x: true }}
        />
      </Card>
    </Col>
    <Col span={24}>
      <Card title={t('credit.rejected')}>
        {d.rejectedBeats.length > 0 && <Alert type="info" showIcon title={t('credit.rejectedHint')} style={{ marginBottom: 12 }} />}
        <Table<Rejected>
          rowKey={(r) => `${r.sessionId}-${r.seq}`}
          size="small"
          columns={rejectedCols}
          dataSource={d.rejectedBeats}
          pagination={d.rejectedBeats.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('credit.noRejected')} /> }}
          data-testid="credit-rejected"
        />
      </Card>
    </Col>
  </Row>  );
}
