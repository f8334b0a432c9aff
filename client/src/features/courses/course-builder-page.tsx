import { ArrowLeftOutlined, AuditOutlined, EyeOutlined, SendOutlined } from '@ant-design/icons';
import type { CourseDetail, UploadLimits } from '@xueshi/shared';
import { Alert, App, Button, Col, Flex, Result, Row, Skeleton, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { fetchCourse, submitCourse } from '../../api/courses';
import { fetchUploadLimits } from '../../api/media';
import { PageHeader } from '../../components/page-header';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { EvaluationResultsCard } from '../assessment/evaluation-results';
import { QuestionBank } from '../assessment/question-bank';
import { QuizPanel } from '../assessment/quiz-panel';
import { CourseFieldsCard } from './builder/course-fields-card';
import { OutlineEditor } from './builder/outline-editor';
import { CourseStatusTag } from './course-tags';

const TABS = ['content', 'bank', 'quizzes', 'evaluation'] as const;
type Tab = (typeof TABS)[number];

const READ_ONLY_NOTE: Partial<Record<CourseDetail['status'], MessageKey>> = {
  submitted: 'builder.lockedSubmitted',
  approved: 'builder.lockedApproved',
  published: 'builder.lockedPublished',
};

/** 课程编辑: fields, chapters and lessons with their files, then submit for review; the question bank, quizzes and evaluations. */
export function CourseBuilderPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'content';
  const setTab = (next: Tab) => setParams(next === 'content' ? {} : { tab: next }, { replace: true });
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useAsync<CourseDetail>((signal) => fetchCourse(id, signal), [id]);
  const [course, setCourse] = useState<CourseDetail>();
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const editable = !!course?.can.edit;
  const { data: limits } = useAsync<UploadLimits | undefined>((signal) => (editable ? fetchUploadLimits(signal) : Promise.resolve(undefined)), [editable]);

  useEffect(() => {
    if (data) setCourse(data);
  }, [data]);

  useEffect(() => {
    setSubmitError(null);
  }, [course?.status]);

  if (!course) {
    if (error && !loading) {
      return (
        <Result
          status="warning"
          title={errorMessage(error)}
          extra={
            <Button onClick={() => navigate('/manage/courses')} data-testid="back-to-list">
              {t('builder.backToList')}
            </Button>
          }
        />
      );
    }
    return <Skeleton active paragraph={{ rows: 10 }} />;
  }

  const submit = () =>
    modal.confirm({
      title: t('builder.submitTitle'),
      content: t('builder.submitConfirm'),
      okText: t('builder.submit'),
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: async () => {
        setSubmitting(true);
        try {
          setCourse(await submitCourse(course.id));
          setSubmitError(null);
          message.success(t('builder.submitted'));
        } catch (e) {
          setSubmitError(errorMessage(e));
        } finally {
          setSubmitting(false);
        }
      },
    });

  const lessons = course.chapters.flatMap((c) => c.lessons);
  const notReady = lessons.filter((l) => l.asset?.status !== 'ready');
  const microMismatch = course.microLecture && (lessons.length !== 1 || lessons[0].kind !== 'video');
  const note = READ_ONLY_NOTE[course.status];

  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/manage/courses')} style={{ paddingInline: 0, marginBottom: 4 }} data-testid="back-to-list">
        {t('builder.backToList')}
      </Button>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span data-testid="builder-title">{course.title}</span>
            <CourseStatusTag status={course.status} />
          </Space>
        }
        subtitle={`${course.institutionName} · ${t('course.updatedAt')} ${dayjs(course.updatedAt).format('YYYY-MM-DD HH:mm')}`}
        extra={
          <>
            {course.can.review && (
              <Button icon={<AuditOutlined />} onClick={() => navigate(`/review/${course.id}`)} data-testid="go-review">
                {t('builder.goReview')}
              </Button>
            )}
            {(course.status === 'published' || course.can.play) && (
              <Button icon={<EyeOutlined />} onClick={() => navigate(`/courses/${course.id}`)} data-testid="course-preview">
                {t('course.preview')}
              </Button>
            )}
            {editable && (
              <Button type="primary" icon={<SendOutlined />} loading={submitting} onClick={submit} data-testid="course-submit">
                {t('builder.submit')}
              </Button>
            )}
          </>
        }
      />

      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        {course.status === 'returned' && (
          <Alert
            type="warning"
            showIcon
            title={t('builder.returnedTitle')}
            description={<span data-testid="review-comment">{course.reviewComment || t('builder.noComment')}</span>}
          />
        )}
        {course.status !== 'returned' && course.reviewComment && (
          <Alert type="info" showIcon title={t('builder.reviewCommentTitle')} description={<span data-testid="review-comment">{course.reviewComment}</span>} />
        )}
        {tab === 'content' && !editable && note && <Alert type="info" showIcon title={t(note)} data-testid="readonly-note" />}
        {tab === 'content' && !editable && !note && <Alert type="info" showIcon title={t('builder.lockedNoRight')} data-testid="readonly-note" />}
        {tab === 'content' && course.status === 'unpublished' && editable && <Alert type="info" showIcon title={t('builder.unpublishedNote')} />}
        {tab === 'content' && editable && microMismatch && <Alert type="warning" showIcon title={t('builder.microRule')} data-testid="micro-warning" />}
        {tab === 'content' && editable && lessons.length > 0 && notReady.length > 0 && !submitError && (
          <Typography.Text type="secondary" data-testid="not-ready-hint">
            {t('builder.notReadyHint', { n: notReady.length })}
          </Typography.Text>
        )}
        {submitError && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setSubmitError(null) }}
            title={t('builder.submitFailed')}
            description={<span data-testid="submit-error">{submitError}</span>}
          />
        )}
      </Flex>

      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        data-testid="builder-tabs"
        items={[
          {
            key: 'content',
            label: <span data-testid="tab-content">{t('builder.tabContent')}</span>,
            children: (
              <Row gutter={[16, 16]}>
                {/* on narrow screens the outline, where the work is, comes first */}
                <Col xs={{ span: 24, order: 2 }} xl={{ span: 9, order: 1 }}>
                  <CourseFieldsCard course={course} editable={editable} onSaved={setCourse} />
                </Col>
                <Col xs={{ span: 24, order: 1 }} xl={{ span: 15, order: 2 }}>
                  <OutlineEditor course={course} editable={editable} limits={limits} onChange={setCourse} reload={reload} />
                </Col>
              </Row>
            ),
          },
          {
            key: 'bank',
            // read afresh each time: the bank and the quizzes change one another
            destroyOnHidden: true,
            label: <span data-testid="tab-bank">{t('builder.tabBank')}</span>,
            children: <QuestionBank courseId={course.id} />,
          },
          {
            key: 'quizzes',
            destroyOnHidden: true,
            label: <span data-testid="tab-quizzes">{t('builder.tabQuizzes')}</span>,
            children: <QuizPanel course={course} onBankTab={() => setTab('bank')} />,
          },
          {
            key: 'evaluation',
            destroyOnHidden: true,
            label: <span data-testid="tab-evaluation">{t('builder.tabEvaluation')}</span>,
            children: <EvaluationResultsCard courseId={course.id} />,
          },
        ]}
      />
    </>
  );
}
