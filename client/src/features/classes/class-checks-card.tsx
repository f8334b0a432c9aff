import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { ClassView } from '@xueshi/shared';
import { Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useI18n } from '../../lib/i18n';
import { days1 } from './class-status';

/** The class totals (总天数、脱产天数、线上学时、法治教育学时). */
export function ClassTotals({ cls }: { cls: ClassView }) {
  const { t } = useI18n();
  const items = [
    { key: 'days', title: t('ca.totalDays'), value: days1(cls.totals.days), suffix: t('ca.dayUnit') },
    { key: 'offline', title: t('ca.offlineDays'), value: days1(cls.totals.offlineDays), suffix: t('ca.dayUnit') },
    { key: 'online', title: t('ca.onlineHours'), value: days1(cls.totals.onlineHours), suffix: t('ca.hourUnit') },
    { key: 'law', title: t('ca.ruleOfLawHours'), value: days1(cls.totals.ruleOfLawHours), suffix: t('ca.hourUnit') },
  ];
  return (
    <Row gutter={[16, 12]} data-testid="class-totals">
      {items.map((i) => (
        <Col xs={12} md={6} key={i.key}>
          <Statistic title={i.title} value={i.value} suffix={i.suffix} data-testid={`class-total-${i.key}`} data-value={i.value} />
        </Col>
      ))}
    </Row>
  );
}

/** The rules the class does not meet yet (P3–P5), or that it meets them all. */
export function ClassProblems({ cls }: { cls: ClassView }) {
  const { t, label } = useI18n();
  if (cls.status === 'finished') return null;
  if (!cls.problems.length) {
    return (
      <Typography.Text type="success" data-testid="class-problems-none">
        <CheckCircleFilled /> {t(cls.status === 'draft' ? 'ca.problemsNoneDraft' : 'ca.problemsNone')}
      </Typography.Text>
    );
  }
  return (
    <div data-testid="class-problems" data-count={cls.problems.length}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
        <ExclamationCircleFilled style={{ color: '#d46b08' }} /> {t(cls.status === 'draft' ? 'ca.problemsTitleDraft' : 'ca.problemsTitle', { n: cls.problems.length })}
      </Typography.Text>
      <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
        {cls.problems.map((p, i) => (
          <li key={`${p.rule}-${p.field}-${i}`} data-testid="class-problem" data-rule={p.rule} data-field={p.field} style={{ padding: '3px 0' }}>
            <Flex gap={8} align="baseline">
              <Tag color="warning" variant="outlined" style={{ marginInlineEnd: 0 }}>
                {p.rule}
              </Tag>
              <span>{label(p)}</span>
            </Flex>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** 培训规定检查: the totals and the problems, for the admin's tabs. */
export function ClassChecksCard({ cls, style }: { cls: ClassView; style?: CSSProperties }) {
  const { t } = useI18n();
  return (
    <Card title={t('ca.checksTitle')} style={{ marginBottom: 16, ...style }} data-testid="class-checks">
      <ClassTotals cls={cls} />
      {cls.status !== 'finished' && (
        <div style={{ marginTop: 16, paddingTop: 12, borderTop: '1px solid #f0f0f0' }}>
          <ClassProblems cls={cls} />
        </div>
      )}
    </Card>
  );
}
