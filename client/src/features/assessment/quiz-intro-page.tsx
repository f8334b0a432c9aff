import { ArrowLeftOutlined, EditOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { AttemptSummary, CourseDetail, QuizView } from '@xueshi/shared';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Result, Row, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fetchQuizzes, startAttempt } from '../../api/assessment';
import { fetchCourse } from '../../api/courses';
import { useI18n } from '../../lib/i18n';
import { errorMessage, showServerError } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { CompletionCard } from './completion-card';
import { REVEAL_LABELS } from './labels';

/** 考试须知: a quiz's rules and the official's attempts, and the button that starts (or resumes) one. */
export function QuizIntroPage() {
  const { id: courseId = '', quizId = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const { data, error, loading, reload } = useAsync<{ quizzes: QuizView[]; course: CourseDetail }>(
    async (signal) => {
      const [q, course] = await Promise.all([fetchQuizzes(courseId, signal), fetchCourse(courseId, signal)]);
      return { quizzes: q.items, course };
    },
    [courseId],
  );

  if (!data) {
    if (error && !loading) return <Result status="warning" title={errorMessage(error)} extra={<Button onClick={reload}>{t('player.retry')}</Button>} />;
    return <Skeleton active paragraph={{ rows: 8 }} />;
  }
  const quiz = data.quizzes.find((q) => q.id === quizId);
  if (!quiz) return <Result status="404" title={t('quiz.notFound')} extra={<Button onClick={() => navigate(`/courses/${courseId}`)}>{t('attempt.backToCourse')}</Button>} />;

  const open = quiz.myAttempts.find((x) => x.status === 'open');
  const lesson = quiz.lessonId ? data.course.chapters.flatMap((c) => c.lessons).find((l) => l.id === quiz.lessonId) : undefined;
  const used = quiz.myAttempts.length;
  let blocked: string | null = null;
  if (!open) {
    if (quiz.passed) blocked = t('quiz.alreadyPassed');
    else if (quiz.attemptsLeft <= 0) blocked = t('attempt.noAttemptsLeft');
    else if (!quiz.ready) blocked = t('quiz.notReadyOfficial');
  }

  const start = async () => {
    setStarting(true);
    try {
      const a = await startAttempt(quiz.id);
      navigate(`/attempts/${a.id}`);
    } catch (e) {
      showServerError(e, message);
      reload();
    } finally {
      setStarting(false);
    }
  };

  const cols: TableColumnsType<AttemptSummary> = [
    { title: t('attempt.attemptNo'), dataIndex: 'number', width: 80, render: (n: number) => t('attempt.nth', { n }) },
    { title: t('quiz.startedAt'), dataIndex: 'startedAt', render: (v: string) => <span className="xs-mono">{dayjs(v).format('YYYY-MM-DD HH:mm')}</span> },
    {
      title: t('quiz.attemptStatus'),
      dataIndex: 'status',
      render: (s: AttemptSummary['status']) =>
        s === 'open' ? <Tag color="processing">{t('quiz.statusOpen')}</Tag> : s === 'expired' ? <Tag color="warning">{t('attempt.expiredTag')}</Tag> : <Tag>{t('quiz.statusSubmitted')}</Tag>,
    },
    { title: t('quiz.score'), dataIndex: 'score', align: 'right', render: (v: number | null) => <span className="xs-mono">{v === null ? '—' : Math.round(v * 10) / 10}</span> },
    {
      title: t('quiz.result'),
      dataIndex: 'passed',
      render: (v: boolean | null) => (v === null ? '—' : v ? <Tag color="success">{t('attempt.passed')}</Tag> : <Tag color="error">{t('attempt.failed')}</Tag>),
    },
    { title: '', key: 'open', render: (_, r) => <Link to={`/attempts/${r.id}`}>{r.status === 'open' ? t('quiz.resume') : t('quiz.viewResult')}</Link> },
  ];

  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/courses/${courseId}`)} style={{ paddingInline: 0, marginBottom: 4 }} data-testid="back-to-course">
        {data.course.title}
      </Button>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card data-testid="quiz-intro">
            <Flex vertical gap={12}>
              <div>
                <Tag color={quiz.kind === 'final_exam' ? 'red' : 'blue'}>{quiz.kind === 'final_exam' ? t('quiz.finalExam') : t('quiz.lessonQuiz')}</Tag>
                {lesson && <Typography.Text type="secondary">{lesson.title}</Typography.Text>}
                <Typography.Title level={3} style={{ margin: '8px 0 0' }} data-testid="quiz-intro-title">
                  {quiz.title}
                </Typography.Title>
              </div>
              <Descriptions
                bordered
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  { key: 'n', label: t('quiz.questionCount'), children: t('quiz.questionsN', { n: quiz.questionCount }) },
                  { key: 'time', label: t('quiz.timeLimit'), children: t('quiz.minutesN', { n: quiz.timeLimitMinutes }) },
                  { key: 'pass', label: t('quiz.passScore'), children: t('attempt.passLine', { n: quiz.passScore }) },
                  { key: 'attempts', label: t('quiz.attempts'), children: <span data-testid="quiz-attempts-used">{t('quiz.attemptsUsed', { used, max: quiz.maxAttempts })}</span> },
                  { key: 'reveal', label: t('quiz.reveal'), children: t(REVEAL_LABELS[quiz.reveal]), span: 2 },
                ]}
              />
              <ul className="xs-rules">
                <li>{t('quiz.rule1')}</li>
                <li>{t('quiz.rule2')}</li>
                <li>{t('quiz.rule3')}</li>
              </ul>
              {blocked && <Alert type={quiz.passed ? 'success' : 'warning'} showIcon title={blocked} data-testid="quiz-blocked" />}
              <Flex gap={8} wrap>
                {!blocked && (
                  <Button type="primary" size="large" icon={open ? <EditOutlined /> : <PlayCircleOutlined />} loading={starting} onClick={start} data-testid="quiz-start">
                    {open ? t('quiz.resume') : t('quiz.start')}
                  </Button>
                )}
                <Button size="large" onClick={() => navigate(`/courses/${courseId}`)}>
                  {t('attempt.backToCourse')}
                </Button>
              </Flex>
            </Flex>
          </Card>
          <Card title={t('quiz.myAttempts')} style={{ marginTop: 16 }} data-testid="quiz-my-attempts">
            <Table<AttemptSummary>
              rowKey="id"
              size="small"
              columns={cols}
              dataSource={quiz.myAttempts}
              pagination={false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('quiz.noAttempts')} /> }}
            />
          </Card>
        </Col>
        {quiz.kind === 'final_exam' && (
          <Col xs={24} xl={8}>
            <CompletionCard courseId={courseId} />
          </Col>
        )}
      </Row>
    </>
  );
}
