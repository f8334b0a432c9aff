import { BarChartOutlined, DeleteOutlined, EditOutlined, FormOutlined, PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import type { CourseDetail, QuestionListResponse, QuizView } from '@xueshi/shared';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { deleteQuiz, fetchQuestions, fetchQuizzes } from '../../api/assessment';
import { useI18n } from '../../lib/i18n';
import { errorMessage, showServerError } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { drawText, REVEAL_LABELS } from './labels';
import { QuizModal, type QuizModalState } from './quiz-modal';

/** 测验与考试: the course's final exam (结业考试) and lesson quizzes, with their settings and statistics. */
export function QuizPanel({ course, onBankTab }: { course: CourseDetail; onBankTab: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<QuizModalState>(null);
  const { data, error, loading, reload } = useAsync<{ quizzes: QuizView[]; bank: QuestionListResponse }>(
    async (signal) => {
      const [q, bank] = await Promise.all([fetchQuizzes(course.id, signal), fetchQuestions(course.id, {}, signal)]);
      return { quizzes: q.items, bank };
    },
    [course.id],
  );

  if (!data) {
    if (error && !loading) return <Alert type="error" showIcon title={errorMessage(error)} />;
    return <Skeleton active paragraph={{ rows: 8 }} />;
  }

  const lessons = new Map(course.chapters.flatMap((c) => c.lessons.map((l) => [l.id, l.title] as const)));
  const exam = data.quizzes.find((q) => q.kind === 'final_exam');
  const lessonQuizzes = data.quizzes.filter((q) => q.kind === 'lesson_quiz');
  const taken = new Set(lessonQuizzes.map((q) => q.lessonId!).filter(Boolean));

  const remove = (q: QuizView) =>
    modal.confirm({
      title: t('quiz.deleteTitle'),
      content: t('quiz.deleteConfirm', { title: q.title }),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      onOk: async () => {
        try {
          await deleteQuiz(q.id);
          message.success(t('quiz.deleted'));
          reload();
        } catch (e) {
          showServerError(e, message);
        }
      },
    });

  const details = (q: QuizView) => (
    <Flex vertical gap={12}>
      {!q.ready && (
        <Alert
          type="warning"
          showIcon
          title={t('quiz.notReady')}
          description={t('quiz.notReadyHint', { n: q.questionCount, bank: data.bank.items.length })}
          action={
            <Button size="small" onClick={onBankTab}>
              {t('quiz.goBank')}
            </Button>
          }
          data-testid="quiz-not-ready"
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'draw', label: t('quiz.drawRules'), children: <span data-testid="quiz-draw-text">{drawText(i18n, q.draw)}</span>, span: 2 },
          { key: 'n', label: t('quiz.questionCount'), children: t('quiz.questionsN', { n: q.questionCount }) },
          { key: 'time', label: t('quiz.timeLimit'), children: t('quiz.minutesN', { n: q.timeLimitMinutes }) },
          { key: 'attempts', label: t('quiz.maxAttempts'), children: t('quiz.timesN', { n: q.maxAttempts }) },
          { key: 'pass', label: t('quiz.passScore'), children: `${q.passScore}%` },
          { key: 'reveal', label: t('quiz.reveal'), children: t(REVEAL_LABELS[q.reveal]), span: 2 },
        ]}
      />
    </Flex>
  );

  const actions = (q: QuizView) => (
    <Space size={4} wrap>
      <Button size="small" icon={<BarChartOutlined />} onClick={() => navigate(`/courses/${course.id}/quizzes/${q.id}/stats`)} data-testid="quiz-stats">
        {t('quiz.stats')}
      </Button>
      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', quiz: q })} data-testid="quiz-edit">
        {t('common.edit')}
      </Button>
      <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(q)} data-testid="quiz-delete">
        {t('common.delete')}
      </Button>
    </Space>
  );

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <span>
            <TrophyOutlined style={{ marginInlineEnd: 8, color: '#b3261e' }} />
            {t('quiz.finalExam')}
          </span>
        }
        extra={exam ? actions(exam) : null}
        data-testid="final-exam-card"
      >
        {exam ? (
          <Flex vertical gap={8} data-testid={`quiz-${exam.id}`} data-ready={exam.ready}>
            <Typography.Title level={5} style={{ margin: 0 }} data-testid="final-exam-title">
              {exam.title}
            </Typography.Title>
            <Typography.Text type="secondary">{t('quiz.finalExamNote')}</Typography.Text>
            {details(exam)}
          </Flex>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('quiz.noFinal')}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create', kind: 'final_exam' })} data-testid="quiz-add-final">
              {t('quiz.addFinal')}
            </Button>
          </Empty>
        )}
      </Card>

      <Card
        title={
          <span>
            <FormOutlined style={{ marginInlineEnd: 8, color: '#1d4f91' }} />
            {t('quiz.lessonQuizzes')}
          </span>
        }
        extra={
          <Button icon={<PlusOutlined />} disabled={taken.size >= lessons.size} onClick={() => setEditing({ mode: 'create', kind: 'lesson_quiz' })} data-testid="quiz-add-lesson">
            {t('quiz.addLessonQuiz')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('quiz.lessonQuizNote')}</Typography.Paragraph>
        {lessonQuizzes.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('quiz.noLessonQuizzes')} />
        ) : (
          <Flex vertical gap={16}>
            {lessonQuizzes.map((q) => (
              <div key={q.id} className="xs-quiz-block" data-testid={`quiz-${q.id}`} data-ready={q.ready}>
                <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
                  <Space size={8} wrap>
                    <Typography.Text strong>{q.title}</Typography.Text>
                    <Tag>{lessons.get(q.lessonId ?? '') ?? t('common.none')}</Tag>
                  </Space>
                  {actions(q)}
                </Flex>
                {details(q)}
              </div>
            ))}
          </Flex>
        )}
      </Card>

      <QuizModal
        state={editing}
        course={course}
        bank={data.bank.items}
        tags={data.bank.tags}
        taken={taken}
        onClose={() => setEditing(null)}
        onSaved={(q) => {
          setEditing(null);
          message.success(t('common.saved'));
          if (!q.ready) message.warning(t('quiz.notReady'));
          reload();
        }}
      />
    </Flex>
  );
}
