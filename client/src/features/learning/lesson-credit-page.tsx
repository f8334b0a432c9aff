import { ArrowLeftOutlined, FlagOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { CourseDetail, LessonCreditView } from '@xueshi/shared';
import { Button, Result, Skeleton } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { fetchLessonCredit } from '../../api/credit';
import { fetchCourse } from '../../api/courses';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { AppealModal } from '../supervision/appeal-modal';
import { LessonCreditDetails } from './lesson-credit-details';

/** 课时学时明细: what of one lesson was counted and what was not, and why, second by second (I7). */
export function LessonCreditPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const courseId = params.get('course');
  const { t } = useI18n();
  const navigate = useNavigate();
  const [appealing, setAppealing] = useState(false);
  const { data, error, loading, reload } = useAsync<LessonCreditView>((signal) => fetchLessonCredit(id, signal), [id]);
  const { data: course } = useAsync<CourseDetail | null>((signal) => (courseId ? fetchCourse(courseId, signal) : Promise.resolve(null)), [courseId]);
  const lesson = course?.chapters.flatMap((c) => c.lessons).find((l) => l.id === id);

  if (!data) {
    if (error && !loading) return <Result status="warning" title={errorMessage(error)} extra={<Button onClick={() => navigate(-1)}>{t('common.back')}</Button>} />;
    return <Skeleton active paragraph={{ rows: 10 }} />;
  }

  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ paddingInline: 0, marginBottom: 4 }} data-testid="credit-back">
        {t('common.back')}
      </Button>
      <PageHeader
        title={lesson ? `${t('credit.title')} · ${lesson.title}` : t('credit.title')}
        subtitle={course ? course.title : t('credit.subtitle')}
        extra={
          <>
            <Button onClick={reload}>{t('common.refresh')}</Button>
            {/* 申诉: the official disputes time that was not counted; an admin judges it with this page as evidence */}
            <Button icon={<FlagOutlined />} onClick={() => setAppealing(true)} data-testid="credit-appeal">
              {t('appeal.fileButton')}
            </Button>
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              onClick={() => navigate(`/lessons/${id}${courseId ? `?course=${courseId}` : ''}`)}
              data-testid="credit-open-lesson"
            >
              {t('credit.open')}
            </Button>
          </>
        }
      />
      <LessonCreditDetails data={data} lesson={lesson} />
      <AppealModal
        open={appealing}
        lessonId={id}
        lessonTitle={lesson?.title}
        onClose={() => setAppealing(false)}
        onFiled={(appeal) => navigate(`/appeals/${appeal.id}`)}
      />
    </>
  );
}
