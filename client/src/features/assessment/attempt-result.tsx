import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled, RedoOutlined } from '@ant-design/icons';
import type { AttemptView, QuizView } from '@xueshi/shared';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { fetchQuizzes, startAttempt } from '../../api/assessment';
import { useI18n } from '../../lib/i18n';
import { showServerError } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { CompletionCard } from './completion-card';
import { answerText, QUESTION_TYPE_COLORS, REVEAL_PENDING, typeLabel } from './labels';
import { OptionRow } from './question-input';

const fmtScore = (s: number | null) => (s === null ? '—' : String(Math.round(s * 10) / 10));

/** 成绩: score, pass or fail, and the review (answers and explanations) when the quiz's policy allows. */
export function AttemptResult({ attempt: a, note }: { attempt: AttemptView; note: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  // the quiz as the official sees it now: attempts left, passed, its reveal policy
  const { data: quizzes } = useAsync<{ items: QuizView[] }>((signal) => fetchQuizzes(a.courseId, signal), [a.courseId, a.id]);
  const quiz = quizzes?.items.find((q) => q.id === a.quizId);
  const passed = !!a.passed;
  const total = a.questions.length;
  const reviewOf = new Map((a.review ?? []).map((r) => [r.questionId, r]));
  const retake = quiz && !quiz.passed && quiz.attemptsLeft > 0;

  const again = async () => {
    setStarting(true);
    try {
      const next = await startAttempt(a.quizId);
      navigate(`/attempts/${next.id}`, { replace: true });
    } catch (e) {
      showServerError(e, message);
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/courses/${a.courseId}`)} style={{ paddingInline: 0, marginBottom: 4 }} data-testid="back-to-course">
        {t('attempt.backToCourse')}
      </Button>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={quiz?.kind === 'final_exam' ? 16 : 24}>
          <Card data-testid="quiz-result" data-passed={passed} data-status={a.status}>
            <Flex gap={24} align="center" wrap>
              <div className={passed ? 'xs-score xs-score-pass' : 'xs-score xs-score-fail'}>
                <span className="xs-score-value" data-testid="quiz-score" data-score={a.score ?? ''}>
                  {fmtScore(a.score)}
                </span>
                <span className="xs-score-unit">{t('attempt.points')}</span>
              </div>
              <Flex vertical gap={6} style={{ minWidth: 220, flex: 1 }}>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {a.title}
                </Typography.Title>
                <div>
                  {passed ? (
                    <Tag color="success" icon={<CheckCircleFilled />} style={{ fontSize: 14, padding: '2px 10px' }} data-testid="quiz-verdict">
                      {t('attempt.passed')}
                    </Tag>
                  ) : (
                    <Tag color="error" icon={<CloseCircleFilled />} style={{ fontSize: 14, padding: '2px 10px' }} data-testid="quiz-verdict">
                      {t('attempt.failed')}
                    </Tag>
                  )}
                  {a.status === 'expired' && <Tag color="warning">{t('attempt.expiredTag')}</Tag>}
                </div>
                <Descriptions
                  size="small"
                  column={{ xs: 1, sm: 2 }}
                  items={[
                    { key: 'correct', label: t('attempt.correctCount'), children: <span data-testid="quiz-correct-count">{t('attempt.correctOf', { n: a.correctCount ?? 0, total })}</span> },
                    { key: 'pass', label: t('quiz.passScore'), children: t('attempt.passLine', { n: a.passScore }) },
                    { key: 'number', label: t('attempt.attemptNo'), children: t('attempt.nth', { n: a.number }) },
                    { key: 'at', label: t('attempt.submittedAt'), children: a.submittedAt ? dayjs(a.submittedAt).format('YYYY-MM-DD HH:mm:ss') : '—' },
                  ]}
                />
              </Flex>
            </Flex>
            {note && <Alert type="warning" showIcon title={note} style={{ marginTop: 12 }} data-testid="quiz-closed-note" />}
            <Flex gap={8} wrap style={{ marginTop: 16 }}>
              {retake && (
                <Button type="primary" icon={<RedoOutlined />} loading={starting} onClick={again} data-testid="quiz-retake">
                  {t('attempt.retake', { n: quiz.attemptsLeft })}
                </Button>
              )}
              {quiz && !quiz.passed && quiz.attemptsLeft === 0 && <Alert type="error" showIcon title={t('attempt.noAttemptsLeft')} data-testid="quiz-no-attempts" />}
              <Button onClick={() => navigate(`/courses/${a.courseId}`)}>{t('attempt.backToCourse')}</Button>
            </Flex>
          </Card>
        </Col>
        {quiz?.kind === 'final_exam' && (
          <Col xs={24} xl={8}>
            <CompletionCard courseId={a.courseId} />
          </Col>
        )}
      </Row>

      <Card title={t('attempt.review')} style={{ marginTop: 16 }} data-testid="quiz-review">
        {!a.review && (
          <Alert type="info" showIcon title={quiz ? t(REVEAL_PENDING[quiz.reveal]) : t('attempt.revealSoon')} style={{ marginBottom: 16 }} data-testid="quiz-review-hidden" />
        )}
        <Flex vertical gap={12}>
          {a.questions.map((q, i) => {
            const r = reviewOf.get(q.id);
            const given = a.answers[q.id] ?? [];
            const right = new Set(r?.correctAnswer ?? []);
            return (
              <div key={q.id} className="xs-review-item" data-testid={`review-${i + 1}`} data-correct={r ? r.correct : ''}>
                <Flex gap={10} align="flex-start" style={{ marginBottom: 10 }}>
                  <span className="xs-question-no">{i + 1}</span>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Flex gap={6} wrap style={{ marginBottom: 4 }}>
                      <Tag color={QUESTION_TYPE_COLORS[q.type]}>{typeLabel(i18n, q.type)}</Tag>
                      {r && (r.correct ? <Tag color="success">{t('attempt.right')}</Tag> : <Tag color="error">{t('attempt.wrong')}</Tag>)}
                    </Flex>
                    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{q.stem}</Typography.Paragraph>
                  </div>
                </Flex>
                <div style={{ paddingInlineStart: 34 }}>
                  {(q.type === 'single' || q.type === 'multiple') && (
                    <div className="xs-options">
                      {q.options.map((o) => (
                        <OptionRow
                          key={o.key}
                          letter={o.key}
                          text={o.text}
                          multiple={q.type === 'multiple'}
                          checked={given.includes(o.key)}
                          disabled
                          mark={r ? (right.has(o.key) ? 'right' : given.includes(o.key) ? 'wrong' : undefined) : undefined}
                          testId={`review-option-${o.key}`}
                        />
                      ))}
                    </div>
                  )}
                  <Flex gap={24} wrap style={{ marginTop: q.type === 'single' || q.type === 'multiple' ? 8 : 0 }}>
                    <span>
                      <Typography.Text type="secondary">{t('attempt.yourAnswer')}：</Typography.Text>
                      <Typography.Text type={r && !r.correct ? 'danger' : undefined}>{answerText(i18n, q.type, given)}</Typography.Text>
                    </span>
                    {r && (
                      <span data-testid="review-correct-answer">
                        <Typography.Text type="secondary">{t('attempt.correctAnswer')}：</Typography.Text>
                        <Typography.Text type="success">{answerText(i18n, q.type, r.correctAnswer)}</Typography.Text>
                      </span>
                    )}
                  </Flex>
                  {r && r.explanation && (
                    <div className="xs-explanation" data-testid="review-explanation">
                      <Typography.Text strong>{t('attempt.explanation')}：</Typography.Text>
                      <span style={{ whiteSpace: 'pre-wrap' }}>{r.explanation}</span>
                    </div>
                  )}
                </div>
              </div>
            );
          })}
        </Flex>
      </Card>
    </>
  );
}
