import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BookOutlined,
  CloudUploadOutlined,
  LineChartOutlined,
  ReadOutlined,
  SolutionOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { RANK_LEVEL_LABELS, ROLE_LABELS, type MyProgressResponse, type UserView } from '@xueshi/shared';
import { Alert, Avatar, Button, Card, Col, Descriptions, Flex, Progress, Row, Skeleton, Typography, type DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { fetchMyProgress } from '../../api/credit';
import { BRAND } from '../../lib/theme';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { formatHours } from '../courses/format';
import { mayOpen } from '../../app/layouts/menus';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { useMe } from '../auth/auth-context';
import { FlagTags, RoleTag } from '../users/user-tags';

function ProfileCard({ me }: { me: UserView }) {
  const { t, label, lang } = useI18n();
  const none = t('common.none');
  const isOfficialLike = me.role === 'official' || me.role === 'org_admin';
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('home.name'), children: me.name },
    { key: 'username', label: t('home.username'), children: me.username },
    { key: 'role', label: t('home.role'), children: <RoleTag role={me.role} /> },
    me.institutionName
      ? { key: 'inst', label: t('home.institution'), children: me.institutionName }
      : { key: 'unit', label: t('home.unit'), children: me.orgUnitName ?? none },
    ...(isOfficialLike || me.staffNo ? [{ key: 'staffNo', label: t('home.staffNo'), children: me.staffNo ?? none }] : []),
    { key: 'rank', label: t('home.rank'), children: me.rankLevel ? label(RANK_LEVEL_LABELS[me.rankLevel]) : none },
    { key: 'position', label: t('home.position'), children: me.position ?? none },
    ...(me.role === 'official'
      ? [
          { key: 'entry', label: t('home.entryDate'), children: me.civilServiceEntryDate ?? none },
          { key: 'flags', label: t('home.flags'), children: <FlagTags user={me} /> },
        ]
      : []),
  ];
  const today = dayjs().format(lang === 'zh' ? 'YYYY年M月D日 dddd' : 'dddd, D MMMM YYYY');
  return (
    <Card data-testid="welcome-card">
      <Flex align="center" gap={16} style={{ marginBottom: 20 }}>
        <Avatar size={56} style={{ background: BRAND.primary, fontSize: 24, flex: 'none' }}>
          {me.name.slice(0, 1)}
        </Avatar>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('home.welcome', { name: me.name })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {label(ROLE_LABELS[me.role])}
            {me.orgUnitName || me.institutionName ? ` · ${me.orgUnitName ?? me.institutionName}` : ''} · {t('home.today', { date: today })}
          </Typography.Text>
        </div>
      </Flex>
      <Descriptions
        title={t('home.profile')}
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }}
        styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
        items={items}
        data-testid="profile"
      />
    </Card>
  );
}

function RequirementCard({ me }: { me: UserView }) {
  const { t } = useI18n();
  const year = dayjs().year();
  return (
    <Card
      title={
        <span>
          <ReadOutlined style={{ marginInlineEnd: 8, color: BRAND.primary }} />
          {t('home.requirementTitle', { year })}
        </span>
      }
      data-testid="yearly-requirement"
    >
      <Flex gap={20} align="baseline" wrap style={{ marginBottom: 12 }} data-testid="requirement-figures">
        <span style={{ fontSize: 32, fontWeight: 600, color: BRAND.primary }}>
          90 <span style={{ fontSize: 15, fontWeight: 400 }}>{t('home.unitHours')}</span>
        </span>
        <span style={{ color: '#8c96a3' }}>{t('home.or')}</span>
        <span style={{ fontSize: 32, fontWeight: 600, color: BRAND.primary }}>
          12 <span style={{ fontSize: 15, fontWeight: 400 }}>{t('home.unitDays')}</span>
        </span>
      </Flex>
      <Typography.Paragraph>{t('home.requirementBody')}</Typography.Paragraph>
      {me.lawEnforcement && <Typography.Paragraph>· {t('home.requirementLaw')}</Typography.Paragraph>}
      {me.grassroots && <Typography.Paragraph>· {t('home.requirementGrassroots')}</Typography.Paragraph>}
      <YearProgress />
      <LinkButtons me={me} links={LEARNER_LINKS} />
    </Card>
  );
}

/** This year's credited hours against the requirement (the details are on 我的学习). */
function YearProgress() {
  const { t } = useI18n();
  const { data, error, loading } = useAsync<MyProgressResponse>((signal) => fetchMyProgress(signal), []);
  if (!data) {
    if (error && !loading) return <Alert type="warning" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />;
    return <Skeleton active title={false} paragraph={{ rows: 1 }} />;
  }
  const pct = data.requiredHours > 0 ? Math.min(100, Math.round((data.creditedHours / data.requiredHours) * 1000) / 10) : 100;
  return (
    <div style={{ marginBottom: 16 }} data-testid="home-year-progress">
      <Typography.Text>
        {t('home.yearCredited', { credited: formatHours(data.creditedHours), required: formatHours(data.requiredHours) })}
      </Typography.Text>
      <Progress percent={pct} status={pct >= 100 ? 'success' : 'active'} style={{ margin: 0 }} />
    </div>
  );
}

interface HomeLink {
  path: string;
  icon: ReactNode;
  text: MessageKey;
  testId: string;
}

const LEARNER_LINKS: HomeLink[] = [
  { path: '/catalog', icon: <AppstoreOutlined />, text: 'home.goCatalog', testId: 'home-go-catalog' },
  { path: '/my/courses', icon: <ReadOutlined />, text: 'home.goMyCourses', testId: 'home-go-my-courses' },
  { path: '/my/learning', icon: <LineChartOutlined />, text: 'home.goMyLearning', testId: 'home-go-my-learning' },
  { path: '/classes', icon: <SolutionOutlined />, text: 'home.goMyClasses', testId: 'home-go-classes' },
];

const ADMIN_LINKS: HomeLink[] = [
  { path: '/manage/courses', icon: <BookOutlined />, text: 'home.goCourseManage', testId: 'home-go-course-manage' },
  { path: '/classes', icon: <SolutionOutlined />, text: 'home.goClassManage', testId: 'home-go-classes' },
  { path: '/review', icon: <AuditOutlined />, text: 'home.goReview', testId: 'home-go-review' },
  { path: '/catalog', icon: <AppstoreOutlined />, text: 'home.goCatalog', testId: 'home-go-catalog' },
  { path: '/categories', icon: <TagsOutlined />, text: 'home.goCategories', testId: 'home-go-categories' },
  { path: '/users', icon: <TeamOutlined />, text: 'home.goUsers', testId: 'home-go-users' },
  { path: '/organization', icon: <ApartmentOutlined />, text: 'home.goOrg', testId: 'home-go-org' },
  { path: '/import', icon: <CloudUploadOutlined />, text: 'home.goImport', testId: 'home-go-import' },
];

/** Buttons to the pages of the role's menu among `links`. */
function LinkButtons({ me, links }: { me: UserView; links: HomeLink[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Flex gap={8} wrap>
      {links
        .filter((l) => mayOpen(me.role, l.path))
        .map((l) => (
          <Button key={l.path} icon={l.icon} onClick={() => navigate(l.path)} data-testid={l.testId}>
            {t(l.text)}
          </Button>
        ))}
    </Flex>
  );
}

function AdminCard({ me }: { me: UserView }) {
  const { t } = useI18n();
  const hint =
    me.role === 'sys_admin' ? t('home.adminHintSys') : me.role === 'org_admin' ? t('home.adminHintOrg') : t('home.adminHintInst');
  return (
    <Card title={t('home.adminTitle')} data-testid="admin-card">
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      <LinkButtons me={me} links={ADMIN_LINKS} />
    </Card>
  );
}

export function HomePage() {
  const me = useMe();
  const { t } = useI18n();
  const admin = me.role === 'sys_admin' || me.role === 'org_admin' || me.role === 'institution_admin';
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <ProfileCard me={me} />
      </Col>
      {me.role === 'official' && (
        <Col xs={24} xl={9}>
          <RequirementCard me={me} />
        </Col>
      )}
      {admin && (
        <Col xs={24} xl={9}>
          <AdminCard me={me} />
        </Col>
      )}
      {me.role === 'instructor' && (
        <Col xs={24} xl={9}>
          <Card title={t('menu.courseManage')} data-testid="instructor-card">
            <Typography.Paragraph type="secondary">{t('home.instructorHint')}</Typography.Paragraph>
            <LinkButtons me={me} links={ADMIN_LINKS} />
          </Card>
        </Col>
      )}
    </Row>
  );
}
