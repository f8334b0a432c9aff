import type { ClassView } from '@xueshi/shared';
import { Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { fetchQuizzes } from '../../api/assessment';
import { fetchCourse } from '../../api/courses';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/use-async';
import { daysOf, weightShares } from './class-rules';
import { ClassChecksCard } from './class-checks-card';
import { ClassStatusTag, LevelTag } from './class-status';
import { ClassKindTag, dateTime, peerWindowText } from './labels';
import { MembersCard } from './members-card';

/** 班次信息: dates, the assessment rules (weights, pass mark, exam, peer review), instructors and the trainees. */
export function ClassInfoPanel({ cls, onChange }: { cls: ClassView; onChange?: (c: ClassView) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const share = weightShares(cls);
  const peer = peerWindowText(i18n, cls);
  // the exam's course and title, as far as the caller may read them
  const { data: exam } = useAsync(
    async (signal) => {
      if (!cls.examCourseId || !cls.examQuizId) return null;
      const [course, quizzes] = await Promise.allSettled([fetchCourse(cls.examCourseId, signal), fetchQuizzes(cls.examCourseId, signal)]);
      return {
        course: course.status === 'fulfilled' ? course.value.title : null,
        quiz: quizzes.status === 'fulfilled' ? (quizzes.value.items.find((q) => q.id === cls.examQuizId) ?? null) : null,
      };
    },
    [cls.examCourseId, cls.examQuizId],
  );

  const weightLine = (name: string, weight: number, pct: number, counted = true) => (
    <div>
      <Typography.Text>{name}</Typography.Text>{' '}
      <Typography.Text type="secondary">{t('info.weightOf', { w: weight })}</Typography.Text>{' '}
      {counted ? (
        <Tag color="blue" variant="outlined">
          {t('record.weightShare', { pct })}
        </Tag>
      ) : (
        <Tag variant="outlined">{t('record.notCounted')}</Tag>
      )}
    </div>
  );

  return (
    <Row gutter={[16, 16]} data-testid="class-info">
      {cls.myRole === 'admin' && (
        <Col span={24}>
          <ClassChecksCard cls={cls} style={{ marginBottom: 0 }} />
        </Col>
      )}
      <Col xs={24} xl={12}>
        <Card title={t('info.basic')} style={{ height: '100%' }}>
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
            items={[
              { key: 'title', label: t('class.title'), children: cls.title },
              {
                key: 'kind',
                label: t('class.kind'),
                children: (
                  <span>
                    <ClassKindTag kind={cls.kind} />
                    <LevelTag level={cls.appointmentLevel} />
                  </span>
                ),
              },
              { key: 'status', label: t('ca.status'), children: <ClassStatusTag status={cls.status} /> },
              { key: 'institution', label: t('ca.institution'), children: cls.institutionName },
              {
                key: 'dates',
                label: t('class.dates'),
                children: (
                  <span>
                    <span className="xs-mono">
                      {cls.startsOn} ~ {cls.endsOn}
                    </span>
                    <Typography.Text type="secondary"> · {t('class.daysN', { n: daysOf(cls) })}</Typography.Text>
                  </span>
                ),
              },
              {
                key: 'peer',
                label: t('info.peerWindow'),
                children:
                  cls.peerReviewOpensAt && cls.peerReviewClosesAt ? (
                    <span data-testid="info-peer-window">
                      <span className="xs-mono">
                        {dateTime(cls.peerReviewOpensAt)} ~ {dateTime(cls.peerReviewClosesAt)}
                      </span>
                      <Typography.Text type="secondary"> · {peer.text}</Typography.Text>
                    </span>
                  ) : (
                    t('class.peerNone')
                  ),
              },
              {
                key: 'instructors',
                label: t('class.instructors'),
                children: cls.instructors.length ? cls.instructors.map((x) => x.name).join(t('common.listSep')) : t('info.noInstructors'),
              },
              {
                key: 'courses',
                label: t('ca.requiredCourses'),
                children: cls.requiredCourses.length ? (
                  <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }} data-testid="info-required-courses">
                    {cls.requiredCourses.map((c) => (
                      <li key={c.id}>
                        {c.title}
                        <Typography.Text type="secondary"> · {t('ca.courseHours', { h: c.hours })}</Typography.Text>
                        {c.legal && (
                          <Tag color="purple" variant="outlined" style={{ marginInlineStart: 6 }}>
                            {t('ca.legalTag')}
                          </Tag>
                        )}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Typography.Text type="secondary">{t('ca.noRequiredCourses')}</Typography.Text>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('info.assessment')} style={{ height: '100%' }}>
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
            items={[
              { key: 'pass', label: t('class.passScore'), children: <span data-testid="info-pass-score">{t('class.passLine', { n: cls.passScore })}</span> },
              {
                key: 'weights',
                label: t('class.weights'),
                children: (
                  <Flex vertical gap={4} data-testid="info-weights">
                    {weightLine(t('class.weightInstructor'), cls.weights.instructor, share.instructor, cls.weights.instructor > 0)}
                    {weightLine(t('class.weightPeer'), cls.weights.peer, share.peer, cls.weights.peer > 0)}
                    {weightLine(t('class.weightExam'), cls.weights.exam, share.exam, share.examCounted)}
                  </Flex>
                ),
              },
              {
                key: 'exam',
                label: t('class.exam'),
                children: !cls.examQuizId ? (
                  <Typography.Text type="secondary">{t('info.examNone')}</Typography.Text>
                ) : (
                  <span data-testid="info-exam">
                    {exam?.quiz?.title ?? t('info.examSet')}
                    {exam?.course ? <Typography.Text type="secondary"> · {exam.course}</Typography.Text> : null}
                    {exam?.quiz ? <Typography.Text type="secondary"> · {t('class.passLine', { n: exam.quiz.passScore })}</Typography.Text> : null}
                  </span>
                ),
              },
              { key: 'how', label: t('info.how'), children: <Typography.Text type="secondary">{t('record.howTotal')}</Typography.Text> },
            ]}
          />
        </Card>
      </Col>
      <Col span={24}>
        <MembersCard cls={cls} onChange={onChange} />
      </Col>
    </Row>
  );
}
