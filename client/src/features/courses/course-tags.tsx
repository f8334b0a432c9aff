import { COURSE_STATUS_LABELS, type CourseStatus, type CourseSummary } from '@xueshi/shared';
import { Tag } from 'antd';
import { useI18n } from '../../lib/i18n';

const STATUS_COLORS: Record<CourseStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  approved: 'cyan',
  published: 'success',
  unpublished: 'warning',
};

export function CourseStatusTag({ status }: { status: CourseStatus }) {
  const { label } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="course-status">
      {label(COURSE_STATUS_LABELS[status])}
    </Tag>
  );
}

/** 必修 / 选修 */
export function RequiredTag({ required }: { required: boolean }) {
  const { t } = useI18n();
  return required ? (
    <Tag color="volcano" data-testid="tag-required">
      {t('course.required')}
    </Tag>
  ) : (
    <Tag color="blue" data-testid="tag-elective">
      {t('course.elective')}
    </Tag>
  );
}

export function MicroTag() {
  const { t } = useI18n();
  return <Tag color="purple">{t('course.micro')}</Tag>;
}

export function SharingTag({ sharing }: { sharing: CourseSummary['sharing'] }) {
  const { t } = useI18n();
  return sharing === 'shared' ? <Tag color="geekblue">{t('course.sharingShared')}</Tag> : <Tag>{t('course.sharingInstitution')}</Tag>;
}

/** The caller's enrolment: assigned by the unit or class, or chosen. */
export function EnrolmentTag({ enrolment }: { enrolment: CourseSummary['enrolment'] }) {
  const { t } = useI18n();
  if (enrolment === 'assigned') return <Tag color="gold" data-testid="enrolment-tag">{t('course.enrolAssigned')}</Tag>;
  if (enrolment === 'elective') return <Tag color="green" data-testid="enrolment-tag">{t('course.enrolElective')}</Tag>;
  return null;
}
