import { fetchCatalog } from '../../api/courses';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../auth/auth-context';
import { CourseBrowser } from './course-browser';

/** 课程中心: the published courses. Officials enrol in electives; admins browse and assign. */
export function CatalogPage() {
  const me = useMe();
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('menu.catalog')} subtitle={me.role === 'official' ? t('catalog.subtitleOfficial') : t('catalog.subtitleAdmin')} />
      <CourseBrowser load={(q, signal) => fetchCatalog(q, signal)} empty={t('catalog.empty')} testId="catalog" showEnrolment={me.role === 'official'} />
    </>
  );
}
