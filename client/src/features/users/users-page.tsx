import { ROLE_LABELS, type Role } from '@xueshi/shared';
import { Card, Flex, Input, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../auth/auth-context';
import { useInstitutions, useOrgUnits } from '../organization/use-org-data';
import { MANAGEABLE_ROLES } from './permissions';
import { UserDirectory, type UserFilters } from './user-directory';

/** 用户管理: the users within the caller's scope, filterable, with the filters in the URL. */
export function UsersPage() {
  const me = useMe();
  const { t, label } = useI18n();
  const [params, setParams] = useSearchParams();
  const inTree = me.role !== 'institution_admin';
  const { options: unitOptions } = useOrgUnits(inTree);
  const { institutions } = useInstitutions();

  const q = params.get('q') ?? '';
  const role = (params.get('role') as Role | null) ?? undefined;
  const unit = params.get('unit') ?? undefined;
  const status = params.get('status') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('size')) || 20));

  const filters = useMemo<UserFilters>(
    () => ({
      q: q || undefined,
      role: role && MANAGEABLE_ROLES[me.role].includes(role) ? role : undefined,
      orgUnitId: inTree ? unit : undefined,
      disabled: status === 'disabled' ? 'true' : status === 'active' ? 'false' : undefined,
    }),
    [q, role, unit, status, inTree, me.role],
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

  const toolbar = (
    <Flex gap={8} wrap>
      <Input.Search
        key={q}
        defaultValue={q}
        allowClear
        placeholder={t('user.searchPlaceholder')}
        onSearch={(v) => set({ q: v.trim() })}
        style={{ width: 240 }}
        data-testid="users-search"
      />
      <Select
        allowClear
        placeholder={t('user.filterRole')}
        value={filters.role}
        onChange={(v) => set({ role: v })}
        options={MANAGEABLE_ROLES[me.role].map((r) => ({ value: r, label: label(ROLE_LABELS[r]) }))}
        style={{ width: 170 }}
        data-testid="users-filter-role"
      />
      {inTree && (
        <TreeSelect
          allowClear
          placeholder={t('user.filterUnit')}
          value={unit}
          onChange={(v) => set({ unit: v })}
          treeData={unitOptions}
          showSearch={{ treeNodeFilterProp: 'search' }}
          treeNodeLabelProp="name"
          treeDefaultExpandedKeys={unitOptions.map((o) => o.key)}
          style={{ width: 240 }}
          styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
          data-testid="users-filter-unit"
        />
      )}
      <Select
        allowClear
        placeholder={t('user.filterStatus')}
        value={status}
        onChange={(v) => set({ status: v })}
        options={[
          { value: 'active', label: t('user.statusActive') },
          { value: 'disabled', label: t('user.statusDisabled') },
        ]}
        style={{ width: 120 }}
        data-testid="users-filter-status"
      />
    </Flex>
  );

  return (
    <>
      <PageHeader title={t('menu.users')} subtitle={me.role === 'institution_admin' ? `${me.institutionName ?? ''} · ${t('user.scopeInstitution')}` : undefined} />
      <Card>
        <UserDirectory
          filters={filters}
          page={page}
          pageSize={pageSize}
          onPageChange={(p, s) => set({ page: p === 1 ? undefined : p, size: s === 20 ? undefined : s }, false)}
          unitOptions={unitOptions}
          institutions={institutions}
          toolbar={toolbar}
          createDefaults={{ orgUnitId: unit }}
        />
      </Card>
    </>
  );
}
