import { CheckCircleFilled, ClockCircleOutlined, EditOutlined, FormOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { CourseCompletion } from '@xueshi/shared';
import { Alert, Button, Card, Flex, Progress, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { fetchCompletion } from '../../api/assessment';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { BRAND } from '../../lib/theme';
import { useAsync } from '../../lib/use-async';
import { formatHours } from '../courses/format';

const MISSING_KEY: Record<CourseCompletion['missing'][number], MessageKey> = {
  lessons: 'completion.missingLessons',
  exam: 'completion.missingExam',
  evaluation: 'completion.missingEvaluation',
};

function Row({ icon, label, done, children, testId }: { icon: ReactNode; label: string; done: boolean; children: ReactNode; testId: string }) {
  return (
    <Flex align="center" justify="space-between" gap={12} className="xs-completion-row" data-testid={testId} data-done={done}>
      <Flex align="center" gap={8} style={{ flex: 'none' }}>
        <span style={{ color: done ? '#389e0d' : '#8c96a3', fontSize: 16 }}>{done ? <CheckCircleFilled /> : icon}</span>
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {label}
        </Typography.Text>
      </Flex>
      <Flex align="center" gap={8} wrap justify="flex-end">
        {children}
      </Flex>
    </Flex>
  );
}

/**
 * 完成条件: what a course still needs of the official before its hours are credited — every
 * lesson, the final exam where there is one, and the course evaluation — with the next steps.
 */
export function CompletionCard({ courseId, refreshKey = 0, title }: { courseId: string; refreshKey?: number; title?: ReactNode }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useAsync<CourseCompletion>((signal) => fetchCompletion(courseId, signal), [courseId, refreshKey]);

  // back from another tab or window (an exam taken there): read the state again
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  const card = (body: ReactNode) => (
    <Card
      title={
        <span>
          <SafetyCertificateOutlined style={{ marginInlineEnd: 8, color: BRAND.primary }} />
          {title ?? t('completion.title')}
        </span>
      }
      extra={
        <Tooltip title={t('common.refresh')}>
          <Button type="text" size="small" icon={<ReloadOutlined />} loading={loading && !!data} onClick={reload} data-testid="completion-refresh" />
        </Tooltip>
      }
      data-testid="completion-card"
      data-credited={data?.credited ?? false}
      styles={{ body: { paddingTop: 8 } }}
    >
      {body}
    </Card>
  );

  if (!data) {
    if (error && !loading) return card(<Alert type="warning" showIcon title={errorMessage(error)} />);
    return card(<Skeleton active title={false} paragraph={{ rows: 3 }} />);
  }

  const c = data;
  const lessonsDone = c.lessons.total > 0 && c.lessons.completed >= c.lessons.total;
  const pct = c.lessons.total ? Math.round((c.lessons.completed / c.lessons.total) * 100) : 0;
  const takeExam = () => c.exam && navigate(`/courses/${courseId}/quizzes/${c.exam.quizId}`);

  return card(
    <Flex vertical gap={0}>
      <Row icon={<ClockCircleOutlined />} label={t('completion.lessons')} done={lessonsDone} testId="completion-lessons">
        <Progress percent={pct} size="small" showInfo={false} style={{ width: 80, margin: 0 }} status={lessonsDone ? 'success' : 'normal'} />
        <span className="xs-mono">
          {c.lessons.completed}/{c.lessons.total}
        </span>
      </Row>
      {c.exam && (
        <Row icon={<FormOutlined />} label={t('completion.exam')} done={c.exam.passed} testId="completion-exam">
          {c.exam.passed ? (
            <Tag color="success" style={{ marginInlineEnd: 0 }}>
              {t('completion.passed')}
            </Tag>
          ) : (
            <>
              <Tag color={c.exam.attemptsLeft > 0 ? 'default' : 'error'} style={{ marginInlineEnd: 0 }}>
                {t('completion.notPassed')}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="completion-attempts-left">
                {t('completion.attemptsLeft', { n: c.exam.attemptsLeft })}
              </Typography.Text>
              {c.exam.attemptsLeft > 0 && !c.credited && (
                <Button size="small" type="primary" onClick={takeExam} data-testid="take-exam">
                  {t('completion.takeExam')}
                </Button>
              )}
            </>
          )}
        </Row>
      )}
      <Row icon={<EditOutlined />} label={t('completion.evaluation')} done={c.evaluated} testId="completion-evaluation">
        {c.evaluated ? (
          <>
            <Tag color="success" style={{ marginInlineEnd: 0 }}>
              {t('completion.evaluated')}
            </Tag>
            <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => navigate(`/courses/${courseId}/evaluate`)} data-testid="view-evaluation">
              {t('completion.viewEvaluation')}
            </Button>
          </>
        ) : (
          <>
            <Tag style={{ marginInlineEnd: 0 }}>{t('completion.notEvaluated')}</Tag>
            <Button size="small" type={c.exam && !c.exam.passed ? 'default' : 'primary'} onClick={() => navigate(`/courses/${courseId}/evaluate`)} data-testid="evaluate-course">
              {t('completion.evaluate')}
            </Button>
          </>
        )}
      </Row>
      <div style={{ marginTop: 12 }}>
        {c.credited ? (
          <Alert
            type="success"
            showIcon
            title={t('completion.credited', { hours: formatHours(c.creditedHours ?? 0) })}
            data-testid="completion-credited"
          />
        ) : (
          <Alert
            type={c.exam && !c.exam.passed && c.exam.attemptsLeft === 0 ? 'error' : 'info'}
            showIcon
            title={t('completion.notYet')}
            description={
              <span data-testid="completion-missing" data-missing={c.missing.join(',')}>
                {c.missing.length
                  ? t('completion.stillNeeds', { items: c.missing.map((m) => t(MISSING_KEY[m])).join(t('common.listSep')) })
                  : t('completion.crediting')}
                {c.exam && !c.exam.passed && c.exam.attemptsLeft === 0 ? ` ${t('completion.noAttempts')}` : ''}
              </span>
            }
          />
        )}
      </div>
    </Flex>,
  );
}
