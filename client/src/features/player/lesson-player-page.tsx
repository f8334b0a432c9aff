import { ArrowLeftOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { CourseDetail, LessonView } from '@xueshi/shared';
import { Alert, Button, Card, Col, Flex, Row, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { fetchCourse } from '../../api/courses';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/use-async';
import { CompletionCard } from '../assessment/completion-card';
import { useMe } from '../auth/auth-context';
import { formatDuration } from '../courses/format';
import { CourseOutlineNav, playable } from './course-outline-nav';
import { LessonPlayer } from './lesson-player';

/** Where "back" goes: the page that opened the player (builder, review), else the course. */
export interface PlayerLocationState {
  back?: string;
}

/** 课时播放: the lesson's video or document, the course's chapters beside it, previous / next. */
export function LessonPlayerPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const courseId = params.get('course');
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const back = (location.state as PlayerLocationState | null)?.back ?? (courseId ? `/courses/${courseId}` : null);
  // a document read for credit: the seconds each page must be shown, once the session says
  const [secondsPerPage, setSecondsPerPage] = useState<number | null>(null);
  const { data: course } = useAsync<CourseDetail | null>((signal) => (courseId ? fetchCourse(courseId, signal) : Promise.resolve(null)), [courseId]);

  const flat = useMemo(() => course?.chapters.flatMap((c) => c.lessons.map((l) => ({ l, chapter: c.title }))) ?? [], [course]);
  const at = flat.findIndex((x) => x.l.id === id);
  const current = at >= 0 ? flat[at] : null;
  const prev = at > 0 ? flat.slice(0, at).reverse().find((x) => playable(x.l)) : undefined;
  const next = at >= 0 ? flat.slice(at + 1).find((x) => playable(x.l)) : undefined;

  const open = (l: LessonView) =>
    navigate(`/lessons/${l.id}?course=${courseId}`, { state: location.state as PlayerLocationState | null, replace: true });

  return (
    <>
      {back && (
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(back)} style={{ paddingInline: 0, marginBottom: 4 }} data-testid="player-back">
          {course ? course.title : t('player.backToCourse')}
        </Button>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card
            title={
              <Space size={8} wrap style={{ minWidth: 0 }}>
                <span data-testid="player-lesson-title">{current ? current.l.title : t('player.title')}</span>
                {current && current.l.kind === 'video' && current.l.durationSeconds !== null && (
                  <Tag className="xs-mono" style={{ fontWeight: 400 }}>
                    {formatDuration(current.l.durationSeconds)}
                  </Tag>
                )}
                {current && current.l.kind === 'document' && current.l.pageCount != null && (
                  <Tag style={{ fontWeight: 400 }}>{t('doc.pages', { n: current.l.pageCount })}</Tag>
                )}
              </Space>
            }
            extra={current ? <Typography.Text type="secondary">{current.chapter}</Typography.Text> : null}
            styles={{ body: { padding: 16 } }}
          >
            <LessonPlayer lessonId={id} courseId={courseId} onDocumentRule={setSecondsPerPage} />
            <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 12 }}>
              <Button icon={<LeftOutlined />} disabled={!prev} onClick={() => prev && open(prev.l)} data-testid="lesson-prev">
                {t('player.prev')}
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12, flex: '1 1 240px', textAlign: 'center' }} data-testid="credit-note">
                {me.role !== 'official'
                  ? t('learn.preview')
                  : current?.l.kind === 'document' || secondsPerPage !== null
                    ? secondsPerPage !== null
                      ? t('learn.documentNote', { s: Math.round(secondsPerPage * 10) / 10 })
                      : t('learn.documentNoteAny')
                    : t('learn.rule')}
              </Typography.Text>
              <Button disabled={!next} onClick={() => next && open(next.l)} data-testid="lesson-next">
                {t('player.next')} <RightOutlined />
              </Button>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card title={t('player.outline')} styles={{ body: { padding: 12, maxHeight: '70vh', overflow: 'auto' } }}>
            {course ? (
              <CourseOutlineNav course={course} currentId={id} onOpen={open} />
            ) : (
              <Alert type="info" showIcon title={courseId ? t('common.loading') : t('player.noCourse')} />
            )}
          </Card>
          {me.role === 'official' && courseId && course?.enrolment && (
            <div style={{ marginTop: 16 }}>
              <CompletionCard courseId={courseId} />
            </div>
          )}
        </Col>
      </Row>
    </>
  );
}
