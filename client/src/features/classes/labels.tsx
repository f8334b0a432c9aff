import { ASSESSMENT_POINT_LABELS, ASSESSMENT_POINTS, CLASS_KIND_LABELS, type AssessmentRecord, type ClassView } from '@xueshi/shared';
import { Col, Flex, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n, type I18n, type MessageKey } from '../../lib/i18n';
import { classPhase, peerWindow, score1, type ClassPhase, type ClassRole, type PeerWindow, type Point } from './class-rules';

const KIND_COLORS: Record<ClassView['kind'], string> = {
  initial: 'blue',
  appointment: 'geekblue',
  specialised: 'purple',
  in_service: 'cyan',
  grassroots: 'green',
  paired: 'gold',
};

/** 初任培训、任职培训 …: the kind of a class */
export function ClassKindTag({ kind }: { kind: ClassView['kind'] }) {
  const { label } = useI18n();
  return (
    <Tag color={KIND_COLORS[kind]} data-testid="class-kind">
      {label(CLASS_KIND_LABELS[kind])}
    </Tag>
  );
}

const ROLE_KEYS: Record<ClassRole, MessageKey> = { member: 'class.roleMember', instructor: 'class.roleInstructor', admin: 'class.roleAdmin' };
const ROLE_COLORS: Record<ClassRole, string> = { member: 'blue', instructor: 'purple', admin: 'default' };

/** The caller's place in a class: 学员, 授课教师 or 管理员. */
export function ClassRoleTag({ role }: { role: ClassRole }) {
  const { t } = useI18n();
  return (
    <Tag color={ROLE_COLORS[role]} variant="outlined" data-testid="class-role" data-role={role}>
      {t(ROLE_KEYS[role])}
    </Tag>
  );
}

const PHASE: Record<ClassPhase, { key: MessageKey; color: string }> = {
  upcoming: { key: 'class.statusUpcoming', color: 'default' },
  ongoing: { key: 'class.statusOngoing', color: 'processing' },
  ended: { key: 'class.statusEnded', color: 'success' },
};

export function ClassPhaseTag({ c }: { c: Pick<ClassView, 'startsOn' | 'endsOn'> }) {
  const { t } = useI18n();
  const p = PHASE[classPhase(c)];
  return (
    <Tag color={p.color} data-testid="class-phase">
      {t(p.key)}
    </Tag>
  );
}

export const dateTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** 民主评议 in a few words: 未安排 / 3月5日 开始 / 进行中，3月9日 截止 / 已结束 */
export function peerWindowText(i18n: Pick<I18n, 't'>, c: Pick<ClassView, 'peerReviewOpensAt' | 'peerReviewClosesAt'>): { text: string; state: PeerWindow } {
  const state = peerWindow(c.peerReviewOpensAt, c.peerReviewClosesAt);
  const text =
    state === 'none'
      ? i18n.t('class.peerNone')
      : state === 'upcoming'
        ? i18n.t('class.peerUpcoming', { date: dateTime(c.peerReviewOpensAt!) })
        : state === 'open'
          ? i18n.t('class.peerOpen', { date: dateTime(c.peerReviewClosesAt!) })
          : i18n.t('class.peerClosed');
  return { text, state };
}

const MISSING_KEYS: Record<string, MessageKey> = { instructor: 'record.missingInstructor', peer: 'record.missingPeer', exam: 'record.missingExam' };

/** "教师评分、民主评议": what a record still lacks, in words */
export function missingText(i18n: Pick<I18n, 't'>, missing: readonly string[]): string {
  return missing.map((m) => (MISSING_KEYS[m] ? i18n.t(MISSING_KEYS[m]) : m)).join(i18n.t('common.listSep'));
}

/** 合格 / 不合格 / 待评定 */
export function ResultTag({ record, testId, large = false }: { record: Pick<AssessmentRecord, 'passed'>; testId?: string; large?: boolean }) {
  const { t } = useI18n();
  const state = record.passed === null ? 'pending' : record.passed ? 'passed' : 'failed';
  return (
    <Tag
      color={state === 'pending' ? 'default' : state === 'passed' ? 'success' : 'error'}
      data-testid={testId}
      data-passed={record.passed === null ? '' : String(record.passed)}
      style={large ? { marginInlineEnd: 0, fontSize: 14, lineHeight: '24px', paddingInline: 12 } : { marginInlineEnd: 0 }}
    >
      {t(state === 'pending' ? 'record.pending' : state === 'passed' ? 'record.passed' : 'record.failed')}
    </Tag>
  );
}

/** The four points' figures in a 2×2 grid: 学习态度 90 … (or 4.5 / 5 for the classmates' averages). */
export function FourFigures({ values, max }: { values: Record<Point, number>; max?: number }) {
  const { label } = useI18n();
  return (
    <Row gutter={[16, 6]} style={{ maxWidth: 380 }}>
      {ASSESSMENT_POINTS.map((p) => (
        <Col span={12} key={p}>
          <Flex justify="space-between" gap={8}>
            <Typography.Text type="secondary">{label(ASSESSMENT_POINT_LABELS[p])}</Typography.Text>
            <span className="xs-mono">
              {score1(values[p])}
              {max ? <Typography.Text type="secondary"> / {max}</Typography.Text> : null}
            </span>
          </Flex>
        </Col>
      ))}
    </Row>
  );
}
