import { PlusOutlined } from '@ant-design/icons';
import { COURSE_STATUS_LABELS, COURSE_STATUSES, type CoursePage, type CourseStatus, type CourseSummary } from '@xueshi/shared';
import { Alert, Button, Card, Flex, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fetchManagedCourses } from '../../api/courses';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { useMe } from '../auth/auth-context';
import { CourseCreateModal } from './course-create-modal';
import { CourseStatusTag, MicroTag, RequiredTag } from './course-tags';
import { formatDuration, formatHours } from './format';
import { useCategories } from './use-categories';

const EDITABLE: CourseStatus[] = ['draft', 'returned', 'unpublished'];

/** 课程管理: the courses an instructor teaches, or all of an institution's, in every status. */
export function ManagedCoursesPage() {
  const me = useMe();
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const { nameOf } = useCategories();

  const q = params.get('q') ?? '';
  const statusParam = params.get('status');
  const status = statusParam && (COURSE_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as CourseStatus) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('size')) || 20));

  const { data, loading, error } = useAsync<CoursePage>(
    (signal) => fetchManagedCourses({ q: q || undefined, status, page, pageSize }, signal),
    [q, status, page, pageSize],
  );

  const set = (changes: Record<string, string | number | undefined | null>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (resetPage) next.delete('page');
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<CourseSummary> = [
    {
      title: t('course.title'),
      dataIndex: 'title',
      width: 230,
      render: (_, c) => (
        <Space size={4} orientation="vertical" style={{ minWidth: 0 }}>
          <Link to={`/courses/${c.id}/edit`} data-testid={`course-link-${c.id}`}>
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
    { title: t('course.category'), dataIndex: 'categoryId', width: 130, render: (_, c) => nameOf(c.categoryId, c.categoryName) },
    ...(me.role !== 'instructor'
      ? [{ title: t('course.instructors'), key: 'instructors', width: 120, render: (_: unknown, c: CourseSummary) => c.instructorNames.join(t('common.listSep')) || t('common.none') }]
      : []),
    { title: t('course.creditHours'), dataIndex: 'creditHours', width: 70, align: 'right', render: (v: number) => formatHours(v) },
    { title: t('course.lessons'), dataIndex: 'lessonCount', width: 60, align: 'right' },
    { title: t('course.duration'), dataIndex: 'durationSeconds', width: 80, align: 'right', render: (v: number) => <span className="xs-mono">{formatDuration(v)}</span> },
    { title: t('course.status'), dataIndex: 'status', width: 90, render: (_, c) => <CourseStatusTag status={c.status} /> },
    { title: t('course.updatedAt'), dataIndex: 'updatedAt', width: 110, render: (v: string) => <span title={dayjs(v).format('YYYY-MM-DD HH:mm')}>{dayjs(v).format('YYYY-MM-DD')}</span> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_, c) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => navigate(`/courses/${c.id}/edit`)} data-testid={`course-edit-${c.id}`}>
            {EDITABLE.includes(c.status) ? t('common.edit') : t('course.view')}
          </Button>
          {c.status === 'published' && (
            <Button type="link" size="small" onClick={() => navigate(`/courses/${c.id}`)}>
              {t('course.preview')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);

  return (
    <>
      <PageHeader
        title={t('menu.courseManage')}
        subtitle={me.role === 'institution_admin' ? `${me.institutionName ?? ''} · ${t('course.manageScopeInstitution')}` : t('course.manageScopeInstructor')}
      />
      <Card>
        <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 12 }}>
          <Flex gap={8} wrap>
            <Input.Search
              key={q}
              defaultValue={q}
              allowClear
              placeholder={t('course.searchPlaceholder')}
              onSearch={(v) => set({ q: v.trim() })}
              style={{ width: 240 }}
              data-testid="courses-search"
            />
            <Select
              allowClear
              placeholder={t('course.filterStatus')}
              value={status}
              onChange={(v) => set({ status: v })}
              options={COURSE_STATUSES.map((s) => ({ value: s, label: label(COURSE_STATUS_LABELS[s]) }))}
              style={{ width: 140 }}
              data-testid="courses-filter-status"
            />
          </Flex>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="course-create">
            {t('course.create')}
          </Button>
        </Flex>
        {error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} /> : null}
        <Table<CourseSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: scrollX }}
          data-testid="managed-courses-table"
          onRow={(c) => ({ 'data-testid': `course-row-${c.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: q || status ? t('course.emptyFiltered') : t('course.emptyManaged') }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }, false),
          }}
        />
      </Card>
      <CourseCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          navigate(`/courses/${c.id}/edit`);
        }}
      />
    </>
  );
}
