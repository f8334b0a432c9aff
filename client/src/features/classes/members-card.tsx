import { ApartmentOutlined, FileExcelOutlined, UserAddOutlined, UserDeleteOutlined } from '@ant-design/icons';
import type { ClassView } from '@xueshi/shared';
import { App, Button, Card, Flex, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { removeClassMember } from '../../api/classes';
import { ApiError } from '../../api/http';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useOrgUnits } from '../organization/use-org-data';
import { AddMembersModal } from './add-members-modal';
import { ImportMembersModal } from './import-members-modal';
import { UnitMembersModal } from './unit-members-modal';

type Member = ClassView['members'][number];
type Adding = 'list' | 'unit' | 'import' | null;

/** 学员名单: the trainees, and for an admin of an unfinished class: enrol by list, by organisation node, from XLSX; remove. */
export function MembersCard({ cls, onChange }: { cls: ClassView; onChange?: (c: ClassView) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const manage = cls.myRole === 'admin' && cls.status !== 'finished' && !!onChange;
  const [adding, setAdding] = useState<Adding>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  // the org tree for 按组织添加; an admin refused the tree (403) does not get the option
  const org = useOrgUnits(manage);
  const treeRefused = org.error instanceof ApiError && (org.error.status === 403 || org.error.status === 404);

  const remove = async (m: Member) => {
    setRemoving(m.id);
    try {
      onChange?.(await removeClassMember(cls.id, m.id));
      message.success(t('ca.memberRemoved', { name: m.name }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setRemoving(null);
    }
  };

  const columns: TableColumnsType<Member> = [
    { title: '#', key: 'i', width: 56, render: (_, __, i) => i + 1 },
    { title: t('info.name'), dataIndex: 'name', width: 140 },
    { title: t('info.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? t('common.none') },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_: unknown, m: Member) => (
              <Popconfirm
                title={t('ca.memberRemoveConfirm', { name: m.name })}
                description={t('ca.memberRemoveHint')}
                okText={t('ca.memberRemove')}
                okButtonProps={{ danger: true, 'data-testid': 'member-remove-ok' }}
                onConfirm={() => remove(m)}
              >
                <Button type="link" size="small" danger icon={<UserDeleteOutlined />} loading={removing === m.id} data-testid={`member-remove-${m.id}`}>
                  {t('ca.memberRemove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  const done = (c: ClassView) => onChange?.(c);

  return (
    <Card
      data-testid="members-card"
      title={
        <span>
          {t('info.membersTitle')}{' '}
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            {t('info.membersN', { n: cls.members.length })}
          </Typography.Text>
        </span>
      }
      extra={
        manage && (
          <Flex gap={8} wrap>
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding('list')} data-testid="members-add">
              {t('ca.addByList')}
            </Button>
            {!treeRefused && (
              <Button icon={<ApartmentOutlined />} onClick={() => setAdding('unit')} disabled={!!org.error && !treeRefused} data-testid="members-add-unit">
                {t('ca.addByUnit')}
              </Button>
            )}
            <Button icon={<FileExcelOutlined />} onClick={() => setAdding('import')} data-testid="members-import">
              {t('ca.addByImport')}
            </Button>
          </Flex>
        )
      }
    >
      <Table<Member>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={cls.members}
        pagination={cls.members.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        onRow={(m) => ({ 'data-testid': `member-row-${m.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('info.noMembers') }}
        data-testid="members-table"
      />
      {manage && (
        <>
          <AddMembersModal
            open={adding === 'list'}
            cls={cls}
            onClose={() => setAdding(null)}
            onAdded={(c) => {
              setAdding(null);
              done(c);
            }}
          />
          <UnitMembersModal
            open={adding === 'unit'}
            cls={cls}
            options={org.options}
            nameOf={(id) => org.units.find((u) => u.id === id)?.name ?? ''}
            loading={org.loading}
            onClose={() => setAdding(null)}
            onAdded={done}
          />
          <ImportMembersModal open={adding === 'import'} cls={cls} onClose={() => setAdding(null)} onImported={done} />
        </>
      )}
    </Card>
  );
}
