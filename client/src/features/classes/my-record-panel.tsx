import { FormOutlined, ReadOutlined, ReloadOutlined } from '@ant-design/icons';
import { ASSESSMENT_POINT_LABELS, ASSESSMENT_POINTS, type AssessmentRecord, type ClassView } from '@xueshi/shared';
import { Alert, Button, Card, Col, Empty, Flex, Progress, Result, Row, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { fetchClassAssessment } from '../../api/classes';
import { fetchCourse } from '../../api/courses';
import { useI18n } from '../../lib/i18n';
import { BRAND } from '../../lib/theme';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { score1, weightShares } from './class-rules';
import { FourFigures, missingText, ResultTag } from './labels';

/** 我的考核: the trainee's own record — the four scores, the total against the pass mark, and what makes it up. */
export function MyRecordPanel({ cls }: { cls: ClassView }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useAsync((signal) => fetchClassAssessment(cls.id, signal), [cls.id]);
  if (!data) {
    if (error && !loading) return <Result status="warning" title={errorMessage(error)} extra={<Button onClick={reload}>{t('player.retry')}</Button>} />;
    return <Skeleton active paragraph={{ rows: 8 }} />;
  }
  const r = data.items[0];
  if (!r) return <Empty description={t('records.empty')} />;
  return <RecordView cls={cls} r={r} reload={reload} loading={loading} />;
}

function RecordView({ cls, r, reload, loading }: { cls: ClassView; r: AssessmentRecord; reload: () => void; loading: boolean }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const share = weightShares(cls);
  const pending = r.total === null;
  const color = r.passed === false ? '#b3261e' : BRAND.primary;

  return (
    <Row gutter={[16, 16]} data-testid="my-record" data-user={r.userId}>
      <Col xs={24} lg={9} xl={8}>
        <Card
          title={t('record.result')}
          extra={<Button size="small" icon={<ReloadOutlined />} onClick={reload} loading={loading} aria-label={t('common.refresh')} data-testid="record-refresh" />}
          style={{ height: '100%' }}
        >
          <Flex vertical align="center" gap={10} style={{ padding: '8px 0 4px' }}>
            <Typography.Text type="secondary">{t('record.total')}</Typography.Text>
            <div style={{ fontSize: 48, lineHeight: 1, fontWeight: 600, color: pending ? '#8c96a3' : color }} data-testid="record-total" data-total={r.total ?? ''}>
              {pending ? '—' : score1(r.total!)}
              {!pending && <span style={{ fontSize: 16, fontWeight: 400, marginInlineStart: 4 }}>{t('class.pointsUnit')}</span>}
            </div>
            <ResultTag record={r} testId="record-passed" large />
            <Typography.Text type="secondary">{t('class.passLine', { n: cls.passScore })}</Typography.Text>
          </Flex>
          {pending && (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 16 }}
              title={<span data-testid="record-missing" data-missing={r.missing.join(',')}>{t('record.missing', { items: missingText(i18n, r.missing) })}</span>}
              description={t('record.pendingHint')}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15} xl={16}>
        <Card title={t('record.scores')} style={{ height: '100%' }} data-testid="record-scores">
          {r.scores ? (
            <Flex vertical gap={14}>
              {ASSESSMENT_POINTS.map((p) => (
                <div key={p}>
                  <Flex justify="space-between">
                    <Typography.Text>{label(ASSESSMENT_POINT_LABELS[p])}</Typography.Text>
                    <Typography.Text strong className="xs-mono" data-testid={`record-score-${p}`}>
                      {score1(r.scores![p])}
                    </Typography.Text>
                  </Flex>
                  <Progress percent={r.scores![p]} showInfo={false} strokeColor={r.scores![p] < cls.passScore ? '#d48806' : BRAND.primary} style={{ margin: 0 }} />
                </div>
              ))}
            </Flex>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('record.scoresPending')} />
          )}
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('record.parts')}>
          <Row gutter={[24, 16]}>
            <Part title={t('record.instructorScores')} share={share.instructor} testId="record-part-instructor">
              {r.instructor ? (
                <>
                  <FourFigures values={r.instructor} />
                  <Typography.Paragraph type={r.instructor.comment ? undefined : 'secondary'} style={{ whiteSpace: 'pre-wrap', margin: '10px 0 0' }} data-testid="record-comment">
                    <Typography.Text type="secondary">{t('record.comment')}：</Typography.Text>
                    {r.instructor.comment || t('record.noComment')}
                  </Typography.Paragraph>
                </>
              ) : (
                <Typography.Text type="secondary">{t('record.notScored')}</Typography.Text>
              )}
            </Part>
            <Part title={t('record.peer')} share={share.peer} testId="record-part-peer">
              {r.peer ? (
                <>
                  <FourFigures values={r.peer} max={5} />
                  <Typography.Text type="secondary" style={{ display: 'block', marginTop: 10 }} data-testid="record-raters">
                    {t('record.ratersN', { n: r.peer.raters })} · {t('record.anonymous')}
                  </Typography.Text>
                </>
              ) : (
                <Typography.Text type="secondary">{t('record.noPeer')}</Typography.Text>
              )}
            </Part>
            <Part title={t('record.exam')} share={share.exam} testId="record-part-exam">
              {!cls.examQuizId ? (
                <Typography.Text type="secondary">{t('record.examNotSet')}</Typography.Text>
              ) : (
                <Flex vertical gap={8} align="flex-start">
                  {r.exam ? (
                    <Flex align="baseline" gap={8}>
                      <Typography.Text type="secondary">{t('record.examBest')}</Typography.Text>
                      <span style={{ fontSize: 24, fontWeight: 600 }} className="xs-mono" data-testid="record-exam-score">
                        {score1(r.exam.score)}
                      </span>
                      {r.exam.passed ? <Tag color="success">{t('attempt.passed')}</Tag> : <Tag color="error">{t('attempt.failed')}</Tag>}
                    </Flex>
                  ) : (
                    <Typography.Text type="secondary">{t('record.examNone')}</Typography.Text>
                  )}
                  {cls.examCourseId && cls.examQuizId && !r.exam?.passed && <ExamLink courseId={cls.examCourseId} quizId={cls.examQuizId} />}
                </Flex>
              )}
            </Part>
          </Row>
          <Flex justify="space-between" gap={16} wrap style={{ marginTop: 20, paddingTop: 12, borderTop: '1px solid #f0f2f5' }}>
            <Typography.Text type="secondary" data-testid="record-journal">
              {t('record.journal')}：{t('record.journalN', { n: r.journalEntries })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('record.howTotal')}
            </Typography.Text>
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}

function Part({ title, share, testId, children }: { title: string; share: number; testId: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Col xs={24} md={8} data-testid={testId}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 10 }}>
        <Typography.Text strong>{title}</Typography.Text>
        <Tag variant="outlined" color={share ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
          {share ? t('record.weightShare', { pct: share }) : t('record.notCounted')}
        </Tag>
      </Flex>
      {children}
    </Col>
  );
}

/**
 * The way to the class's final exam: the exam page once the official is enrolled in its course
 * (the course grants the attempts), else the course page to enrol first.
 */
function ExamLink({ courseId, quizId }: { courseId: string; quizId: string }) {
  const { t } = useI18n();
  const { data: course, error } = useAsync((signal) => fetchCourse(courseId, signal), [courseId]);
  if (error) return <Typography.Text type="secondary">{errorMessage(error)}</Typography.Text>;
  if (!course) return null;
  if (course.can.play) {
    return (
      <Link to={`/courses/${courseId}/quizzes/${quizId}`} data-testid="record-take-exam">
        <Button type="primary" icon={<FormOutlined />}>
          {t('record.takeExam')}
        </Button>
      </Link>
    );
  }
  return (
    <Flex vertical gap={6} align="flex-start">
      <Typography.Text type="secondary">{t('record.examEnrolFirst', { title: course.title })}</Typography.Text>
      <Link to={`/courses/${courseId}`} data-testid="record-exam-course">
        <Button icon={<ReadOutlined />}>{t('record.openCourse')}</Button>
      </Link>
    </Flex>
  );
}
