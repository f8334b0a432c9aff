import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ClassView } from '@xueshi/shared';
import { Alert, Button, Card, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router';
import { fetchClasses } from '../../api/classes';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { useMe } from '../auth/auth-context';
import { ClassCreateModal } from './class-create-modal';
import { daysOf } from './class-rules';
import { ClassKindTag, ClassPhaseTag, ClassRoleTag, peerWindowText } from './labels';

/** 我的班次 (a trainee's classes) / 班次管理 (an instructor's, an institution's): title, kind, dates, role. */
export function ClassListPage() {
  const me = useMe();
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useAsync((signal) => fetchClasses(signal), []);
  const items = data?.items ?? [];
  const official = me.role === 'official';
  // classes are opened by an institution's admins (the server refuses anyone else)
  const mayCreate = me.role === 'institution_admin';

  const subtitle =
    me.role === 'official'
      ? t('class.listScopeOfficial')
      : me.role === 'instructor'
        ? t('class.listScopeInstructor')
        : me.role === 'institution_admin'
          ? `${me.institutionName ?? ''} · ${t('class.listScopeInstitution')}`
          : t('class.listScopeAll');

  const columns: TableColumnsType<ClassView> = [
    {
      title: t('class.title'),
      dataIndex: 'title',
      width: 290,
      render: (_, c) => (
        <Space size={4} orientation="vertical" style={{ minWidth: 0 }}>
          <Link to={`/classes/${c.id}`} data-testid={`class-link-${c.id}`}>
            <Typography.Text strong style={{ color: 'inherit' }}>
              {c.title}
            </Typography.Text>
          </Link>
          <span>
            <ClassKindTag kind={c.kind} />
            <ClassPhaseTag c={c} />
          </span>
        </Space>
      ),
    },
    {
      title: t('class.dates'),
      key: 'dates',
      width: 210,
      render: (_, c) => (
        <Space size={0} orientation="vertical">
          <span className="xs-mono" style={{ whiteSpace: 'nowrap' }}>
            {c.startsOn} ~ {c.endsOn}
          </span>
          <Typography.Text type="secondary">{t('class.daysN', { n: daysOf(c) })}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('class.instructors'),
      key: 'instructors',
      width: 120,
      render: (_, c) => c.instructors.map((x) => x.name).join(t('common.listSep')) || t('common.none'),
    },
    { title: t('class.members'), key: 'members', width: 70, align: 'right', render: (_, c) => t('class.membersN', { n: c.members.length }) },
    {
      title: t('class.peerWindow'),
      key: 'peer',
      width: 180,
      render: (_, c) => {
        const { text, state } = peerWindowText(i18n, c);
        return <Typography.Text type={state === 'open' ? undefined : 'secondary'}>{text}</Typography.Text>;
      },
    },
    { title: t('class.myRole'), dataIndex: 'myRole', width: 96, render: (_, c) => <ClassRoleTag role={c.myRole} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 70,
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => navigate(`/classes/${c.id}`)} data-testid={`class-open-${c.id}`}>
          {t('class.open')}
        </Button>
      ),
    },
  ];
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);

  return (
    <>
      <PageHeader
        title={official ? t('menu.myClasses') : t('menu.classManage')}
        subtitle={subtitle}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={loading} data-testid="classes-refresh">
              {t('common.refresh')}
            </Button>
            {mayCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="class-create">
                {t('class.create')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        {error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} /> : null}
        <Table<ClassView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={loading}
          scroll={{ x: scrollX }}
          data-testid="class-list"
          onRow={(c) => ({ 'data-testid': `class-row-${c.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: official ? t('class.emptyOfficial') : me.role === 'instructor' ? t('class.emptyInstructor') : t('class.emptyAdmin') }}
          pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) } : false}
        />
      </Card>
      {mayCreate && (
        <ClassCreateModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            navigate(`/classes/${c.id}?tab=info`);
          }}
        />
      )}
    </>
  );
}
