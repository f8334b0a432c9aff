import { ClockCircleOutlined, FileTextOutlined, UserOutlined } from '@ant-design/icons';
import type { CourseSummary } from '@xueshi/shared';
import { Card, Flex, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { EnrolmentTag, RequiredTag } from '../courses/course-tags';
import { formatDuration, formatHours } from '../courses/format';
import { CourseCover } from './course-cover';

/** A course in the catalogue or among "my courses". */
export function CourseCard({ course, categoryName, showEnrolment = true }: { course: CourseSummary; categoryName: string; showEnrolment?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card
      hoverable
      className="xs-course-card"
      cover={
        <div style={{ position: 'relative' }}>
          <CourseCover url={course.coverUrl} seed={course.categoryId} caption={categoryName} />
          <Flex gap={4} style={{ position: 'absolute', top: 8, left: 8 }}>
            <RequiredTag required={course.required} />
            {course.microLecture && <Tag color="purple">{t('course.micro')}</Tag>}
          </Flex>
          <span className="xs-cover-time xs-mono">{formatDuration(course.durationSeconds)}</span>
        </div>
      }
      styles={{ body: { padding: 14 } }}
      onClick={() => navigate(`/courses/${course.id}`)}
      data-testid={`course-card-${course.id}`}
    >
      <Typography.Paragraph strong ellipsis={{ rows: 2, tooltip: course.title }} style={{ fontSize: 15, minHeight: 44, marginBottom: 6 }} data-testid="course-card-title">
        {course.title}
      </Typography.Paragraph>
      <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12, marginBottom: 8 }}>
        {categoryName} · {course.institutionName}
      </Typography.Text>
      <Flex gap={12} wrap style={{ fontSize: 12, color: '#5b6573', marginBottom: 8 }}>
        <span>
          <b style={{ color: '#1d4f91', fontSize: 15 }}>{formatHours(course.creditHours)}</b> {t('course.hoursUnit')}
        </span>
        <span>
          <FileTextOutlined /> {t('course.lessonCountN', { n: course.lessonCount })}
        </span>
        <span>
          <ClockCircleOutlined /> {formatDuration(course.durationSeconds)}
        </span>
      </Flex>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, minWidth: 0 }}>
          <UserOutlined /> {course.instructorNames.join(t('common.listSep')) || t('common.none')}
        </Typography.Text>
        {showEnrolment &&
          (course.enrolment ? (
            <EnrolmentTag enrolment={course.enrolment} />
          ) : (
            <Tag style={{ marginInlineEnd: 0 }} data-testid="enrolment-tag">
              {t('course.notEnrolled')}
            </Tag>
          ))}
      </Flex>
    </Card>
  );
}
