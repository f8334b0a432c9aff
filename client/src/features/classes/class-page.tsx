import { ArrowLeftOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import type { ClassView } from '@xueshi/shared';
import { Alert, App, Button, Card, Descriptions, Flex, Result, Skeleton, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { fetchClass, publishClass } from '../../api/classes';
import { ApiError } from '../../api/http';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { errorMessage } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { useMe } from '../auth/auth-context';
import { AttendancePanel } from './attendance-panel';
import { ClassEditModal } from './class-create-modal';
import { ClassInfoPanel } from './class-info-panel';
import { ClassStatusTag, LevelTag } from './class-status';
import { CompletionPanel } from './completion-panel';
import { PublishRefusal, refusalOf, type Refusal } from './publish-refusal';
import { SessionsPanel } from './sessions-panel';
import { JournalPanel } from './journal-panel';
import { daysOf } from './class-rules';
import { ClassKindTag, ClassPhaseTag, ClassRoleTag, peerWindowText } from './labels';
import { MyRecordPanel } from './my-record-panel';
import { PeerReviewPanel } from './peer-review-panel';
import { RecordsPanel } from './records-panel';

const TRAINEE_TABS = ['journal', 'peer', 'record'] as const;
const STAFF_TABS = ['records', 'journal', 'info', 'completion'] as const;
// 班次管理: an admin runs the class: its rules and offline days, attendance, completion
const ADMIN_TABS = ['info', 'sessions', 'attendance', 'completion', 'records', 'journal'] as const;
type Tab = (typeof TRAINEE_TABS)[number] | (typeof STAFF_TABS)[number] | (typeof ADMIN_TABS)[number];

const TAB_LABELS: Record<Tab, MessageKey> = {
  journal: 'class.tabJournal',
  peer: 'class.tabPeer',
  record: 'class.tabMyRecord',
  records: 'class.tabRecords',
  info: 'class.tabInfo',
  sessions: 'ca.tabSessions',
  attendance: 'ca.tabAttendance',
  completion: 'ca.tabCompletion',
};

/**
 * A class: a trainee's 写实记录 / 民主评议 / 我的考核; the instructors' 学员考核 / 写实记录 / 班次信息 / 结业;
 * an admin's 班次信息 / 脱产课程 / 考勤 / 结业 / 学员考核 / 写实记录, with editing and publishing.
 */
export function ClassPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { modal, message } = App.useApp();
  const { data, error, loading, reload } = useAsync<ClassView>((signal) => fetchClass(id, signal), [id]);
  const [cls, setCls] = useState<ClassView>();
  const [editing, setEditing] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [attendanceDirty, setAttendanceDirty] = useState(false);
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
  const admin = cls.myRole === 'admin';
  const tabs: readonly Tab[] = trainee ? TRAINEE_TABS : admin ? ADMIN_TABS : STAFF_TABS;
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : tabs[0];
  const go = (next: string) => setParams(next === tabs[0] ? {} : { tab: next }, { replace: true });
  // leaving the attendance grid with unsaved ticks asks first
  const setTab = (next: string) => {
    if (tab !== 'attendance' || !attendanceDirty) return go(next);
    modal.confirm({
      title: t('ca.attLeaveTitle'),
      content: t('ca.attLeave'),
      okText: t('ca.attLeaveOk'),
      okButtonProps: { danger: true, 'data-testid': 'attendance-leave-ok' },
      onOk: () => {
        setAttendanceDirty(false);
        go(next);
      },
    });
  };
  const peer = peerWindowText(i18n, cls);
  const changed = (next: ClassView) => {
    setCls(next);
    setVersion((n) => n + 1);
    if (refusal && next.problems.length === 0) setRefusal(null);
  };

  const publish = () => {
    modal.confirm({
      title: t('ca.publishConfirmTitle', { title: cls.title }),
      content: (
        <div data-testid="publish-confirm">
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('ca.publishConfirm')}</Typography.Paragraph>
          {cls.problems.length > 0 && <Typography.Text type="warning">{t('ca.publishConfirmProblems', { n: cls.problems.length })}</Typography.Text>}
        </div>
      ),
      okText: t('ca.publish'),
      okButtonProps: { 'data-testid': 'publish-ok' },
      onOk: async () => {
        setPublishing(true);
        setRefusal(null);
        try {
          changed(await publishClass(cls.id));
          message.success(t('ca.published', { title: cls.title }));
        } catch (e) {
          const r = refusalOf(e);
          if (!r) {
            message.error(errorMessage(e));
            return;
          }
          setRefusal(r);
          // the rules as the server sees them now
          fetchClass(cls.id)
            .then(setCls)
            .catch(() => undefined);
        } finally {
          setPublishing(false);
        }
      },
    });
  };

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
        return <ClassInfoPanel cls={cls} onChange={admin ? changed : undefined} />;
      case 'sessions':
        return <SessionsPanel cls={cls} onChange={changed} />;
      case 'attendance':
        return <AttendancePanel cls={cls} onDirtyChange={setAttendanceDirty} />;
      case 'completion':
        return <CompletionPanel cls={cls} version={version} onChange={changed} />;
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
              <LevelTag level={cls.appointmentLevel} />
              {!trainee && <ClassStatusTag status={cls.status} />}
              <ClassPhaseTag c={cls} />
              <ClassRoleTag role={cls.myRole} />
            </Flex>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="class-title">
              {cls.title}
            </Typography.Title>
          </div>
          {admin && cls.status !== 'finished' && (
            <Flex gap={8} wrap>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="class-edit">
                {t('ca.edit')}
              </Button>
              {cls.status === 'draft' && (
                <Button type="primary" icon={<SendOutlined />} onClick={publish} loading={publishing} data-testid="class-publish">
                  {t('ca.publish')}
                </Button>
              )}
            </Flex>
          )}
        </Flex>
        {refusal && <PublishRefusal refusal={refusal} onClose={() => setRefusal(null)} />}
        {admin && cls.status === 'finished' && (
          <Alert type="info" showIcon title={t('ca.finishedReadOnly')} style={{ marginTop: 12 }} data-testid="class-finished-note" />
        )}
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
      {admin && cls.status !== 'finished' && (
        <ClassEditModal
          open={editing}
          cls={cls}
          onClose={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            changed(next);
          }}
        />
      )}
    </>
  );
}
