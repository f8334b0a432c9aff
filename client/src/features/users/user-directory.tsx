import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { RANK_LEVEL_LABELS, type InstitutionView, type ListUsersQuery, type UserPage, type UserView } from '@xueshi/shared';
import { Alert, App, Button, Dropdown, Flex, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { listUsers, resetPassword, revokeUserSessions, updateUser } from '../../api/users';
import { useI18n } from '../../lib/i18n';
import { errorMessage, showServerError } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { useMe } from '../auth/auth-context';
import type { UnitOption } from '../organization/org-tree';
import { InitialPasswordModal, type InitialPassword } from './initial-password-modal';
import { canManage } from './permissions';
import { UserFormDrawer, type UserFormResult } from './user-form-drawer';
import { FlagTags, isLocked, RoleTag, StatusTag } from './user-tags';

export type UserFilters = Omit<ListUsersQuery, 'page' | 'pageSize'>;

interface Props {
  filters: UserFilters;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  unitOptions: UnitOption[];
  institutions: InstitutionView[];
  /** filter controls shown left of the "new user" button */
  toolbar?: ReactNode;
  createDefaults?: { orgUnitId?: string };
  /** called after anything changed (counts elsewhere may need a reload) */
  onChanged?: () => void;
  testId?: string;
  /** fewer columns, for narrow places */
  compact?: boolean;
}

/** The users table with its actions: create, edit, disable / enable, unlock, reset password. */
export function UserDirectory(props: Props) {
  const { filters, page, pageSize, onPageChange, unitOptions, institutions, toolbar, createDefaults, onChanged, testId = 'users-table', compact = false } = props;
  const me = useMe();
  const { t, label } = useI18n();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<UserView | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [shownPassword, setShownPassword] = useState<InitialPassword | null>(null);

  const key = JSON.stringify(filters);
  const { data, loading, error, reload } = useAsync<UserPage>((signal) => listUsers({ ...filters, page, pageSize }, signal), [key, page, pageSize]);

  const changed = () => {
    reload();
    onChanged?.();
  };

  const patch = async (u: UserView, body: { disabled?: boolean; unlock?: true }, done: string) => {
    try {
      await updateUser(u.id, body);
      message.success(done);
      changed();
    } catch (e) {
      showServerError(e, message);
    }
  };

  const confirmDisable = (u: UserView) =>
    modal.confirm({
      title: t('user.disable'),
      content: t('user.disableConfirm', { name: u.name }),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      okText: t('user.disable'),
      onOk: () => patch(u, { disabled: true }, t('user.disabledDone', { name: u.name })),
    });

  const confirmEnable = (u: UserView) =>
    modal.confirm({
      title: t('user.enable'),
      content: t('user.enableConfirm', { name: u.name }),
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: () => patch(u, { disabled: false }, t('user.enabledDone', { name: u.name })),
    });

  const confirmReset = (u: UserView) =>
    modal.confirm({
      title: t('user.resetPassword'),
      content: t('user.resetConfirm', { name: u.name }),
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: async () => {
        try {
          const r = await resetPassword(u.id);
          setShownPassword({ username: u.username, name: u.name, password: r.initialPassword });
          changed();
        } catch (e) {
          showServerError(e, message);
        }
      },
    });

  const confirmSignOut = (u: UserView) =>
    modal.confirm({
      title: t('user.forceSignOut'),
      content: t('user.forceSignOutConfirm', { name: u.name }),
      okText: t('user.forceSignOut'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      onOk: async () => {
        try {
          const r = await revokeUserSessions(u.id);
          message.success(t('user.forceSignOutDone', { name: u.name, count: r.revoked }));
        } catch (e) {
          showServerError(e, message);
        }
      },
    });

  const onSaved = (r: UserFormResult) => {
    setDrawerOpen(false);
    if (r.created) {
      message.success(t('user.created', { username: r.user.username }));
      if (r.initialPassword) setShownPassword({ username: r.user.username, name: r.user.name, password: r.initialPassword });
    } else {
      message.success(t('user.updated'));
    }
    changed();
  };

  const none = <span style={{ color: '#bfbfbf' }}>{t('common.none')}</span>;

  const allColumns: TableColumnsType<UserView> = [
    {
      title: t('user.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 110,
      ellipsis: { showTitle: true },
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    { title: t('user.username'), dataIndex: 'username', width: 120, ellipsis: true, render: (v: string) => <span className="xs-mono">{v}</span> },
    { title: t('user.staffNo'), dataIndex: 'staffNo', width: 110, render: (v: string | null) => (v ? <span className="xs-mono">{v}</span> : none) },
    {
      title: t('user.placement'),
      key: 'placement',
      width: 170,
      ellipsis: true,
      render: (_, u) => u.orgUnitName ?? u.institutionName ?? none,
    },
    { title: t('user.role'), dataIndex: 'role', width: 130, render: (_, u) => <RoleTag role={u.role} /> },
    { title: t('user.rank'), dataIndex: 'rankLevel', width: 80, render: (_, u) => (u.rankLevel ? label(RANK_LEVEL_LABELS[u.rankLevel]) : none) },
    { title: t('user.flags'), key: 'flags', width: 130, render: (_, u) => <FlagTags user={u} /> },
    { title: t('user.status'), key: 'status', width: 130, render: (_, u) => <StatusTag user={u} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 120,
      render: (_, u) => {
        if (!canManage(me.role, u.role)) return none;
        const self = u.id === me.id;
        const items = [
          ...(u.disabled
            ? [{ key: 'enable', label: t('user.enable'), onClick: () => confirmEnable(u) }]
            : self
              ? []
              : [{ key: 'disable', label: t('user.disable'), danger: true, onClick: () => confirmDisable(u) }]),
          ...(isLocked(u) ? [{ key: 'unlock', label: t('user.unlock'), onClick: () => patch(u, { unlock: true }, t('user.unlockedDone', { name: u.name })) }] : []),
          { key: 'reset', label: t('user.resetPassword'), onClick: () => confirmReset(u) },
          // one's own sessions are on the change-password page (登录设备)
          ...(self ? [] : [{ key: 'signout', label: t('user.forceSignOut'), danger: true, onClick: () => confirmSignOut(u) }]),
        ].map((i) => ({ ...i, 'data-testid': `user-action-${i.key}-${u.username}` }));
        return (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              onClick={() => {
                setEditing(u);
                setDrawerOpen(true);
              }}
              data-testid={`user-edit-${u.username}`}
            >
              {t('common.edit')}
            </Button>
            <Dropdown menu={{ items }} trigger={['click']}>
              <Button type="link" size="small" data-testid={`user-more-${u.username}`}>
                {t('common.more')} <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        );
      },
    },
  ];

  const hidden = compact ? new Set(['username', 'rankLevel', 'flags']) : new Set<string>();
  const columns = allColumns.filter((c) => !hidden.has(String(('dataIndex' in c ? c.dataIndex : undefined) ?? c.key)));
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);

  return (
    <>
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 12 }}>
        <div style={{ flex: 1, minWidth: 0 }}>{toolbar}</div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setEditing(null);
            setDrawerOpen(true);
          }}
          data-testid="user-create"
        >
          {t('user.create')}
        </Button>
      </Flex>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} /> : null}
      <Table<UserView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={{ x: scrollX }}
        data-testid={testId}
        onRow={(u) => ({ 'data-testid': `user-row-${u.username}` }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: onPageChange,
        }}
      />
      <UserFormDrawer
        open={drawerOpen}
        user={editing}
        unitOptions={unitOptions}
        institutions={institutions}
        defaults={createDefaults}
        onClose={() => setDrawerOpen(false)}
        onSaved={onSaved}
      />
      <InitialPasswordModal value={shownPassword} onClose={() => setShownPassword(null)} />
    </>
  );
}
