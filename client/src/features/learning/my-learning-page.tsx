import { CheckCircleFilled, FileSearchOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { CourseDetail, MyProgressResponse } from '@xueshi/shared';
import { Alert, Button, Card, Col, Empty, Flex, Progress, Result, Row, Skeleton, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { fetchMyProgress } from '../../api/credit';
import { fetchCourse } from '../../api/courses';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { BRAND } from '../../lib/theme';
import { useAsync } from '../../lib/use-async';
import { CompletionCard } from '../assessment/completion-card';
import { formatDuration, formatHours, lessonLength } from '../courses/format';

type CourseRow = MyProgressResponse['courses'][number];
type Entry = MyProgressResponse['entries'][number];

interface EvidenceLesson {
  lessonId: string;
  durationSeconds?: number;
  coveredSeconds?: number;
  verifiedSeconds?: number;
}

/** The lessons an entry's evidence names (course credit: every lesson with its figures). */
function evidenceLessons(e: Entry): EvidenceLesson[] {
  const ev = e.evidence as { lessons?: unknown } | null;
  if (!ev || !Array.isArray(ev.lessons)) return [];
  return ev.lessons.filter((l): l is EvidenceLesson => !!l && typeof (l as EvidenceLesson).lessonId === 'string');
}

/** The year's credit hours against the requirement (P1). */
function YearCard({ data }: { data: MyProgressResponse }) {
  const { t } = useI18n();
  const pct = data.requiredHours > 0 ? Math.min(100, Math.round((data.creditedHours / data.requiredHours) * 1000) / 10) : 100;
  const left = Math.max(0, Math.round((data.requiredHours - data.creditedHours) * 10) / 10);
  return (
    <Card
      title={
        <span>
          <SafetyCertificateOutlined style={{ marginInlineEnd: 8, color: BRAND.primary }} />
          {t('mine.yearTitle', { year: data.year })}
        </span>
      }
      data-testid="year-card"
      style={{ height: '100%' }}
    >
      <Flex align="baseline" gap={8} wrap style={{ marginBottom: 8 }}>
        <span style={{ fontSize: 36, fontWeight: 600, color: BRAND.primary }} className="xs-mono" data-testid="year-credited">
          {formatHours(data.creditedHours)}
        </span>
        <span style={{ fontSize: 15, color: '#5b6675' }}>
          / {formatHours(data.requiredHours)} {t('home.unitHours')}
        </span>
      </Flex>
      <div data-testid="year-progress" data-percent={pct}>
        <Progress percent={pct} size={{ height: 12 }} status={pct >= 100 ? 'success' : 'active'} format={(p) => `${p}%`} />
      </div>
      <Typography.Paragraph type={left > 0 ? 'secondary' : 'success'} style={{ marginTop: 8, marginBottom: 0 }}>
        {left > 0 ? t('mine.remaining', { hours: formatHours(left) }) : t('mine.reached')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        {t('mine.requirementNote')}
      </Typography.Paragraph>
    </Card>
  );
}

/** The lessons of one course, each with a link to its credit details (loaded when opened). */
function CourseLessons({ courseId }: { courseId: string }) {
  const { t } = useI18n();
  const { data, error, loading } = useAsync<CourseDetail>((signal) => fetchCourse(courseId, signal), [courseId]);
  if (!data) {
    if (error && !loading) return <Alert type="warning" showIcon title={errorMessage(error)} />;
    return <Skeleton active title={false} paragraph={{ rows: 2 }} />;
  }
  const lessons = data.chapters.flatMap((c) => c.lessons);
  if (!lessons.length) return <Typography.Text type="secondary">{t('outline.empty')}</Typography.Text>;
  return (
    <Flex vertical gap={4} data-testid={`course-lessons-${courseId}`}>
      {lessons.map((l) => (
        <Flex key={l.id} justify="space-between" align="center" gap={12} className="xs-detail-lesson">
          <Link to={`/lessons/${l.id}?course=${courseId}`}>{l.title}</Link>
          <Flex gap={12} align="center">
            <Typography.Text type="secondary" className="xs-mono" style={{ fontSize: 12 }}>
              {lessonLength(l, t)}
            </Typography.Text>
            <Link to={`/lessons/${l.id}/credit?course=${courseId}`} data-testid={`lesson-credit-link-${l.id}`}>
              <FileSearchOutlined /> {t('learn.detail')}
            </Link>
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
}

/** 我的学习: the year's credit hours, each course's progress, and the credit ledger. */
export function MyLearningPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useAsync<MyProgressResponse>((signal) => fetchMyProgress(signal), []);

  if (!data) {
    if (error && !loading) return <Result status="warning" title={errorMessage(error)} extra={<Button onClick={reload}>{t('player.retry')}</Button>} />;
    return <Skeleton active paragraph={{ rows: 10 }} />;
  }

  const courseCols: TableColumnsType<CourseRow> = [
    {
      title: t('mine.course'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <Link to={`/courses/${r.courseId}`} data-testid={`course-row-${r.courseId}`}>
          {v}
        </Link>
      ),
    },
    { title: t('course.creditHours'), dataIndex: 'creditHours', width: 90, align: 'right', render: (v: number) => <span className="xs-mono">{formatHours(v)}</span> },
    {
      title: t('mine.lessons'),
      key: 'lessons',
      width: 200,
      render: (_, r) => (
        <Flex align="center" gap={8} data-testid={`course-lessons-done-${r.courseId}`}>
          <Progress percent={r.lessons ? Math.round((r.lessonsCompleted / r.lessons) * 100) : 0} size="small" showInfo={false} style={{ margin: 0, width: 90 }} />
          <span className="xs-mono">
            {r.lessonsCompleted}/{r.lessons}
          </span>
        </Flex>
      ),
    },
    {
      title: t('mine.status'),
      key: 'status',
      width: 120,
      render: (_, r) =>
        r.credited ? (
          <Tag color="success" icon={<CheckCircleFilled />} data-testid={`course-credited-${r.courseId}`}>
            {t('mine.creditedTag')}
          </Tag>
        ) : r.lessons > 0 && r.lessonsCompleted >= r.lessons ? (
          <Tooltip title={t('mine.awaitingHint')}>
            <Tag color="warning" data-testid={`course-awaiting-${r.courseId}`}>
              {t('mine.awaiting')}
            </Tag>
          </Tooltip>
        ) : r.lessonsCompleted > 0 ? (
          <Tag color="processing">{t('mine.inProgress')}</Tag>
        ) : (
          <Tag>{t('mine.notStarted')}</Tag>
        ),
    },
  ];

  const titleOf = new Map(data.courses.map((c) => [c.courseId, c.title]));
  const entryCols: TableColumnsType<Entry> = [
    { title: t('mine.entrySeq'), dataIndex: 'seq', width: 70, render: (v: number) => <span className="xs-mono">#{v}</span> },
    { title: t('mine.entryDate'), dataIndex: 'createdAt', width: 170, render: (v: string) => <span className="xs-mono">{dayjs(v).format('YYYY-MM-DD HH:mm')}</span> },
    {
      title: t('mine.entryKind'),
      dataIndex: 'kind',
      width: 100,
      render: (v: Entry['kind']) => (v === 'course' ? <Tag color="blue">{t('mine.kindCourse')}</Tag> : <Tag color="orange">{t('mine.kindCorrection')}</Tag>),
    },
    {
      title: t('mine.entryWhat'),
      key: 'what',
      render: (_, e) => (
        <Flex vertical>
          <span>{e.courseTitle ?? (e.courseId ? titleOf.get(e.courseId) : null) ?? '—'}</span>
          {e.reason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.reason}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('mine.entryHours'),
      dataIndex: 'hours',
      width: 90,
      align: 'right',
      render: (v: number) => (
        <span className="xs-mono" style={{ color: v < 0 ? '#b3261e' : undefined }}>
          {v > 0 ? '+' : ''}
          {formatHours(v)}
        </span>
      ),
    },
    {
      title: t('mine.entryHash'),
      dataIndex: 'hash',
      width: 130,
      render: (v: string) => (
        <Tooltip title={v}>
          <span className="xs-mono" style={{ fontSize: 12, color: '#8c96a3' }}>
            {v.slice(0, 12)}…
          </span>
        </Tooltip>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('menu.myLearning')}
        subtitle={t('mine.subtitle')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={loading} data-testid="mine-refresh">
              {t('common.refresh')}
            </Button>
            <Button onClick={() => navigate('/my/courses')}>{t('home.goMyCourses')}</Button>
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <YearCard data={data} />
        </Col>
        <Col xs={24} xl={16}>
          <Card title={t('mine.courses')} styles={{ body: { paddingTop: 8 } }} data-testid="mine-courses">
            <Table<CourseRow>
              rowKey="courseId"
              size="middle"
              columns={courseCols}
              dataSource={data.courses}
              pagination={data.courses.length > 10 ? { pageSize: 10 } : false}
              expandable={{
                expandedRowRender: (r) => (
                  <Row gutter={[16, 16]}>
                    <Col xs={24} xxl={13}>
                      <CourseLessons courseId={r.courseId} />
                    </Col>
                    <Col xs={24} xxl={11}>
                      <CompletionCard courseId={r.courseId} />
                    </Col>
                  </Row>
                ),
                expandRowByClick: false,
              }}
              locale={{ emptyText: <Empty description={t('mine.noCourses')} /> }}
              scroll={{ x: true }}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('mine.ledger')} data-testid="mine-ledger">
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {t('mine.ledgerHint')}
            </Typography.Paragraph>
            <Table<Entry>
              rowKey="id"
              size="small"
              columns={entryCols}
              dataSource={data.entries}
              pagination={data.entries.length > 20 ? { pageSize: 20 } : false}
              expandable={{
                rowExpandable: (e) => evidenceLessons(e).length > 0,
                expandedRowRender: (e) => (
                  <Flex vertical gap={4}>
                    <Typography.Text type="secondary">{t('mine.evidence')}</Typography.Text>
                    {evidenceLessons(e).map((l, i) => (
                      <Flex key={l.lessonId} gap={16} wrap align="center" className="xs-mono" style={{ fontSize: 12 }}>
                        <span>
                          {t('mine.evidenceLesson', { n: i + 1 })}
                        </span>
                        <span>
                          {t('credit.verified')} {formatDuration(l.verifiedSeconds ?? 0)} / {formatDuration(l.durationSeconds ?? 0)}
                        </span>
                        <span>
                          {t('credit.covered')} {formatDuration(l.coveredSeconds ?? 0)}
                        </span>
                        <Link to={`/lessons/${l.lessonId}/credit${e.courseId ? `?course=${e.courseId}` : ''}`}>
                          <FileSearchOutlined /> {t('learn.detail')}
                        </Link>
                      </Flex>
                    ))}
                  </Flex>
                ),
              }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mine.noEntries')} /> }}
              data-testid="ledger-table"
              scroll={{ x: true }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
