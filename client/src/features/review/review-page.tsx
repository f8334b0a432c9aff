import { ArrowLeftOutlined, CheckOutlined, CloudDownloadOutlined, CloudUploadOutlined, ExportOutlined, RollbackOutlined } from '@ant-design/icons';
import type { CourseDetail, LessonView } from '@xueshi/shared';
import { Alert, App, Button, Card, Col, Flex, Input, Modal, Result, Row, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { fetchCourse, publishCourse, reviewCourse, unpublishCourse } from '../../api/courses';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n';
import { errorMessage, showServerError } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { useMe } from '../auth/auth-context';
import { CourseFieldsCard } from '../courses/builder/course-fields-card';
import { OutlineEditor } from '../courses/builder/outline-editor';
import { CourseStatusTag } from '../courses/course-tags';
import { LessonPlayer } from '../player/lesson-player';

/** 审核课程: the course read-only with its lessons playable, the decision, then publishing. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useAsync<CourseDetail>((signal) => fetchCourse(id, signal), [id]);
  const [course, setCourse] = useState<CourseDetail>();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [acting, setActing] = useState<string | null>(null);
  const [preview, setPreview] = useState<LessonView | null>(null);

  useEffect(() => {
    if (data) setCourse(data);
  }, [data]);

  if (!course) {
    if (error && !loading) {
      return <Result status="warning" title={errorMessage(error)} extra={<Button onClick={() => navigate('/review')}>{t('review.backToList')}</Button>} />;
    }
    return <Skeleton active paragraph={{ rows: 10 }} />;
  }

  const act = async (key: string, fn: () => Promise<CourseDetail>, done: string) => {
    setActing(key);
    try {
      setCourse(await fn());
      message.success(done);
      return true;
    } catch (e) {
      showServerError(e, message);
      return false;
    } finally {
      setActing(null);
    }
  };

  const approve = () => act('approve', () => reviewCourse(course.id, { decision: 'approve', comment: comment.trim() || undefined }), t('review.approved'));

  const giveBack = () => {
    if (comment.trim().length < 2) {
      setCommentError(t('review.commentRequired'));
      return;
    }
    void act('return', () => reviewCourse(course.id, { decision: 'return', comment: comment.trim() }), t('review.returned'));
  };

  const unpublish = () =>
    modal.confirm({
      title: t('review.unpublish'),
      content: t('review.unpublishConfirm', { title: course.title }),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      okText: t('review.unpublish'),
      onOk: () => act('unpublish', () => unpublishCourse(course.id), t('review.unpublished')),
    });

  const reviewer = me.role === 'institution_admin' || me.role === 'sys_admin';
  const mayUnpublish = reviewer && course.status === 'published';

  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/review')} style={{ paddingInline: 0, marginBottom: 4 }} data-testid="back-to-review">
        {t('review.backToList')}
      </Button>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span data-testid="review-title">{course.title}</span>
            <CourseStatusTag status={course.status} />
          </Space>
        }
        subtitle={`${course.institutionName} · ${course.instructorNames.join(t('common.listSep'))} · ${t('course.updatedAt')} ${dayjs(course.updatedAt).format('YYYY-MM-DD HH:mm')}`}
        extra={
          course.status === 'published' ? (
            <Button icon={<ExportOutlined />} onClick={() => navigate(`/courses/${course.id}`)}>
              {t('course.preview')}
            </Button>
          ) : null
        }
      />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            {course.can.review && (
              <Card title={t('review.decision')} data-testid="review-decision">
                <Typography.Paragraph type="secondary">{t('review.decisionHint')}</Typography.Paragraph>
                <Input.TextArea
                  value={comment}
                  onChange={(e) => {
                    setComment(e.target.value);
                    setCommentError(null);
                  }}
                  maxLength={1000}
                  showCount
                  autoSize={{ minRows: 3, maxRows: 8 }}
                  placeholder={t('review.commentPlaceholder')}
                  status={commentError ? 'error' : undefined}
                  data-testid="review-comment-input"
                />
                {commentError && (
                  <Typography.Text type="danger" style={{ display: 'block', marginTop: 4 }} data-testid="review-comment-error">
                    {commentError}
                  </Typography.Text>
                )}
                <Flex gap={8} style={{ marginTop: 20 }}>
                  <Button type="primary" icon={<CheckOutlined />} loading={acting === 'approve'} disabled={!!acting} onClick={() => void approve()} data-testid="review-approve">
                    {t('review.approve')}
                  </Button>
                  <Button danger icon={<RollbackOutlined />} loading={acting === 'return'} disabled={!!acting} onClick={giveBack} data-testid="review-return">
                    {t('review.return')}
                  </Button>
                </Flex>
              </Card>
            )}
            {(course.can.publish || mayUnpublish) && (
              <Card title={t('review.publishing')} data-testid="review-publishing">
                <Typography.Paragraph type="secondary">
                  {course.status === 'published' ? t('review.publishedHint') : course.status === 'approved' ? t('review.approvedHint') : t('review.unpublishedHint')}
                </Typography.Paragraph>
                <Flex gap={8}>
                  {course.can.publish && (
                    <Button
                      type="primary"
                      icon={<CloudUploadOutlined />}
                      loading={acting === 'publish'}
                      onClick={() => void act('publish', () => publishCourse(course.id), t('review.publishedDone'))}
                      data-testid="course-publish"
                    >
                      {t('review.publish')}
                    </Button>
                  )}
                  {mayUnpublish && (
                    <Button danger icon={<CloudDownloadOutlined />} loading={acting === 'unpublish'} onClick={unpublish} data-testid="course-unpublish">
                      {t('review.unpublish')}
                    </Button>
                  )}
                </Flex>
              </Card>
            )}
            {!course.can.review && !course.can.publish && !mayUnpublish && (
              <Alert type="info" showIcon title={t('review.nothingToDo')} data-testid="review-nothing" />
            )}
            {course.reviewComment && (
              <Alert type={course.status === 'returned' ? 'warning' : 'info'} showIcon title={t('builder.reviewCommentTitle')} description={course.reviewComment} />
            )}
            <OutlineEditor course={course} editable={false} limits={undefined} onChange={setCourse} reload={reload} onPreview={setPreview} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <CourseFieldsCard course={course} editable={false} onSaved={setCourse} />
        </Col>
      </Row>

      <Modal
        open={!!preview}
        title={preview?.title}
        footer={null}
        width={960}
        onCancel={() => setPreview(null)}
        destroyOnHidden
        data-testid="preview-modal"
      >
        {preview && (
          <>
            <LessonPlayer lessonId={preview.id} />
            <Flex justify="flex-end" style={{ marginTop: 8 }}>
              <Button type="link" size="small" icon={<ExportOutlined />} onClick={() => navigate(`/lessons/${preview.id}?course=${course.id}`, { state: { back: `/review/${course.id}` } })}>
                {t('review.openPlayer')}
              </Button>
            </Flex>
          </>
        )}
      </Modal>
    </>
  );
}
