import { EditOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { JournalInput, type ClassView, type JournalEntryView } from '@xueshi/shared';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Flex, Form, Input, Row, Select, Skeleton, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { addJournalEntry, fetchJournal } from '../../api/classes';
import { useI18n } from '../../lib/i18n';
import { errorMessage, showServerError } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { zodRule } from '../../lib/zod-rule';
import { dateTime } from './labels';

/** 写实记录: a trainee writes dated entries and reads their own; instructors and admins read everyone's. */
export function JournalPanel({ cls }: { cls: ClassView }) {
  return cls.myRole === 'member' ? <TraineeJournal cls={cls} /> : <StaffJournal cls={cls} />;
}

const byDate = (a: JournalEntryView, b: JournalEntryView) => (a.entryDate === b.entryDate ? b.createdAt.localeCompare(a.createdAt) : b.entryDate.localeCompare(a.entryDate));

function TraineeJournal({ cls }: { cls: ClassView }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ entryDate: Dayjs; content: string }>();
  const [saving, setSaving] = useState(false);
  const { data, error, loading, reload } = useAsync((signal) => fetchJournal(cls.id, undefined, signal), [cls.id]);
  const [entries, setEntries] = useState<JournalEntryView[]>();
  useEffect(() => {
    if (data) setEntries([...data.items].sort(byDate));
  }, [data]);

  // an entry is about a day of the class that has come: the class dates, up to today
  const today = dayjs().format('YYYY-MM-DD');
  const last = cls.endsOn < today ? cls.endsOn : today;
  const notStarted = today < cls.startsOn;
  const disabledDate = (d: Dayjs) => {
    const s = d.format('YYYY-MM-DD');
    return s < cls.startsOn || s > last;
  };

  const submit = async (v: { entryDate: Dayjs; content: string }) => {
    setSaving(true);
    try {
      const entry = await addJournalEntry(cls.id, { entryDate: v.entryDate.format('YYYY-MM-DD'), content: v.content.trim() });
      setEntries((list) => [entry, ...(list ?? [])].sort(byDate));
      form.setFieldsValue({ content: '' });
      message.success(t('journal.added', { date: entry.entryDate }));
    } catch (e) {
      showServerError(e, message, form, ['entryDate', 'content']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card
          title={
            <span>
              <EditOutlined style={{ marginInlineEnd: 8 }} />
              {t('journal.write')}
            </span>
          }
          data-testid="journal-form"
        >
          <Typography.Paragraph type="secondary">{t('journal.intro')}</Typography.Paragraph>
          {notStarted ? (
            <Alert type="info" showIcon title={t('journal.notStarted', { date: cls.startsOn })} data-testid="journal-not-started" />
          ) : (
            <Form
              form={form}
              layout="vertical"
              onFinish={submit}
              disabled={saving}
              initialValues={{ entryDate: dayjs(last), content: '' }}
            >
              <Form.Item
                name="entryDate"
                label={t('journal.date')}
                extra={t('journal.dateHint', { from: cls.startsOn, to: cls.endsOn })}
                rules={[{ required: true, message: t('journal.dateRequired') }]}
              >
                <DatePicker
                  disabledDate={disabledDate}
                  allowClear={false}
                  format={lang === 'zh' ? 'YYYY-MM-DD dddd' : 'YYYY-MM-DD ddd'}
                  style={{ width: 240 }}
                  data-testid="journal-date"
                />
              </Form.Item>
              <Form.Item
                name="content"
                label={t('journal.content')}
                rules={[
                  { required: true, whitespace: true, message: t('journal.contentRequired') },
                  zodRule(JournalInput.shape.content, lang, t('journal.contentRule')),
                ]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 6, maxRows: 14 }}
                  maxLength={5000}
                  showCount
                  placeholder={t('journal.contentPlaceholder')}
                  data-testid="journal-content"
                />
              </Form.Item>
              <Flex justify="flex-end">
                <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={saving} data-testid="journal-submit">
                  {t('journal.submit')}
                </Button>
              </Flex>
            </Form>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card
          title={t('journal.mine')}
          extra={
            <Flex gap={8} align="center">
              {entries && <Typography.Text type="secondary" data-testid="journal-count">{t('journal.totalN', { n: entries.length })}</Typography.Text>}
              <Button size="small" icon={<ReloadOutlined />} onClick={reload} loading={loading} aria-label={t('common.refresh')} />
            </Flex>
          }
        >
          {error && !loading ? <Alert type="warning" showIcon title={errorMessage(error)} /> : <JournalEntries entries={entries} empty={t('journal.emptyMine')} />}
        </Card>
      </Col>
    </Row>
  );
}

function StaffJournal({ cls }: { cls: ClassView }) {
  const { t } = useI18n();
  const [userId, setUserId] = useState<string>();
  const { data, error, loading, reload } = useAsync((signal) => fetchJournal(cls.id, userId, signal), [cls.id, userId]);
  const entries = data ? [...data.items].sort(byDate) : undefined;
  return (
    <Card
      title={t('journal.all')}
      extra={
        <Flex gap={8} align="center" wrap>
          {entries && <Typography.Text type="secondary" data-testid="journal-count">{t('journal.totalN', { n: entries.length })}</Typography.Text>}
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('journal.filterTrainee')}
            value={userId}
            onChange={(v: string | undefined) => setUserId(v)}
            options={cls.members.map((m) => ({ value: m.id, label: m.name }))}
            style={{ width: 180 }}
            data-testid="journal-filter"
          />
          <Button icon={<ReloadOutlined />} onClick={reload} loading={loading} aria-label={t('common.refresh')} />
        </Flex>
      }
    >
      {error && !loading ? (
        <Alert type="warning" showIcon title={errorMessage(error)} />
      ) : (
        <JournalEntries entries={loading ? undefined : entries} empty={userId ? t('journal.emptyTrainee') : t('journal.empty')} showName={!userId} />
      )}
    </Card>
  );
}

/** Entries newest day first, each with its date beside it. */
function JournalEntries({ entries, empty, showName = false }: { entries: JournalEntryView[] | undefined; empty: string; showName?: boolean }) {
  const { t, lang } = useI18n();
  if (!entries) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (!entries.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} data-testid="journal-empty" />;
  return (
    <div className="xs-journal" data-testid="journal-list">
      {entries.map((e) => {
        const d = dayjs(e.entryDate);
        return (
          <div key={e.id} className="xs-journal-entry" data-testid="journal-entry" data-date={e.entryDate} data-user={e.userId}>
            <div className="xs-journal-date">
              <div className="xs-journal-day">{d.format('DD')}</div>
              <div className="xs-journal-month">{d.format(lang === 'zh' ? 'YYYY-MM' : 'MMM YYYY')}</div>
              <div className="xs-journal-weekday">{d.format('ddd')}</div>
            </div>
            <div className="xs-journal-body">
              {showName && (
                <Tag color="blue" style={{ marginBottom: 6 }} data-testid="journal-entry-name">
                  {e.userName}
                </Tag>
              )}
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }} data-testid="journal-entry-content">
                {e.content}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('journal.writtenAt', { time: dateTime(e.createdAt) })}
              </Typography.Text>
            </div>
          </div>
        );
      })}
    </div>
  );
}
