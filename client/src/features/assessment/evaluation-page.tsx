import { ArrowLeftOutlined, CheckCircleFilled, SendOutlined } from '@ant-design/icons';
import { EVALUATION_LABELS, EVALUATION_POINTS, type CourseDetail, type EvaluationInput } from '@xueshi/shared';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Rate, Result, Row, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { fetchMyEvaluation, submitEvaluation } from '../../api/assessment';
import { fetchCourse } from '../../api/courses';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { errorMessage, showServerError } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { CompletionCard } from './completion-card';

type Point = (typeof EVALUATION_POINTS)[number];
type MyEvaluation = Awaited<ReturnType<typeof fetchMyEvaluation>>;

const SCORE_WORDS: MessageKey[] = ['eval.score1', 'eval.score2', 'eval.score3', 'eval.score4', 'eval.score5'];
const HINTS: Record<Point, MessageKey> = { plan: 'eval.hintPlan', content: 'eval.hintContent', teachers: 'eval.hintTeachers', management: 'eval.hintManagement' };

/** 课程评估 (凡训必评): four 1–5 ratings and a comment, once; afterwards shown read-only. */
export function EvaluationPage() {
  const { id: courseId = '' } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<EvaluationInput>();
  const [saving, setSaving] = useState(false);
  const [mine, setMine] = useState<MyEvaluation | null>(null);
  const [refresh, setRefresh] = useState(0);
  const { data, error, loading, reload } = useAsync<{ course: CourseDetail; mine: MyEvaluation }>(
    async (signal) => {
      const [course, m] = await Promise.all([fetchCourse(courseId, signal), fetchMyEvaluation(courseId, signal)]);
      return { course, mine: m };
    },
    [courseId],
  );

  if (!data) {
    if (error && !loading) return <Result status="warning" title={errorMessage(error)} extra={<Button onClick={reload}>{t('player.retry')}</Button>} />;
    return <Skeleton active paragraph={{ rows: 8 }} />;
  }
  const my = mine ?? data.mine;
  const done = my.submitted && my.evaluation;
  const words = SCORE_WORDS.map((k) => t(k));

  const submit = async (v: EvaluationInput) => {
    setSaving(true);
    try {
      setMine(await submitEvaluation(courseId, { ...v, comment: (v.comment ?? '').trim() }));
      setRefresh((n) => n + 1);
      message.success(t('eval.thanks'));
    } catch (e) {
      showServerError(e, message, form, [...EVALUATION_POINTS, 'comment']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/courses/${courseId}`)} style={{ paddingInline: 0, marginBottom: 4 }} data-testid="back-to-course">
        {data.course.title}
      </Button>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            title={t('eval.title')}
            extra={done ? <Typography.Text type="success"><CheckCircleFilled /> {t('eval.done')}</Typography.Text> : null}
            data-testid="eval-form"
            data-submitted={!!done}
          >
            {done ? (
              <Alert
                type="success"
                showIcon
                title={<span data-testid="eval-done">{t('eval.done')}</span>}
                description={t('eval.doneAt', { time: my.submittedAt ? dayjs(my.submittedAt).format('YYYY-MM-DD HH:mm') : '' })}
                style={{ marginBottom: 20 }}
              />
            ) : (
              <Typography.Paragraph type="secondary">{t('eval.intro')}</Typography.Paragraph>
            )}
            <Form<EvaluationInput>
              form={form}
              layout="horizontal"
              labelCol={{ flex: '110px' }}
              labelAlign="left"
              initialValues={done ? my.evaluation! : { comment: '' }}
              disabled={!!done || saving}
              onFinish={submit}
              key={done ? 'done' : 'form'}
            >
              {EVALUATION_POINTS.map((p) => (
                <Form.Item key={p} label={label(EVALUATION_LABELS[p])} required={!done} extra={done ? undefined : t(HINTS[p])} style={{ marginBottom: done ? 8 : 18 }}>
                  <Flex align="center" gap={12}>
                    <span data-testid={`eval-rate-${p}`}>
                      <Form.Item name={p} noStyle rules={[{ required: true, message: t('eval.rateRequired') }]}>
                        <Rate tooltips={words} style={{ fontSize: 26 }} />
                      </Form.Item>
                    </span>
                    <Form.Item noStyle shouldUpdate={(a, b) => a[p] !== b[p]}>
                      {({ getFieldValue }) => {
                        const v = getFieldValue(p) as number | undefined;
                        return (
                          <Typography.Text type="secondary" data-testid={`eval-rate-${p}-text`}>
                            {v ? `${v} ${t('eval.pointsUnit')} · ${words[v - 1]}` : t('eval.notRated')}
                          </Typography.Text>
                        );
                      }}
                    </Form.Item>
                  </Flex>
                </Form.Item>
              ))}
              {done ? (
                <Form.Item label={t('eval.comment')}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, paddingTop: 5 }} type={my.evaluation!.comment ? undefined : 'secondary'} data-testid="eval-comment-done">
                    {my.evaluation!.comment || t('eval.noComment')}
                  </Typography.Paragraph>
                </Form.Item>
              ) : (
                <Form.Item name="comment" label={t('eval.comment')} extra={t('eval.commentHint')}>
                  <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('eval.commentPlaceholder')} data-testid="eval-comment" />
                </Form.Item>
              )}
              {!done && (
                <Flex justify="flex-end">
                  <Button type="primary" size="large" htmlType="submit" icon={<SendOutlined />} loading={saving} data-testid="eval-submit">
                    {t('eval.submit')}
                  </Button>
                </Flex>
              )}
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <CompletionCard courseId={courseId} refreshKey={refresh} />
        </Col>
      </Row>
    </>
  );
}
