import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import type { CourseDetail, QuizStats, QuizView } from '@xueshi/shared';
import { Button, Card, Col, Empty, Progress, Result, Row, Skeleton, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { fetchQuizStats, fetchQuizzes } from '../../api/assessment';
import { fetchCourse } from '../../api/courses';
import { EChart } from '../../components/chart/echart';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { BRAND } from '../../lib/theme';
import { useAsync } from '../../lib/use-async';
import { drawText, QUESTION_TYPE_COLORS, typeLabel } from './labels';

type QRow = QuizStats['questions'][number];

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
const BUCKETS = ['0–9', '10–19', '20–29', '30–39', '40–49', '50–59', '60–69', '70–79', '80–89', '90–100'];

/** 测验统计: attempts, pass rate, average, the score distribution and each question's correct rate, hardest first. */
export function QuizStatsPage() {
  const { id: courseId = '', quizId = '' } = useParams();
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const { data, error, loading, reload } = useAsync<{ stats: QuizStats; quiz: QuizView | undefined; course: CourseDetail }>(
    async (signal) => {
      const [stats, quizzes, course] = await Promise.all([fetchQuizStats(quizId, signal), fetchQuizzes(courseId, signal), fetchCourse(courseId, signal)]);
      return { stats, quiz: quizzes.items.find((q) => q.id === quizId), course };
    },
    [courseId, quizId],
  );

  const option = useMemo(() => {
    if (!data) return {};
    const pass = data.quiz?.passScore ?? 60;
    return {
      grid: { left: 40, right: 16, top: 24, bottom: 48 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: BUCKETS, name: t('stats.scoreAxis'), nameLocation: 'middle', nameGap: 30, axisTick: { alignWithLabel: true }, axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1, name: t('stats.countAxis') },
      series: [
        {
          type: 'bar',
          name: t('stats.countAxis'),
          barMaxWidth: 36,
          data: data.stats.distribution.map((n, i) => ({
            value: n,
            // buckets at or above the pass mark in the brand blue, below it muted
            itemStyle: { color: i * 10 + 9 >= pass ? BRAND.primary : '#c5cdd8', borderRadius: [3, 3, 0, 0] },
          })),
          label: { show: true, position: 'top', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
        },
      ],
    };
  }, [data, t]);

  if (!data) {
    if (error && !loading) return <Result status="warning" title={errorMessage(error)} extra={<Button onClick={reload}>{t('player.retry')}</Button>} />;
    return <Skeleton active paragraph={{ rows: 10 }} />;
  }
  const { stats, quiz, course } = data;
  const rows = [...stats.questions].sort((a, b) => (a.correctRate ?? 2) - (b.correctRate ?? 2));

  const cols: TableColumnsType<QRow> = [
    { title: '#', key: 'i', width: 50, render: (_, __, i) => i + 1 },
    { title: t('bank.type'), dataIndex: 'type', width: 90, render: (v: QRow['type']) => <Tag color={QUESTION_TYPE_COLORS[v]}>{typeLabel(i18n, v)}</Tag> },
    { title: t('bank.stem'), dataIndex: 'stem', render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ margin: 0 }}>{v}</Typography.Paragraph> },
    { title: t('stats.answered'), dataIndex: 'answered', width: 90, align: 'right' },
    {
      title: t('stats.correctRate'),
      dataIndex: 'correctRate',
      width: 220,
      render: (v: number | null) =>
        v === null ? (
          '—'
        ) : (
          <Progress
            percent={Math.round(v * 1000) / 10}
            size="small"
            strokeColor={v < 0.5 ? '#b3261e' : v < 0.8 ? '#d48806' : '#389e0d'}
            format={(p) => `${p}%`}
            style={{ margin: 0 }}
          />
        ),
    },
  ];

  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/courses/${courseId}/edit?tab=quizzes`)} style={{ paddingInline: 0, marginBottom: 4 }} data-testid="stats-back">
        {course.title}
      </Button>
      <PageHeader
        title={
          <span data-testid="stats-title">
            {t('stats.title')} · {quiz?.title ?? ''}
          </span>
        }
        subtitle={quiz ? `${quiz.kind === 'final_exam' ? t('quiz.finalExam') : t('quiz.lessonQuiz')} · ${drawText(i18n, quiz.draw)} · ${t('quiz.passScore')} ${quiz.passScore}%` : undefined}
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        {[
          { key: 'attempts', title: t('stats.attempts'), value: String(stats.attempts) },
          { key: 'officials', title: t('stats.officials'), value: String(stats.officials) },
          { key: 'passRate', title: t('stats.passRate'), value: pct(stats.passRate) },
          { key: 'average', title: t('stats.average'), value: stats.averageScore === null ? '—' : String(stats.averageScore) },
        ].map((s) => (
          <Col key={s.key} xs={12} lg={6}>
            <Card>
              <Statistic title={s.title} value={s.value} data-testid={`stats-${s.key}`} />
            </Card>
          </Col>
        ))}
        <Col span={24}>
          <Card title={t('stats.distribution')}>
            {stats.attempts ? <EChart option={option} height={260} data-testid="stats-chart" /> : <Empty description={t('stats.noAttempts')} />}
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('stats.byQuestion')} extra={<Typography.Text type="secondary">{t('stats.hardestFirst')}</Typography.Text>}>
            <Table<QRow>
              rowKey="questionId"
              size="small"
              columns={cols}
              dataSource={rows}
              pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stats.noAttempts')} /> }}
              data-testid="stats-questions"
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
