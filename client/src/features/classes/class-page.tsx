import { ArrowLeftOutlined, UserAddOutlined } from '@ant-design/icons';
import type { ClassView } from '@xueshi/shared';
import { Button, Card, Descriptions, Flex, Result, Skeleton, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { fetchClass } from '../../api/classes';
import { ApiError } from '../../api/http';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { useMe } from '../auth/auth-context';
import { AddMembersModal } from './add-members-modal';
import { ClassInfoPanel } from './class-info-panel';
import { JournalPanel } from './journal-panel';
import { daysOf } from './class-rules';
import { ClassKindTag, ClassPhaseTag, ClassRoleTag, peerWindowText } from './labels';
import { MyRecordPanel } from './my-record-panel';
import { PeerReviewPanel } from './peer-review-panel';
import { RecordsPanel } from './records-panel';

const TRAINEE_TABS = ['journal', 'peer', 'record'] as const;
const STAFF_TABS = ['records', 'journal', 'info'] as const;
type Tab = (typeof TRAINEE_TABS)[number] | (typeof STAFF_TABS)[number];

const TAB_LABELS: Record<Tab, MessageKey> = {
  journal: 'class.tabJournal',
  peer: 'class.tabPeer',
  record: 'class.tabMyRecord',
  records: 'class.tabRecords',
  info: 'class.tabInfo',
};

/** A class: a trainee's 写实记录 / 民主评议 / 我的考核, or the instructors' and admins' 学员考核 / 写实记录 / 班次信息. */
export function ClassPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { data, error, loading, reload } = useAsync<ClassView>((signal) => fetchClass(id, signal), [id]);
  const [cls, setCls] = useState<ClassView>();
  const [adding, setAdding] = useState(false);
  // a change elsewhere (members added) reloads the records
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (data) setCls(data);
  }, [data]);

  const listTitle = me.role === 'official' ? t('menu.myClasses') : t('menu.classManage');
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/classes')} style={{ paddingInline: 0, marginBottom: 4 }} data-testid="class-back">
      {listTitle}
    </Button>
  );

  if (!cls || cls.id !== id) {
    if (error && !loading) {
      if (error instanceof ApiError && error.status === 404) {
        return (
          <Result
            status="404"
            title={t('class.notFoundTitle')}
            subTitle={t('class.notFound')}
            extra={
              <Button type="primary" onClick={() => navigate('/classes')}>
                {t('class.backTo', { list: listTitle })}
              </Button>
            }
            data-testid="class-not-found"
          />
        );
      }
      return <Result status="warning" title={errorMessage(error)} extra={<Button onClick={reload}>{t('player.retry')}</Button>} />;
    }
    return <Skeleton active paragraph={{ rows: 10 }} />;
  }

  const trainee = cls.myRole === 'member';
  const tabs: readonly Tab[] = trainee ? TRAINEE_TABS : STAFF_TABS;
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : tabs[0];
  const setTab = (next: string) => setParams(next === tabs[0] ? {} : { tab: next }, { replace: true });
  const peer = peerWindowText(i18n, cls);

  const render = (k: Tab) => {
    switch (k) {
      case 'journal':
        return <JournalPanel cls={cls} />;
      case 'peer':
        return <PeerReviewPanel cls={cls} />;
      case 'record':
        return <MyRecordPanel cls={cls} />;
      case 'records':
        return <RecordsPanel cls={cls} version={version} />;
      case 'info':
        return <ClassInfoPanel cls={cls} />;
    }
  };

  return (
    <>
      {back}
      <Card style={{ marginBottom: 16 }} data-testid="class-header" data-role={cls.myRole}>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div style={{ minWidth: 0 }}>
            <Flex gap={4} wrap style={{ marginBottom: 6 }}>
              <ClassKindTag kind={cls.kind} />
              <ClassPhaseTag c={cls} />
              <ClassRoleTag role={cls.myRole} />
            </Flex>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="class-title">
              {cls.title}
            </Typography.Title>
          </div>
          {cls.myRole === 'admin' && (
            <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="members-add">
              {t('class.addMembers')}
            </Button>
          )}
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          style={{ marginTop: 16 }}
          items={[
            {
              key: 'dates',
              label: t('class.dates'),
              children: (
                <span>
                  <span className="xs-mono">
                    {cls.startsOn} ~ {cls.endsOn}
                  </span>
                  <Typography.Text type="secondary"> · {t('class.daysN', { n: daysOf(cls) })}</Typography.Text>
                </span>
              ),
            },
            { key: 'instructors', label: t('class.instructors'), children: cls.instructors.map((x) => x.name).join(t('common.listSep')) || t('info.noInstructors') },
            { key: 'members', label: t('class.members'), children: <span data-testid="class-member-count">{t('class.membersN', { n: cls.members.length })}</span> },
            {
              key: 'peer',
              label: t('class.peerWindow'),
              children: <Typography.Text type={peer.state === 'open' ? 'success' : 'secondary'}>{peer.text}</Typography.Text>,
            },
          ]}
        />
      </Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        data-testid="class-tabs"
        items={tabs.map((k) => ({ key: k, label: <span data-testid={`tab-${k}`}>{t(TAB_LABELS[k])}</span>, children: tab === k ? render(k) : null }))}
      />
      {cls.myRole === 'admin' && (
        <AddMembersModal
          open={adding}
          cls={cls}
          onClose={() => setAdding(false)}
          onAdded={(next) => {
            setAdding(false);
            setCls(next);
            setVersion((n) => n + 1);
          }}
        />
      )}
    </>
  );
}
