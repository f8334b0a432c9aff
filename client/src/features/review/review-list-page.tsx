import type { CoursePage, CourseStatus, CourseSummary } from '@xueshi/shared';
import { Alert, Badge, Button, Card, Input, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fetchManagedCourses } from '../../api/courses';
import { PageHeader } from '../../components/page-header';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { useMe } from '../auth/auth-context';
import { CourseStatusTag, MicroTag, RequiredTag } from '../courses/course-tags';
import { formatDuration, formatHours } from '../courses/format';
import { useCategories } from '../courses/use-categories';

const TABS: { key: CourseStatus; label: MessageKey }[] = [
  { key: 'submitted', label: 'review.tabSubmitted' },
  { key: 'approved', label: 'review.tabApproved' },
  { key: 'published', label: 'review.tabPublished' },
  { key: 'unpublished', label: 'review.tabUnpublished' },
];

/** 课程审核: submitted courses to approve or return; approved and published ones to publish or take down. */
export function ReviewListPage() {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { nameOf } = useCategories();
  const tab = (TABS.find((x) => x.key === params.get('tab'))?.key ?? 'submitted') as CourseStatus;
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = 20;

  const { data, loading, error } = useAsync<CoursePage>(
    (signal) => fetchManagedCourses({ status: tab, q: q || undefined, page, pageSize }, signal),
    [tab, q, page],
  );
  // the count of waiting courses on the first tab, whichever tab is open
  const { data: waiting } = useAsync<CoursePage>((signal) => fetchManagedCourses({ status: 'submitted', pageSize: 1 }, signal), [tab]);

  const set = (changes: Record<string, string | number | undefined>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (resetPage) next.delete('page');
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<CourseSummary> = [
    {
      title: t('course.title'),
      dataIndex: 'title',
      width: 220,
      render: (_, c) => (
        <Space size={4} orientation="vertical">
          <Link to={`/review/${c.id}`}>
            <Typography.Text strong style={{ color: 'inherit' }}>
              {c.title}
            </Typography.Text>
          </Link>
          <Space size={0} wrap>
            <RequiredTag required={c.required} />
            {c.microLecture && <MicroTag />}
          </Space>
        </Space>
      ),
    },
    ...(me.role === 'sys_admin' ? [{ title: t('course.institution'), dataIndex: 'institutionName', width: 160 }] : []),
    { title: t('course.category'), dataIndex: 'categoryId', width: 130, render: (_, c) => nameOf(c.categoryId, c.categoryName) },
    ...(me.role !== 'sys_admin'
      ? [{ title: t('course.instructors'), key: 'instructors', width: 120, render: (_: unknown, c: CourseSummary) => c.instructorNames.join(t('common.listSep')) || t('common.none') }]
      : []),
    { title: t('course.lessons'), dataIndex: 'lessonCount', width: 60, align: 'right' },
    { title: t('course.duration'), dataIndex: 'durationSeconds', width: 80, align: 'right', render: (v: number) => <span className="xs-mono">{formatDuration(v)}</span> },
    { title: t('course.creditHours'), dataIndex: 'creditHours', width: 70, align: 'right', render: (v: number) => formatHours(v) },
    { title: t('course.status'), dataIndex: 'status', width: 90, render: (_, c) => <CourseStatusTag status={c.status} /> },
    { title: t('course.updatedAt'), dataIndex: 'updatedAt', width: 110, render: (v: string) => <span title={dayjs(v).format('YYYY-MM-DD HH:mm')}>{dayjs(v).format('YYYY-MM-DD')}</span> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => navigate(`/review/${c.id}`)} data-testid={`review-open-${c.id}`}>
          {c.status === 'submitted' ? t('review.open') : t('course.view')}
        </Button>
      ),
    },
  ];
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);

  return (
    <>
      <PageHeader title={t('menu.review')} subtitle={me.role === 'institution_admin' ? `${me.institutionName ?? ''} · ${t('review.scopeInstitution')}` : t('review.scopeAll')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => set({ tab: k === 'submitted' ? undefined : k })}
          items={TABS.map((x) => ({
            key: x.key,
            label:
              x.key === 'submitted' ? (
                <Space size={6}>
                  {t(x.label)}
                  <Badge count={waiting?.total ?? 0} size="small" />
                </Space>
              ) : (
                t(x.label)
              ),
          }))}
          tabBarExtraContent={
            <Input.Search
              key={q}
              defaultValue={q}
              allowClear
              placeholder={t('course.searchPlaceholder')}
              onSearch={(v) => set({ q: v.trim() })}
              style={{ width: 220 }}
              data-testid="review-search"
            />
          }
          data-testid="review-tabs"
        />
        {error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} /> : null}
        <Table<CourseSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: scrollX }}
          data-testid="review-table"
          onRow={(c) => ({ 'data-testid': `review-row-${c.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: tab === 'submitted' ? t('review.emptySubmitted') : t('review.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p) => set({ page: p === 1 ? undefined : p }, false),
          }}
        />
      </Card>
    </>
  );
}
