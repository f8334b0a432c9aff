import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { fetchMyCourses } from '../../api/courses';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n';
import { CourseBrowser } from './course-browser';

/** 我的课程: what the official is enrolled in, assigned or chosen. */
export function MyCoursesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t('menu.myCourses')}
        subtitle={t('catalog.mySubtitle')}
        extra={
          <Button onClick={() => navigate('/catalog')} data-testid="go-catalog">
            {t('catalog.browse')}
          </Button>
        }
      />
      <CourseBrowser load={(q, signal) => fetchMyCourses(q, signal)} empty={t('catalog.myEmpty')} testId="my-courses" />
    </>
  );
}
