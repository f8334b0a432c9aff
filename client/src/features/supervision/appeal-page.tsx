import { ArrowLeftOutlined, CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { AppealDecision, type AppealDetail } from '@xueshi/shared';
import { Alert, App, Button, type ButtonProps, Card, Descriptions, Form, Input, InputNumber, Radio, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { decideAppeal, fetchAppeal } from '../../api/supervision';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../lib/i18n';
import { errorMessage, showServerError } from '../../lib/server-errors';
import { useAsync } from '../../lib/use-async';
import { zodRule } from '../../lib/zod-rule';
import { useMe } from '../auth/auth-context';
import { formatHours } from '../courses/format';
import { LessonCreditDetails } from '../learning/lesson-credit-details';
import { AppealStatusTag, dateTime } from './labels';

interface DecisionValues {
  decision: 'accepted' | 'rejected';
  hours?: number;
  reason: string;
}

/** 处理申诉: accept with the hours to add (a correction entry in the ledger, with the reason), or reject. */
function DecisionForm({ appeal, onDecided }: { appeal: AppealDetail; onDecided: () => void }) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const decision = Form.useWatch('decision', form) ?? 'accepted';
  const [saving, setSaving] = useState(false);

  const send = async (v: DecisionValues) => {
    setSaving(true);
    try {
      await decideAppeal(appeal.id, {
        decision: v.decision,
        hours: v.decision === 'accepted' ? v.hours : undefined,
        reason: v.reason.trim(),
      });
      message.success(v.decision === 'accepted' ? t('appeal.acceptedDone', { n: formatHours(v.hours ?? 0) }) : t('appeal.rejectedDone'));
      onDecided();
    } catch (e) {
      showServerError(e, message, form, ['decision', 'hours', 'reason']);
    } finally {
      setSaving(false);
    }
  };

  // validated first, then confirmed: a decision cannot be taken back
  const submit = async () => {
    let v: DecisionValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    modal.confirm({
      title: v.decision === 'accepted' ? t('appeal.confirmAccept', { n: formatHours(v.hours ?? 0), name: appeal.userName }) : t('appeal.confirmReject'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'appeal-confirm' } as ButtonProps,
      onOk: () => send(v),
    });
  };

  return (
    <Card title={t('appeal.decideTitle')} data-testid="appeal-decide" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('appeal.decideHint')}</Typography.Paragraph>
      <Form<DecisionValues> form={form} layout="vertical" initialValues={{ decision: 'accepted' }} disabled={saving} style={{ maxWidth: 640 }}>
        <Form.Item name="decision" label={t('appeal.decision')}>
          <Radio.Group data-testid="appeal-decision-choice">
            <Radio.Button value="accepted" data-testid="appeal-accept">
              <CheckOutlined /> {t('appeal.accept')}
            </Radio.Button>
            <Radio.Button value="rejected" data-testid="appeal-reject">
              <CloseOutlined /> {t('appeal.reject')}
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
        {decision === 'accepted' && (
          <Form.Item
            name="hours"
            label={t('appeal.hoursToAdd')}
            extra={t('appeal.hoursHint')}
            rules={[{ required: true, message: t('appeal.hoursRequired') }, zodRule(AppealDecision.shape.hours, lang, t('appeal.hoursRule'))]}
          >
            <InputNumber min={0.1} max={100} step={0.1} precision={1} suffix={t('appeal.hoursUnit')} style={{ width: 200 }} data-testid="appeal-hours" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('appeal.decisionReason')}
          rules={[{ required: true, whitespace: true, message: t('appeal.decisionReasonRequired') }, zodRule(AppealDecision.shape.reason, lang, t('appeal.decisionReasonRule'))]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('appeal.decisionReasonPlaceholder')} data-testid="appeal-decision-reason" />
        </Form.Item>
        <Button type="primary" danger={decision === 'rejected'} loading={saving} onClick={submit} data-testid="appeal-decide-submit">
          {decision === 'accepted' ? t('appeal.submitAccept') : t('appeal.submitReject')}
        </Button>
      </Form>
    </Card>
  );
}

/** 申诉详情: the appeal, its decision, and the evidence — the lesson's credit explanation. */
export function AppealPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const admin = me.role === 'org_admin' || me.role === 'sys_admin';
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useAsync<AppealDetail>((signal) => fetchAppeal(id, signal), [id]);

  if (!data) {
    if (error && !loading) return <Result status="warning" title={errorMessage(error)} extra={<Button onClick={() => navigate('/appeals')}>{t('common.back')}</Button>} />;
    return <Skeleton active paragraph={{ rows: 10 }} />;
  }
  const a = data;

  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/appeals')} style={{ paddingInline: 0, marginBottom: 4 }} data-testid="appeal-back">
        {t('appeal.backToList')}
      </Button>
      <PageHeader
        title={`${t('appeal.detailTitle')} · ${a.lessonTitle}`}
        subtitle={a.courseTitle}
        extra={
          <>
            <AppealStatusTag status={a.status} testId="appeal-status" />
            <Button onClick={reload}>{t('common.refresh')}</Button>
          </>
        }
      />
      <Card title={t('appeal.appealCard')} style={{ marginBottom: 16 }} data-testid="appeal-info">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          styles={{ label: { width: 130 } }}
          items={[
            { key: 'official', label: t('appeal.official'), children: a.userName },
            { key: 'unit', label: t('appeal.unit'), children: a.unitName ?? '—' },
            { key: 'course', label: t('appeal.course'), children: a.courseTitle },
            { key: 'lesson', label: t('appeal.lesson'), children: a.lessonTitle },
            { key: 'filed', label: t('appeal.filedAt'), children: <span className="xs-mono">{dateTime(a.createdAt)}</span> },
            { key: 'status', label: t('appeal.status'), children: <AppealStatusTag status={a.status} /> },
            {
              key: 'reason',
              label: t('appeal.reason'),
              span: 'filled',
              children: (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="appeal-reason-text">
                  {a.reason}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
        {a.status !== 'open' && (
          <Alert
            type={a.status === 'accepted' ? 'success' : 'warning'}
            showIcon
            style={{ marginTop: 16 }}
            data-testid="appeal-outcome"
            title={
              a.status === 'accepted'
                ? t('appeal.outcomeAccepted', { n: formatHours(a.hours ?? 0) })
                : t('appeal.outcomeRejected')
            }
            description={
              <>
                <div style={{ whiteSpace: 'pre-wrap' }}>
                  {t('appeal.decisionReason')}：{a.decisionReason ?? '—'}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('appeal.decidedBy', { name: a.decidedByName ?? '—', at: dateTime(a.decidedAt) })}
                </Typography.Text>
              </>
            }
          />
        )}
      </Card>
      {admin && a.status === 'open' && <DecisionForm appeal={a} onDecided={reload} />}
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('appeal.evidence')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('appeal.evidenceHint')}</Typography.Paragraph>
      <div data-testid="appeal-evidence">
        <LessonCreditDetails data={a.explanation} />
      </div>
    </>
  );
}
