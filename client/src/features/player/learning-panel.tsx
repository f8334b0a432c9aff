import { ClockCircleOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Progress, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { formatDuration } from '../courses/format';
import { uncountedText } from '../learning/uncounted';
import type { LearningState } from './learning-tracker';

interface Props {
  state: LearningState;
  lessonId: string;
  courseId: string | null;
  onRestart: () => void;
  onDismiss: () => void;
  /** a document is read, not played: the wording of the end */
  kind?: 'video' | 'document';
  /** while counting would otherwise show: why time is not being added now (a document's page full, the window behind) */
  hold?: string | null;
}

/** The live figures under the video or document: verified time, coverage, why time is not counted, take-over. */
export function LearningPanel({ state, lessonId, courseId, onRestart, onDismiss, kind = 'video', hold = null }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = state.session!;
  const verified = state.baseVerified + state.sessionVerified;
  const duration = s.durationSeconds;
  const coverage = duration > 0 ? Math.min(100, Math.floor((state.coveredSeconds / duration) * 1000) / 10) : 0;
  const tooFast = state.rate > s.maxCreditedRate + 0.001;
  const active = state.status === 'active';
  const latest = active ? uncountedText(i18n, state.uncountedLatest) : '';
  const total = uncountedText(i18n, state.uncountedTotal);
  const creditLink = `/lessons/${lessonId}/credit${courseId ? `?course=${courseId}` : ''}`;

  let status: { color: string; text: string };
  if (state.status === 'starting') status = { color: 'default', text: t('learn.connecting') };
  else if (state.status === 'finished') status = { color: 'default', text: t('learn.sessionDone') };
  else if (!active) status = { color: 'default', text: t('learn.notCounting') };
  else if (!state.playing) status = { color: 'default', text: t('learn.paused') };
  else if (tooFast) status = { color: 'warning', text: t('learn.notCounting') };
  else if (hold) status = { color: 'default', text: hold };
  else status = { color: 'processing', text: t('learn.counting') };

  return (
    <div className="xs-learning" data-testid="learning-panel" data-status={state.status} data-acked={state.acked} data-session={s.sessionId}>
      <Flex wrap gap={24} align="center">
        <div>
          <div className="xs-learning-label">{t('learn.verified')}</div>
          <div className="xs-learning-figure xs-mono" data-testid="player-verified" data-seconds={verified.toFixed(1)}>
            <ClockCircleOutlined style={{ marginInlineEnd: 6, fontSize: 16 }} />
            {formatDuration(verified)}
          </div>
        </div>
        <div style={{ minWidth: 180, flex: '1 1 180px', maxWidth: 320 }} data-testid="player-coverage" data-percent={coverage}>
          <div className="xs-learning-label">
            {t('learn.coverage')} · {formatDuration(state.coveredSeconds)} / {formatDuration(duration)}
          </div>
          <Progress percent={coverage} size="small" status={state.completed ? 'success' : 'normal'} format={(p) => `${p}%`} style={{ margin: 0 }} />
        </div>
        <Flex gap={8} align="center" wrap>
          <Tag color={status.color} data-testid="player-counting" style={{ marginInlineEnd: 0 }}>
            {status.text}
          </Tag>
          {state.completed && (
            <Tag color="success" data-testid="player-completed" style={{ marginInlineEnd: 0 }}>
              {t('learn.completed')}
            </Tag>
          )}
        </Flex>
        <Link to={creditLink} style={{ marginInlineStart: 'auto' }} data-testid="player-credit-link">
          <FileSearchOutlined /> {t('learn.detail')}
        </Link>
      </Flex>

      <Flex vertical gap={8} data-testid="player-uncounted" style={{ marginTop: 12 }}>
        {state.status === 'takenOver' && (
          <Alert
            type="error"
            showIcon
            title={t('learn.takenOver')}
            data-testid="player-takenover"
            action={
              <Button size="small" type="primary" onClick={onRestart} data-testid="player-continue-here">
                {t('learn.continueHere')}
              </Button>
            }
          />
        )}
        {state.status === 'stopped' && (
          <Alert
            type="warning"
            showIcon
            title={t('learn.stopped')}
            description={state.attentionError ? errorMessage(state.attentionError) : undefined}
            data-testid="player-stopped"
            action={
              <Button size="small" type="primary" onClick={onRestart} data-testid="player-restart">
                {t('learn.restart')}
              </Button>
            }
          />
        )}
        {state.status === 'error' && (
          <Alert
            type="error"
            showIcon
            title={t('learn.sessionError')}
            description={errorMessage(state.error)}
            action={
              <Button size="small" onClick={onRestart}>
                {t('player.retry')}
              </Button>
            }
          />
        )}
        {state.status === 'finished' && (
          <Alert type={state.completed ? 'success' : 'info'} showIcon title={state.completed ? t('learn.completedNote') : kind === 'document' ? t('learn.finishedDocument') : t('learn.finished')} data-testid="player-finished" />
        )}
        {active && tooFast && (
          <Alert type="warning" showIcon title={t('learn.speedWarning', { max: s.maxCreditedRate.toFixed(1) })} data-testid="player-speed-warning" />
        )}
        {active && state.hiddenNotice && (
          <Alert type="info" showIcon closable={{ onClose: onDismiss }} title={t('learn.hiddenNotice')} data-testid="player-hidden-notice" />
        )}
        {active && state.seekNotice && (
          <Alert type="info" showIcon closable={{ onClose: onDismiss }} title={t('learn.seekNotice')} data-testid="player-seek-notice" />
        )}
        {active && state.unsent > 1 && <Alert type="info" showIcon title={t('learn.offline', { n: state.unsent })} data-testid="player-offline" />}
        {active && state.error != null && <Alert type="error" showIcon title={errorMessage(state.error)} />}
        {latest && (
          <Typography.Text type="warning" data-testid="player-uncounted-latest">
            {t('learn.latestUncounted', { reasons: latest })}
          </Typography.Text>
        )}
        {total && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="player-uncounted-total">
            {t('learn.totalUncounted', { reasons: total })}
          </Typography.Text>
        )}
      </Flex>
    </div>
  );
}

/** 防挂机: the video (or a document's reading time) is paused until the learner answers; unanswered in time, the session stops. */
export function AttentionModal({ state, onConfirm, kind = 'video' }: { state: LearningState; onConfirm: () => void; kind?: 'video' | 'document' }) {
  const { t } = useI18n();
  const a = state.attention;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!a) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [a]);
  const left = a ? Math.max(0, Math.ceil((new Date(a.deadline).getTime() - now) / 1000)) : 0;
  return (
    <Modal open={!!a} closable={false} mask={{ closable: false }} keyboard={false} footer={null} centered title={t('learn.attentionTitle')} width={440}>
      <div data-testid="attention-modal">
        <Typography.Paragraph>{kind === 'document' ? t('learn.attentionBodyDocument') : t('learn.attentionBody')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" data-testid="attention-left">
          {t('learn.attentionLeft', { seconds: left })}
        </Typography.Paragraph>
        {state.attentionError != null && <Alert type="error" showIcon title={errorMessage(state.attentionError)} style={{ marginBottom: 12 }} />}
        <Flex justify="flex-end">
          <Button type="primary" size="large" loading={state.attentionBusy} onClick={onConfirm} data-testid="attention-confirm">
            {t('learn.attentionConfirm')}
          </Button>
        </Flex>
      </div>
    </Modal>
  );
}
