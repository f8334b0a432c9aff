import type { CatalogQuery, CoursePage } from '@xueshi/shared';
import { Alert, Card, Col, Empty, Flex, Input, Pagination, Row, Select, Skeleton } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { useCategories } from '../courses/use-categories';
import { CourseCard } from './course-card';

const PAGE_SIZE = 12;

interface Props {
  load: (q: CatalogQuery, signal: AbortSignal) => Promise<CoursePage>;
  empty: ReactNode;
  testId: string;
  /** show the caller's enrolment on each card (officials) */
  showEnrolment?: boolean;
}

/** Course cards with search, category, required/elective and institution filters kept in the URL. */
export function CourseBrowser({ load, empty, testId, showEnrolment = true }: Props) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const { options: categoryOptions, nameOf } = useCategories();
  // GET /api/institutions is for admins: the institution filter offers those seen in the results
  const [institutions, setInstitutions] = useState<Map<string, string>>(new Map());

  const q = params.get('q') ?? '';
  const categoryId = params.get('category') ?? undefined;
  const required = params.get('required') === 'true' || params.get('required') === 'false' ? (params.get('required') as 'true' | 'false') : undefined;
  const institutionId = params.get('institution') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);

  const { data, loading, error } = useAsync<CoursePage>(
    (signal) => load({ q: q || undefined, categoryId, required, institutionId, page, pageSize: PAGE_SIZE }, signal),
    [q, categoryId, required, institutionId, page],
  );

  useEffect(() => {
    if (!data?.items.length) return;
    setInstitutions((prev) => {
      const added = data.items.filter((c) => !prev.has(c.institutionId));
      if (!added.length) return prev;
      const next = new Map(prev);
      for (const c of added) next.set(c.institutionId, c.institutionName);
      return next;
    });
  }, [data]);

  const set = (changes: Record<string, string | number | undefined | null>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (resetPage) next.delete('page');
    setParams(next, { replace: true });
  };

  const filtered = !!(q || categoryId || required || institutionId);

  return (
    <>
      <Card styles={{ body: { padding: 12 } }} style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <Input.Search
            key={q}
            defaultValue={q}
            allowClear
            placeholder={t('catalog.searchPlaceholder')}
            onSearch={(v) => set({ q: v.trim() })}
            style={{ width: 260 }}
            data-testid="catalog-search"
          />
          <Select
            allowClear
            placeholder={t('course.category')}
            value={categoryId}
            onChange={(v) => set({ category: v })}
            options={categoryOptions}
            style={{ width: 200 }}
            data-testid="catalog-filter-category"
          />
          <Select
            allowClear
            placeholder={t('catalog.requiredFilter')}
            value={required}
            onChange={(v) => set({ required: v })}
            options={[
              { value: 'true', label: t('course.required') },
              { value: 'false', label: t('course.elective') },
            ]}
            style={{ width: 130 }}
            data-testid="catalog-filter-required"
          />
          <Select
            allowClear
            placeholder={t('course.institution')}
            value={institutionId}
            onChange={(v) => set({ institution: v })}
            options={[...institutions].map(([value, label]) => ({ value, label }))}
            notFoundContent={t('catalog.institutionFromResults')}
            style={{ width: 200 }}
            data-testid="catalog-filter-institution"
          />
        </Flex>
      </Card>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} /> : null}
      {loading && !data ? (
        <Row gutter={[16, 16]}>
          {Array.from({ length: 4 }, (_, i) => (
            <Col key={i} xs={24} sm={12} lg={8} xxl={6}>
              <Card>
                <Skeleton active />
              </Card>
            </Col>
          ))}
        </Row>
      ) : data && data.items.length === 0 ? (
        <Card>
          <Empty description={filtered ? t('catalog.emptyFiltered') : empty} data-testid={`${testId}-empty`} />
        </Card>
      ) : (
        <div style={{ opacity: loading ? 0.6 : 1, transition: 'opacity .2s' }} data-testid={testId}>
          <Row gutter={[16, 16]}>
            {data?.items.map((c) => (
              <Col key={c.id} xs={24} sm={12} lg={8} xxl={6}>
                <CourseCard course={c} categoryName={nameOf(c.categoryId, c.categoryName)} showEnrolment={showEnrolment} />
              </Col>
            ))}
          </Row>
          {data && data.total > PAGE_SIZE && (
            <Flex justify="center" style={{ marginTop: 20 }}>
              <Pagination
                current={page}
                pageSize={PAGE_SIZE}
                total={data.total}
                showSizeChanger={false}
                showTotal={(total) => t('common.total', { total })}
                onChange={(p) => set({ page: p === 1 ? undefined : p }, false)}
              />
            </Flex>
          )}
        </div>
      )}
    </>
  );
}
