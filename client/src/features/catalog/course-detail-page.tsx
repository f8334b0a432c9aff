import { ArrowLeftOutlined, AuditOutlined, CheckCircleOutlined, EditOutlined, FilePdfOutlined, FormOutlined, PlayCircleOutlined, ShareAltOutlined } from '@ant-design/icons';
import type { CourseDetail, LessonView, QuizView } from '@xueshi/shared';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { fetchQuizzes } from '../../api/assessment';
import { enrolCourse, fetchCourse } from '../../api/courses';
import { useI18n } from '../../lib/i18n';
import { errorMessage, showServerError } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { CompletionCard } from '../assessment/completion-card';
import { useMe } from '../auth/auth-context';
import { CourseStatusTag, EnrolmentTag, MicroTag, RequiredTag, SharingTag } from '../courses/course-tags';
import { formatDuration, formatHours, lessonLength } from '../courses/format';
import { useCategories } from '../courses/use-categories';
import { playable } from '../player/course-outline-nav';
import { AssignModal } from './assign-modal';
import { CourseCover } from './course-cover';

/** 课程详情: summary, chapters and lessons, enrol / play, and for org admins "assign to a unit". */
export function CourseDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { nameOf } = useCategories();
  const { data, error, loading } = useAsync<CourseDetail>((signal) => fetchCourse(id, signal), [id]);
  const [course, setCourse] = useState<CourseDetail>();
  const [enrolling, setEnrolling] = useState(false);
  const [assigning, setAssigning] = useState(false);

  useEffect(() => {
    if (data) setCourse(data);
  }, [data]);

  // an official's course: what it still needs, and the lessons' quizzes
  const learning = me.role === 'official' && !!course?.enrolment && !!course?.can.play;
  const { data: quizzes } = useAsync<QuizView[]>((signal) => (learning ? fetchQuizzes(id, signal).then((r) => r.items) : Promise.resolve([])), [id, learning]);
  const quizOf = new Map((quizzes ?? []).filter((q) => q.lessonId).map((q) => [q.lessonId!, q]));

  if (!course) {
    if (error && !loading) {
      return (
        <Result
          status="warning"
          title={errorMessage(error)}
          extra={<Button onClick={() => navigate(-1)}>{t('common.back')}</Button>}
        />
      );
    }
    return <Skeleton active paragraph={{ rows: 10 }} />;
  }

  const lessons = course.chapters.flatMap((c) => c.lessons);
  const first = lessons.find(playable);
  const mayAssign = (me.role === 'org_admin' || me.role === 'sys_admin') && course.status === 'published';
  const manages = me.role === 'instructor' || me.role === 'institution_admin' || me.role === 'sys_admin';
  const play = (l: LessonView) => navigate(`/lessons/${l.id}?course=${course.id}`);

  const enrol = async () => {
    setEnrolling(true);
    try {
      setCourse(await enrolCourse(course.id));
      message.success(t('course.enrolledDone'));
    } catch (e) {
      showServerError(e, message);
    } finally {
      setEnrolling(false);
    }
  };

  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ paddingInline: 0, marginBottom: 4 }} data-testid="detail-back">
        {t('common.back')}
      </Button>
      <Card styles={{ body: { padding: 0 } }} style={{ overflow: 'hidden', marginBottom: 16 }} data-testid="course-detail">
        <Row>
          <Col xs={24} md={9} xl={7}>
            <CourseCover url={course.coverUrl} seed={course.categoryId} caption={nameOf(course.categoryId, course.categoryName)} />
          </Col>
          <Col xs={24} md={15} xl={17}>
            <Flex vertical gap={10} style={{ padding: '18px 22px' }}>
              <Space size={6} wrap>
                <RequiredTag required={course.required} />
                {course.microLecture && <MicroTag />}
                <SharingTag sharing={course.sharing} />
                {course.status !== 'published' && <CourseStatusTag status={course.status} />}
                <EnrolmentTag enrolment={course.enrolment} />
              </Space>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="detail-title">
                {course.title}
              </Typography.Title>
              <Flex gap={28} wrap align="baseline">
                <span>
                  <span style={{ fontSize: 26, fontWeight: 600, color: '#1d4f91' }} data-testid="detail-credit">
                    {formatHours(course.creditHours)}
                  </span>{' '}
                  <Typography.Text type="secondary">{t('course.hoursUnit')}</Typography.Text>
                </span>
                <Typography.Text type="secondary">
                  {t('course.lessonCountN', { n: course.lessonCount })} · {t('course.duration')} <span className="xs-mono">{formatDuration(course.durationSeconds)}</span>
                </Typography.Text>
              </Flex>
              <Flex gap={8} wrap>
                {course.can.enrol && (
                  <Button type="primary" size="large" icon={<CheckCircleOutlined />} loading={enrolling} onClick={enrol} data-testid="course-enrol">
                    {t('course.enrol')}
                  </Button>
                )}
                {course.can.play && first && (
                  <Button type={course.can.enrol ? 'default' : 'primary'} size="large" icon={<PlayCircleOutlined />} onClick={() => play(first)} data-testid="course-start">
                    {t('course.startLearning')}
                  </Button>
                )}
                {mayAssign && (
                  <Button size="large" icon={<ShareAltOutlined />} onClick={() => setAssigning(true)} data-testid="course-assign">
                    {t('assign.button')}
                  </Button>
                )}
                {manages && course.can.edit && (
                  <Button size="large" icon={<EditOutlined />} onClick={() => navigate(`/courses/${course.id}/edit`)} data-testid="course-edit">
                    {t('common.edit')}
                  </Button>
                )}
                {course.can.review && (
                  <Button size="large" icon={<AuditOutlined />} onClick={() => navigate(`/review/${course.id}`)}>
                    {t('builder.goReview')}
                  </Button>
                )}
              </Flex>
              {me.role === 'official' && course.required && !course.enrolment && (
                <Alert type="info" showIcon title={t('course.requiredNote')} data-testid="required-note" style={{ maxWidth: 560 }} />
              )}
            </Flex>
          </Col>
        </Row>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('outline.title')} data-testid="detail-outline">
            <Flex vertical gap={16}>
              {course.chapters.map((c) => (
                <div key={c.id}>
                  <Typography.Text strong style={{ display: 'block', marginBottom: 6, fontSize: 15 }}>
                    {c.title}
                  </Typography.Text>
                  {c.lessons.map((l) => (
                    <Flex key={l.id} align="center" justify="space-between" gap={12} className="xs-detail-lesson" data-testid={`detail-lesson-${l.id}`}>
                      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
                        {l.kind === 'video' ? <PlayCircleOutlined style={{ color: '#1d4f91' }} /> : <FilePdfOutlined style={{ color: '#b3261e' }} />}
                        <Typography.Text ellipsis>{l.title}</Typography.Text>
                      </Flex>
                      <Flex align="center" gap={12} style={{ flex: 'none' }}>
                        <Typography.Text type="secondary" className="xs-mono">
                          {lessonLength(l, t)}
                        </Typography.Text>
                        {learning && quizOf.has(l.id) && (
                          <Button
                            size="small"
                            type="link"
                            icon={<FormOutlined />}
                            onClick={() => navigate(`/courses/${course.id}/quizzes/${quizOf.get(l.id)!.id}`)}
                            data-testid="lesson-quiz"
                          >
                            {quizOf.get(l.id)!.passed ? t('quiz.lessonQuizPassed') : t('quiz.lessonQuizShort')}
                          </Button>
                        )}
                        {course.can.play && playable(l) && (
                          <Button size="small" type="link" icon={<PlayCircleOutlined />} onClick={() => play(l)} data-testid="lesson-play">
                            {l.kind === 'video' ? t('course.play') : t('course.read')}
                          </Button>
                        )}
                      </Flex>
                    </Flex>
                  ))}
                </div>
              ))}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          {learning && (
            <div style={{ marginBottom: 16 }}>
              <CompletionCard courseId={course.id} />
            </div>
          )}
          <Card title={t('course.about')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="detail-summary">
              {course.summary || t('course.noSummary')}
            </Typography.Paragraph>
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { whiteSpace: 'nowrap' } }}
              items={[
                { key: 'category', label: t('course.category'), children: nameOf(course.categoryId, course.categoryName) },
                { key: 'instructors', label: t('course.instructors'), children: course.instructorNames.join(t('common.listSep')) || t('common.none') },
                { key: 'institution', label: t('course.institution'), children: course.institutionName },
                { key: 'credit', label: t('course.creditHours'), children: formatHours(course.creditHours) },
                ...(course.publishedAt ? [{ key: 'published', label: t('course.publishedAt'), children: course.publishedAt.slice(0, 10) }] : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
      {mayAssign && <AssignModal course={course} open={assigning} onClose={() => setAssigning(false)} />}
    </>
  );
}
