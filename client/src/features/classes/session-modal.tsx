import { OfflineSessionInput, type ClassView, type OfflineSessionView } from '@xueshi/shared';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { addClassSession, updateClassSession } from '../../api/classes';
import { useI18n } from '../../lib/i18n';
import { showServerError } from '../../lib/server-errors';
import { zodRule } from '../../lib/zod-rule';

interface Values {
  sessionDate: Dayjs;
  title: string;
  days: 0.5 | 1;
  ruleOfLawHours: number;
}

interface Props {
  cls: ClassView;
  /** the session to change; null: a new one */
  session: OfflineSessionView | null;
  open: boolean;
  onClose: () => void;
  onSaved: (c: ClassView) => void;
}

/** 脱产课程: a day or half a day in the classroom, with its rule-of-law hours (P3). */
export function SessionModal({ cls, session, open, onClose, onSaved }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (session) {
      form.setFieldsValue({ sessionDate: dayjs(session.sessionDate), title: session.title, days: session.days === 0.5 ? 0.5 : 1, ruleOfLawHours: session.ruleOfLawHours });
    } else {
      // the day after the last session, within the class
      const last = cls.sessions.map((s) => s.sessionDate).sort().pop();
      const next = last ? dayjs(last).add(1, 'day') : dayjs(cls.startsOn);
      form.setFieldsValue({ sessionDate: next.isAfter(dayjs(cls.endsOn)) ? dayjs(cls.endsOn) : next, days: 1, ruleOfLawHours: 0 });
    }
  }, [open]);

  const onFinish = async (v: Values) => {
    const body: OfflineSessionInput = { sessionDate: v.sessionDate.format('YYYY-MM-DD'), title: v.title.trim(), days: v.days, ruleOfLawHours: v.ruleOfLawHours ?? 0 };
    setSaving(true);
    try {
      const next = session ? await updateClassSession(cls.id, session.id, body) : await addClassSession(cls.id, body);
      message.success(t(session ? 'ca.sessionSaved' : 'ca.sessionAdded', { title: body.title }));
      onSaved(next);
    } catch (e) {
      showServerError(e, message, form, ['sessionDate', 'title', 'days', 'ruleOfLawHours']);
    } finally {
      setSaving(false);
    }
  };

  const outside = (d: Dayjs) => d.isBefore(dayjs(cls.startsOn), 'day') || d.isAfter(dayjs(cls.endsOn), 'day');

  return (
    <Modal
      open={open}
      title={session ? t('ca.sessionEditTitle') : t('ca.sessionAddTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: saving, 'data-testid': 'session-submit' }}
      destroyOnHidden
      width={560}
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} style={{ marginTop: 16 }} requiredMark="optional" data-testid="session-form">
        <Form.Item name="title" label={t('ca.sessionTitle')} rules={[{ required: true, whitespace: true, message: t('ca.sessionTitleRequired') }, zodRule(OfflineSessionInput.shape.title, lang, t('ca.sessionTitleRequired'))]}>
          <Input maxLength={100} showCount placeholder={t('ca.sessionTitlePlaceholder')} data-testid="session-title" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item
              name="sessionDate"
              label={t('ca.sessionDate')}
              extra={t('ca.sessionDateHint', { from: cls.startsOn, to: cls.endsOn })}
              rules={[{ required: true, message: t('ca.sessionDateRequired') }]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={outside} data-testid="session-date" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={7}>
            <Form.Item name="days" label={t('ca.sessionDays')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 1, label: t('ca.fullDay') },
                  { value: 0.5, label: t('ca.halfDay') },
                ]}
                data-testid="session-days"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={7}>
            <Form.Item name="ruleOfLawHours" label={t('ca.sessionLawHours')} rules={[zodRule(OfflineSessionInput.shape.ruleOfLawHours, lang, t('ca.lawHoursRule'))]}>
              <InputNumber min={0} max={7.5} step={0.5} precision={1} suffix={t('ca.hourUnit')} style={{ width: '100%' }} data-testid="session-law-hours" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
