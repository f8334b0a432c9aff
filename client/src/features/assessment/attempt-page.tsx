import { CheckCircleOutlined, ClockCircleOutlined, CloudSyncOutlined, ExclamationCircleOutlined, SendOutlined } from '@ant-design/icons';
import type { AttemptView } from '@xueshi/shared';
import { Alert, App, Button, Card, Col, Flex, Modal, Result, Row, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { fetchAttempt, saveAnswer, submitAttempt } from '../../api/assessment';
import { ApiError } from '../../api/http';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { AnswerSaver, type SaverSnapshot } from './answer-saver';
import { AttemptResult } from './attempt-result';
import { QUESTION_TYPE_COLORS, typeLabel } from './labels';
import { QuestionInput } from './question-input';
import { clockOffset, formatCountdown, useCountdown } from './use-countdown';

/** text answers are saved after this pause in typing */
const TEXT_DEBOUNCE_MS = 800;
/** the clock turns amber, then red */
const WARN_SECONDS = 300;
const URGENT_SECONDS = 60;

const answered = (a: string[] | undefined) => !!a && a.some((s) => s.trim() !== '');

/** 作答: one attempt, opened (or reopened after a reload) by its id; the result once handed in. */
export function AttemptPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [attempt, setAttempt] = useState<AttemptView>();
  const [offset, setOffset] = useState(0);
  const [loadError, setLoadError] = useState<unknown>(null);
  /** why the attempt closed without the official's submit (time up, handed in elsewhere) */
  const [closedNote, setClosedNote] = useState<string | null>(null);

  const load = useCallback(async () => {
    const sentAt = Date.now();
    try {
      const a = await fetchAttempt(id);
      setOffset(clockOffset(a.serverNow, sentAt, Date.now()));
      setAttempt(a);
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    }
  }, [id]);

  useEffect(() => {
    setAttempt(undefined);
    setClosedNote(null);
    void load();
  }, [load]);

  if (!attempt) {
    if (loadError) {
      return (
        <Result
          status="warning"
          title={errorMessage(loadError)}
          extra={
            <Flex gap={8} justify="center">
              <Button onClick={() => void load()}>{t('player.retry')}</Button>
              <Button type="primary" onClick={() => navigate('/my/courses')}>
                {t('home.goMyCourses')}
              </Button>
            </Flex>
          }
        />
      );
    }
    return <Skeleton active paragraph={{ rows: 12 }} />;
  }

  if (attempt.status !== 'open') return <AttemptResult attempt={attempt} note={closedNote} />;

  return (
    <TakingView
      key={attempt.id}
      attempt={attempt}
      offset={offset}
      onClosed={(view, note) => {
        setClosedNote(note);
        if (view) setAttempt(view);
        else void load();
      }}
    />
  );
}

interface TakingProps {
  attempt: AttemptView;
  offset: number;
  /** handed in: the graded attempt when at hand (else the page reads it again), and why when it was not the official's submit */
  onClosed: (view: AttemptView | null, note: string | null) => void;
}

function TakingView({ attempt, offset, onClosed }: TakingProps) {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const [answers, setAnswers] = useState<Record<string, string[]>>(() => ({ ...attempt.answers }));
  const [snap, setSnap] = useState<SaverSnapshot>({ pending: 0, saving: false, failing: false, savedAt: null, refused: {} });
  const [current, setCurrent] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState<'manual' | 'auto' | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [timeUp, setTimeUp] = useState(false);
  const onClosedRef = useRef(onClosed);
  onClosedRef.current = onClosed;

  const saver = useMemo(
    () =>
      new AnswerSaver(
        (questionId, answer) => saveAnswer(attempt.id, questionId, answer),
        setSnap,
        (e) => onClosedRef.current(null, e.message),
      ),
    [attempt.id],
  );
  useEffect(() => () => saver.close(), [saver]);

  const seconds = useCountdown(attempt.deadline, offset);
  const questions = attempt.questions;
  const unanswered = questions.map((q, i) => (answered(answers[q.id]) ? null : i + 1)).filter((n): n is number => n !== null);

  // unsaved answers: ask before the page goes away
  useEffect(() => {
    if (snap.pending === 0) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [snap.pending]);

  // back online: send what is waiting
  useEffect(() => {
    const online = () => void saver.retryNow();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [saver]);

  const change = (questionId: string, answer: string[], debounce: boolean) => {
    setAnswers((prev) => ({ ...prev, [questionId]: answer }));
    saver.set(questionId, answer, debounce ? TEXT_DEBOUNCE_MS : 0);
  };

  const handIn = async (mode: 'manual' | 'auto') => {
    if (submitting) return;
    setSubmitting(mode);
    setSubmitError(null);
    try {
      if (mode === 'manual') {
        const saved = await saver.flushAll();
        if (!saved) {
          setSubmitError(t('attempt.unsavedBeforeSubmit'));
          return;
        }
      }
      saver.close();
      // graded on the server; after the deadline it is handed in with what was saved in time
      for (let delay = 1000; ; delay = Math.min(10_000, delay * 2)) {
        try {
          const view = await submitAttempt(attempt.id);
          onClosedRef.current(view, mode === 'auto' ? t('attempt.timeUpNote') : null);
          return;
        } catch (e) {
          const retry = !(e instanceof ApiError) || e.code === 'NETWORK' || e.status >= 500;
          if (!retry || mode === 'manual') throw e;
          setSubmitError(errorMessage(e));
          await new Promise((r) => setTimeout(r, delay));
        }
      }
    } catch (e) {
      setSubmitError(errorMessage(e));
      message.error(errorMessage(e));
    } finally {
      setSubmitting(null);
    }
  };

  // the last seconds: send any text still waiting; at zero hand in
  const flushedNearEnd = useRef(false);
  const autoSubmitted = useRef(false);
  useEffect(() => {
    if (seconds === null) return;
    if (seconds <= 3 && !flushedNearEnd.current) {
      flushedNearEnd.current = true;
      void saver.flushAll();
    }
    if (seconds <= 0 && !autoSubmitted.current) {
      autoSubmitted.current = true;
      setConfirming(false);
      setTimeUp(true);
      // a moment past the deadline on the server's clock, so it is handed in as timed out
      window.setTimeout(() => void handIn('auto'), 600);
    }
  }, [seconds]);

  const goTo = (i: number) => {
    setCurrent(i);
    document.getElementById(`q-${i + 1}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const clockClass = seconds === null ? '' : seconds <= URGENT_SECONDS ? 'xs-timer-urgent' : seconds <= WARN_SECONDS ? 'xs-timer-warn' : '';

  let saveLine;
  if (snap.failing) {
    saveLine = (
      <Flex align="center" gap={6} wrap>
        <Typography.Text type="danger">
          <ExclamationCircleOutlined /> {t('attempt.saveFailed', { n: snap.pending })}
        </Typography.Text>
        <Button size="small" onClick={() => void saver.retryNow()} data-testid="save-retry">
          {t('attempt.retryNow')}
        </Button>
      </Flex>
    );
  } else if (snap.pending > 0 || snap.saving) {
    saveLine = (
      <Typography.Text type="secondary">
        <CloudSyncOutlined /> {t('attempt.saving')}
      </Typography.Text>
    );
  } else if (snap.savedAt) {
    saveLine = (
      <Typography.Text type="success">
        <CheckCircleOutlined /> {t('attempt.savedAt', { time: dayjs(snap.savedAt).format('HH:mm:ss') })}
      </Typography.Text>
    );
  } else {
    saveLine = <Typography.Text type="secondary">{t('attempt.autoSave')}</Typography.Text>;
  }
  const saveState = snap.failing ? 'error' : snap.pending > 0 || snap.saving ? 'saving' : snap.savedAt ? 'saved' : 'idle';

  const panel = (
    <Card className="xs-exam-panel" styles={{ body: { padding: 16 } }} data-testid="quiz-panel">
      <Flex vertical gap={14}>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('attempt.timeLeft')}
          </Typography.Text>
          <div className={`xs-timer xs-mono ${clockClass}`} data-testid="quiz-timer" data-seconds={seconds === null ? '' : Math.ceil(seconds)}>
            <ClockCircleOutlined style={{ fontSize: 20, marginInlineEnd: 8 }} />
            {seconds === null ? '--:--' : formatCountdown(seconds)}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('attempt.endsAt', { time: dayjs(Date.parse(attempt.deadline) - offset).format('HH:mm') })}
          </Typography.Text>
        </div>
        <div>
          <Flex justify="space-between" align="baseline" style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t('attempt.answerCard')}</Typography.Text>
            <Typography.Text type="secondary" data-testid="quiz-answered-count">
              {t('attempt.answeredOf', { n: questions.length - unanswered.length, total: questions.length })}
            </Typography.Text>
          </Flex>
          <div className="xs-answer-grid">
            {questions.map((q, i) => {
              const done = answered(answers[q.id]);
              const cls = ['xs-answer-cell', done && 'xs-answer-cell-done', i === current && 'xs-answer-cell-current', snap.refused[q.id] && 'xs-answer-cell-error']
                .filter(Boolean)
                .join(' ');
              return (
                <button
                  type="button"
                  key={q.id}
                  className={cls}
                  onClick={() => goTo(i)}
                  title={done ? t('attempt.answered') : t('attempt.unanswered')}
                  data-testid={`nav-${i + 1}`}
                  data-answered={done}
                >
                  {i + 1}
                </button>
              );
            })}
          </div>
          <Flex gap={12} style={{ marginTop: 8, fontSize: 12, color: '#8c96a3' }}>
            <span>
              <span className="xs-legend xs-answer-cell-done" /> {t('attempt.answered')}
            </span>
            <span>
              <span className="xs-legend" /> {t('attempt.unanswered')}
            </span>
          </Flex>
        </div>
        <div data-testid="save-status" data-state={saveState} style={{ minHeight: 22 }}>
          {saveLine}
        </div>
        {submitError && <Alert type="error" showIcon title={submitError} data-testid="quiz-submit-error" />}
        <Button
          type="primary"
          size="large"
          block
          icon={<SendOutlined />}
          loading={submitting !== null}
          disabled={timeUp && submitting === null}
          onClick={() => setConfirming(true)}
          data-testid="quiz-submit"
        >
          {timeUp ? t('attempt.autoSubmitting') : t('attempt.submit')}
        </Button>
      </Flex>
    </Card>
  );

  return (
    <>
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="quiz-title">
            {attempt.title}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('attempt.meta', { number: attempt.number, n: questions.length, pass: attempt.passScore })}
          </Typography.Text>
        </div>
      </Flex>
      {timeUp && <Alert type="warning" showIcon title={t('attempt.timeUp')} style={{ marginBottom: 12 }} data-testid="quiz-time-up" />}
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} xl={{ span: 17, order: 1 }}>
          <Flex vertical gap={12}>
            {questions.map((q, i) => (
              <Card
                key={q.id}
                id={`q-${i + 1}`}
                className={i === current ? 'xs-question xs-question-current' : 'xs-question'}
                styles={{ body: { padding: '16px 20px' } }}
                onFocus={() => setCurrent(i)}
                onClick={() => setCurrent(i)}
                data-testid={`quiz-question-${i + 1}`}
                data-question-id={q.id}
                data-type={q.type}
              >
                <Flex gap={10} align="flex-start" style={{ marginBottom: 12 }}>
                  <span className="xs-question-no">{i + 1}</span>
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Tag color={QUESTION_TYPE_COLORS[q.type]} style={{ marginBottom: 6 }}>
                      {typeLabel({ label }, q.type)}
                    </Tag>
                    <Typography.Paragraph style={{ fontSize: 15, margin: 0, whiteSpace: 'pre-wrap' }} data-testid="question-stem">
                      {q.stem}
                    </Typography.Paragraph>
                  </div>
                </Flex>
                <div style={{ paddingInlineStart: 34 }}>
                  <QuestionInput
                    question={q}
                    value={answers[q.id] ?? []}
                    disabled={submitting !== null || timeUp}
                    onChange={(a, debounce) => change(q.id, a, debounce)}
                    onBlur={() => void saver.retryNow()}
                  />
                  {snap.refused[q.id] && <Alert type="error" showIcon title={snap.refused[q.id]} style={{ marginTop: 8 }} />}
                </div>
              </Card>
            ))}
          </Flex>
        </Col>
        <Col xs={{ span: 24, order: 1 }} xl={{ span: 7, order: 2 }}>
          <div className="xs-sticky">{panel}</div>
        </Col>
      </Row>
      <Modal
        open={confirming}
        title={t('attempt.confirmTitle')}
        onCancel={() => setConfirming(false)}
        footer={[
          <Button key="back" onClick={() => setConfirming(false)} data-testid="quiz-submit-cancel">
            {t('attempt.backToAnswer')}
          </Button>,
          <Button
            key="ok"
            type="primary"
            loading={submitting === 'manual'}
            onClick={async () => {
              await handIn('manual');
              setConfirming(false);
            }}
            data-testid="quiz-submit-confirm"
          >
            {t('attempt.confirmSubmit')}
          </Button>,
        ]}
      >
        {unanswered.length ? (
          <Alert
            type="warning"
            showIcon
            title={t('attempt.unansweredCount', { n: unanswered.length })}
            description={
              <span data-testid="quiz-unanswered-list">
                {t('attempt.unansweredList', { list: unanswered.join(lang === 'zh' ? '、' : ', ') })}
              </span>
            }
          />
        ) : (
          <Typography.Paragraph data-testid="quiz-all-answered">{t('attempt.allAnswered', { n: questions.length })}</Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('attempt.confirmNote')}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
